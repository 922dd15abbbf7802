package docs

import (
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// BenchmarkSearchKeystroke is typing one more letter of a search on GitHub's schema and drawing
// the frame: the issue asks for this to fit in a 60 Hz frame (16 ms).
func BenchmarkSearchKeystroke(b *testing.B) {
	s := githubSchema(b)
	for _, c := range []struct{ name, before, key string }{
		{"first_letter", "", "p"},  // matches almost everything
		{"refine", "pullreq", "u"}, // the common case
		{"type_dot", "repository.", "n"},
	} {
		b.Run(c.name, func(b *testing.B) {
			m := typeText(b, newModel(s, 120, 40), c.before)
			msg := uitest.Key(c.key)
			b.ReportAllocs()
			for b.Loop() {
				next, _ := m.Update(msg)
				_ = next.View()
			}
		})
	}
}

// BenchmarkNavigate is moving the selection on the GitHub home page and on its biggest type
// page, and drawing the frame.
func BenchmarkNavigate(b *testing.B) {
	s := githubSchema(b)
	for _, c := range []struct{ name, typ string }{{"home", ""}, {"Mutation", "Mutation"}, {"Repository", "Repository"}} {
		b.Run(c.name, func(b *testing.B) {
			m := newModel(s, 120, 40)
			if c.typ != "" {
				m = m.Open(c.typ, "")
			}
			m, _ = press(b, m, "down", "down", "down")
			msg := uitest.Key("down")
			b.ReportAllocs()
			for b.Loop() {
				next, _ := m.Update(msg)
				_ = next.View()
			}
		})
	}
}

// BenchmarkSetSchema is installing GitHub's schema (building the home page's rows).
func BenchmarkSetSchema(b *testing.B) {
	s := githubSchema(b)
	m := newModel(nil, 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.SetSchema(s)
	}
}
