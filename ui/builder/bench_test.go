package builder

import (
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// BenchmarkOpenGitHub is opening the builder on GitHub's schema: the tree with Query and
// Mutation expanded (≈300 rows), the ticks of a document, and the first frame.
func BenchmarkOpenGitHub(b *testing.B) {
	s := githubSchema(b)
	doc := "query R($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    name\n    stargazerCount\n  }\n}\n"
	b.ReportAllocs()
	for b.Loop() {
		m := newModel(s, doc, 10, 120, 40)
		_ = m.View()
	}
}

// BenchmarkFilterKeystrokeGitHub is one typed filter character (Update + View) with the
// roots and a few fields expanded on GitHub's schema.
func BenchmarkFilterKeystrokeGitHub(b *testing.B) {
	s := githubSchema(b)
	text := ""
	m := newModel(s, text, 0, 120, 40)
	for _, k := range []string{"query/repository", "query/viewer", "query/organization"} {
		exp := cloneSet(m.expanded)
		exp[k] = true
		m.expanded = exp
	}
	m = m.relayout()
	b.Logf("%d rows", len(m.all))
	b.ReportAllocs()
	for b.Loop() {
		m2, _ := m.Update(uitest.Key("r"))
		m2, _ = m2.Update(uitest.Key("e"))
		_ = m2.View()
	}
}

// BenchmarkToggleGitHub is one tick on GitHub's schema: the edit, the new ticks, the new rows.
func BenchmarkToggleGitHub(b *testing.B) {
	s := githubSchema(b)
	doc := "query R($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    name\n  }\n}\n"
	text := doc
	m := newModel(s, text, 10, 120, 40)
	m = goTo(b, m, &text, fieldChain("query", "repository", "stargazerCount"))
	b.ReportAllocs()
	for b.Loop() {
		m2, _ := m.Update(uitest.Key(" "))
		_ = m2.View()
	}
}

// BenchmarkSearchKeystrokeGitHub is one typed character of a search that reaches past the
// expanded tree (only the roots open) on GitHub's schema: the walk, the rows and the frame.
// "sta" → "star" narrows to the stargazer fields; "e" alone hits the cap.
func BenchmarkSearchKeystrokeGitHub(b *testing.B) {
	s := githubSchema(b)
	for _, c := range []struct{ name, typed, key string }{{"narrow", "sta", "r"}, {"capped", "", "e"}} {
		b.Run(c.name, func(b *testing.B) {
			text := ""
			m := typeText(b, newModel(s, text, 0, 120, 40), &text, c.typed)
			b.ReportAllocs()
			for b.Loop() {
				m2, _ := m.Update(uitest.Key(c.key))
				_ = m2.View()
			}
		})
	}
}
