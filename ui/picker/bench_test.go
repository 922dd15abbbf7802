package picker

import (
	"fmt"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// benchEntries is a large library: 2,000 names of a few words each.
func benchEntries() []saved.Entry {
	words := []string{"get", "gift", "cards", "orders", "balance", "adjust", "customer", "list", "prod", "staging"}
	es := make([]saved.Entry, 2000)
	for i := range es {
		es[i] = saved.Entry{
			Name:     fmt.Sprintf("%s %s %s %d", words[i%10], words[(i/10)%10], words[(i/100)%10], i),
			Modified: now.Add(-time.Duration(i) * time.Hour),
		}
	}
	return es
}

// BenchmarkFilterKeystroke is one typed filter letter over 2,000 saved queries: refilter, rank,
// and draw the frame (the preview views are empty: no library on disk).
func BenchmarkFilterKeystroke(b *testing.B) {
	m := New(uitest.NewContext(now), saved.NewLibrary(b.TempDir()), benchEntries()).SetSize(120, 40)
	m = typeText(b, m, "gc")
	k, back := uitest.Key("a"), uitest.Key("backspace")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(k)
		_ = m.View()
		m, _ = m.Update(back)
	}
}

// BenchmarkFuzzyMatch is one name scored against a three-letter pattern.
func BenchmarkFuzzyMatch(b *testing.B) {
	text := "adjust customer balance (staging) 1234"
	p, l, o := lowerRunes("acb"), lowerRunes(text), []rune(text)
	b.ReportAllocs()
	for b.Loop() {
		fuzzyMatch(p, l, o)
	}
}
