package historyview

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// BenchmarkFilterKeystroke is one typed filter letter over 5,000 entries with 1 KiB documents
// (about the default history bound): substring search, selection, preview rebuild and a frame.
func BenchmarkFilterKeystroke(b *testing.B) {
	doc := "query GetCards($first: Int) {\n" + strings.Repeat("  giftCards(first: $first) { id balance currency }\n", 20) + "}"
	es := make([]history.Entry, 5000)
	for i := range es {
		es[i] = history.Entry{Time: now.Add(-time.Duration(i) * time.Minute), Endpoint: "https://api.toggle.example/graphql",
			Operation: fmt.Sprintf("Op%d", i), OperationKind: "query", Document: doc, Status: 200, Outcome: history.OutcomeOK}
	}
	m := New(uitest.NewContext(now), es, nil).SetSize(120, 40)
	m = typeText(b, m, "op1")
	k, back := uitest.Key("2"), uitest.Key("backspace")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(k)
		_ = m.View()
		m, _ = m.Update(back)
	}
}
