package complete

import (
	"fmt"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// githubSchema loads GitHub's public schema (64k lines of SDL, ~1,600
// types), the scale performance.md measures against.
func githubSchema(b *testing.B) *schema.Schema {
	b.Helper()
	s, err := schema.LoadFile(schemaDir + "github/schema.graphql")
	if err != nil {
		b.Fatalf("load GitHub schema: %v", err)
	}
	return s
}

// githubOperation is one GitHub query, ending with the cursor after a
// partly typed field name inside an issue's selection.
const githubOperation = `query Issues%d($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    issues(first: 20, states: OPEN) {
      nodes {
        number
        title
        author { login }
        labels(first: 5) { nodes { name } }
      }
    }
  }
}
`

// githubDocument returns a document of about n lines made of GitHub
// operations, ending in an open selection with prefix before the cursor.
func githubDocument(n int, prefix string) string {
	var b strings.Builder
	for i := 0; strings.Count(b.String(), "\n") < n-6; i++ {
		fmt.Fprintf(&b, githubOperation, i)
	}
	b.WriteString("query Typing {\n  repository(owner: \"o\", name: \"n\") {\n    issues(first: 1) {\n      nodes {\n        " + prefix)
	return b.String()
}

// BenchmarkKeystroke is the work added to a keystroke while the popup is
// open, as the wiring in doc.go does it: take the editor's text and cursor
// offset, ask the schema for completions there, refresh the popup, render
// it. The editor's own keystroke is measured in ui/editor. The cursor is at
// the end of the document, the worst case: Complete scans the text before
// the cursor.
func BenchmarkKeystroke(b *testing.B) {
	s := githubSchema(b)
	for _, lines := range []int{20, 2000} {
		for _, prefix := range []string{"", "ti", "crtdA"} {
			text := githubDocument(lines, prefix)
			ed := editor.New(editor.Options{Language: editor.GraphQL}).SetSize(80, 40).SetValue(text)
			ed = ed.GotoLine(ed.Lines(), len(ed.Line(ed.Lines()))+1)
			b.Run(fmt.Sprintf("lines=%d/prefix=%q", lines, prefix), func(b *testing.B) {
				m := newPopup().Open(Complete(s, ed.Value(), ed.CursorOffset()))
				if !m.Visible() {
					b.Fatal("nothing to complete")
				}
				b.ReportAllocs()
				for b.Loop() {
					m = m.Refresh(Complete(s, ed.Value(), ed.CursorOffset()))
					_ = m.View()
				}
			})
		}
	}
}

// BenchmarkView is the popup's View alone, a full page of GitHub fields.
func BenchmarkView(b *testing.B) {
	s := githubSchema(b)
	text := githubDocument(20, "")
	m := newPopup().Open(Complete(s, text, len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkOverlay splices a full popup into a rendered 80×40 editor view.
func BenchmarkOverlay(b *testing.B) {
	s := githubSchema(b)
	text := githubDocument(200, "ti")
	ed := editor.New(editor.Options{Language: editor.GraphQL}).SetSize(80, 40).SetValue(text)
	ed = ed.GotoLine(ed.Lines(), 11)
	base := ed.View()
	x, y := ed.CursorScreenPos()
	popup := newPopup().Open(Complete(s, text, len(text))).View()
	b.ReportAllocs()
	for b.Loop() {
		_ = Overlay(base, x, y, popup)
	}
}

// BenchmarkDiagnosticsFor is one validation as LintCmd runs it, off the UI
// goroutine, after typing pauses.
func BenchmarkDiagnosticsFor(b *testing.B) {
	s := githubSchema(b)
	for _, lines := range []int{20, 2000} {
		text := githubDocument(lines, "title }}}}")
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = DiagnosticsFor(s, text)
			}
		})
	}
}
