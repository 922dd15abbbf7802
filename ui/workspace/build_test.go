package workspace

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/build"
)

func TestApplyBuildIsOneUndoStepAndAddsVariables(t *testing.T) {
	f := newFixture(t)
	text := "# mine\nquery A {\n  Cards { total }\n}\n"
	m := f.workspace(Options{Query: text, Variables: `{"keep": 1}`})
	s := toggleSchema(t)
	m.SetSchema(s)
	ch, err := build.SetArg(s.AST(), text, 10, ast.Query, []string{"Cards"}, build.Arg{Path: []string{"card_reference"}, Value: "$ref"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cmd, note := m.ApplyBuild(ch.Edit, text[ch.Edit.Start:ch.Edit.End], ch.Cursor, ch.Declared)
	m = deliver(t, m, cmd)
	if note != "" {
		t.Fatal(note)
	}
	q, vars := m.Document()
	if q != ch.Text {
		t.Fatalf("editor holds\n%s\nwant\n%s", q, ch.Text)
	}
	if want := "{\"keep\": 1,\n  \"ref\": \"\"\n}"; vars != want {
		t.Fatalf("variables %q, want %q", vars, want)
	}
	if off := m.editor.CursorOffset(); off != ch.Cursor {
		t.Fatalf("cursor at %d, want %d", off, ch.Cursor)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if q, _ := m.Document(); q != text {
		t.Fatalf("one undo left\n%s", q)
	}
	// An edit made for other text is refused, not applied.
	if _, note := m.ApplyBuild(ch.Edit, "something else", ch.Cursor, nil); note == "" {
		t.Fatal("a stale edit was applied")
	}
	if q, _ := m.Document(); q != text {
		t.Fatalf("stale edit changed the text:\n%s", q)
	}
}
