package workspace

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/complete"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func toggleSchema(t *testing.T) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile("../../mockapi/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// deliver runs cmd (a debounce tick, a lint) and feeds its messages back, the way the program
// loop would, until nothing more comes.
func deliver(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for i := 0; cmd != nil && i < 6; i++ {
		var next []tea.Cmd
		for _, msg := range uitest.Messages(cmd) {
			var c tea.Cmd
			m, c = m.Update(msg)
			next = append(next, c)
		}
		cmd = tea.Batch(next...)
	}
	return m
}

func typeRunes(m Model, s string) (Model, tea.Cmd) {
	return m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func TestCompletionInsertsAFieldWithItsRequiredArguments(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{})
	m.SetSchema(toggleSchema(t))
	m, _ = typeRunes(m, "mutation { createBal")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlAt})
	if !m.popup.Visible() || !strings.Contains(m.View(), "createBalanceAdjustment") {
		t.Fatalf("ctrl+space did not offer the mutation:\n%s", m.View())
	}
	// tab accepts here (it would move focus without the popup).
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyTab})
	m = deliver(t, m, cmd)
	if m.Focused() != PaneEditor || m.popup.Visible() {
		t.Fatal("accepting moved the focus or left the popup open")
	}
	want := "mutation { createBalanceAdjustment(card_reference: , merchant_id: )"
	if got := m.editor.Value(); got != want {
		t.Fatalf("text after accepting = %q, want %q", got, want)
	}
	// The cursor waits in the first required argument.
	if _, col := m.editor.Cursor(); col != len("mutation { createBalanceAdjustment(card_reference: ")+1 {
		t.Fatalf("cursor column %d", col)
	}
}

func TestTypingNarrowsAndEscCloses(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{})
	m.SetSchema(toggleSchema(t))
	m, _ = typeRunes(m, "{ ")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlAt})
	all := len(m.popup.Items())
	m, _ = typeRunes(m, "Li")
	if n := len(m.popup.Items()); n == 0 || n >= all {
		t.Fatalf("typing did not narrow the list: %d of %d", n, all)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if m.popup.Visible() || m.Focused() != PaneEditor {
		t.Fatal("esc should close the popup and nothing else")
	}
}

func TestValidationAsYouTypeUnderlinesAfterAPause(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{})
	m.SetSchema(toggleSchema(t))
	m, cmd := typeRunes(m, "{\n  Cards(limit: \"ten\") { total }\n}")
	if len(m.editor.Diagnostics()) != 0 {
		t.Fatal("validation ran on the keystroke itself")
	}
	m = deliver(t, m, cmd) // the debounce tick, then the lint command
	diags := m.editor.Diagnostics()
	if len(diags) != 1 || diags[0].Line != 2 || !strings.Contains(diags[0].Message, "Int") {
		t.Fatalf("diagnostics = %+v", diags)
	}
	// A result for older text is dropped: type again before the old lint lands.
	m, lint := typeRunes(m, " ")
	stale := uitest.Messages(lint) // the LintRequestMsg for this revision, delivered late below
	m, _ = typeRunes(m, "x")
	for _, msg := range stale {
		if req, ok := msg.(complete.LintRequestMsg); ok && m.lint.Current(req.Rev) {
			t.Fatal("an outdated lint request still counts as current")
		}
	}
}

func TestPrettifyIsUndoableAndKeepsComments(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: "query Q{Products(account_id:1){id name}}"})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlP})
	if got := m.editor.Value(); !strings.Contains(got, "\n\tProducts(account_id: 1) {") && !strings.Contains(got, "\n  Products(account_id: 1) {") {
		t.Fatalf("not prettified: %q", got)
	}
	if note := m.Note(); !strings.Contains(note, "prettified") {
		t.Fatalf("note = %q", note)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if got := m.editor.Value(); got != "query Q{Products(account_id:1){id name}}" {
		t.Fatalf("undo gave %q", got)
	}
	withComment := f.workspace(Options{Query: "query Q { a # why a\n}"})
	withComment, _ = withComment.Update(tea.KeyMsg{Type: tea.KeyCtrlP})
	if got := withComment.editor.Value(); got != "query Q {\n  a # why a\n}\n" {
		t.Fatalf("prettify with a comment gave %q", got)
	}
}

func TestProblemsAreCountedAndCtrlGVisitsThem(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{})
	m.SetSchema(toggleSchema(t))
	m, cmd := typeRunes(m, "{\n  Cards(limit: \"ten\") { nope }\n  Products(account_id: \"x\") { id }\n}")
	m = deliver(t, m, cmd)
	if n := len(m.editor.Diagnostics()); n < 3 {
		t.Fatalf("%d diagnostics, want at least 3", n)
	}
	if !strings.Contains(m.View(), "problems (ctrl+g)") {
		t.Fatalf("the title does not count the problems:\n%s", m.View())
	}
	var visited []int
	for range 3 {
		m, _ = m.Update(uitest.Key("ctrl+g"))
		line, _ := m.editor.Cursor()
		visited = append(visited, line)
	}
	if visited[0] != 2 || visited[2] != 3 {
		t.Fatalf("ctrl+g visited lines %v, want 2 first and line 3 after", visited)
	}
}

// A problem message too long for the query pane's title is not cut there: the title says where it
// is, and CutProblem hands it whole to the root's notice line.
func TestLongProblemMessagesAreNotCut(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{})
	m.SetSchema(toggleSchema(t))
	m, cmd := typeRunes(m, "{\n  Cards(limit: \"ten\") { nope }\n}")
	m = deliver(t, m, cmd)
	m = m.SetSize(80, 24)
	diags := m.editor.Diagnostics()
	if len(diags) == 0 {
		t.Fatal("no diagnostics")
	}
	d := diags[0]
	m.editor = m.editor.GotoLine(d.Line, d.Column)
	if fitsTitle(m.editorBaseTitle()+"  ✗ "+d.Message, m.layout.editor.w) {
		t.Skipf("the message %q fits at this width: nothing to test", d.Message)
	}
	if v := m.View(); !strings.Contains(v, "✗ see below") {
		t.Fatalf("the title does not say where the message went:\n%s", v)
	}
	if got := m.CutProblem(); got != display.Line(d.Message) {
		t.Fatalf("CutProblem = %q, want %q", got, d.Message)
	}
	m = m.SetSize(400, 40)
	if got := m.CutProblem(); got != "" || !strings.Contains(m.View(), d.Message) {
		t.Fatalf("with room the message belongs in the title (CutProblem %q)", got)
	}
}
