package editor

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestTypingInsertsAtCursor(t *testing.T) {
	m := newEditor(t, GraphQL, "query {}", 40, 10)
	m = press(t, m, "end", "left")
	m = typeText(t, m, " id ")
	if got, want := m.Value(), "query { id }"; got != want {
		t.Fatalf("Value() = %q, want %q", got, want)
	}
	if got := cursor(m); got != [2]int{1, 12} {
		t.Fatalf("Cursor() = %v, want [1 12]", got)
	}
}

func TestTabTypedExpandsToSpaces(t *testing.T) {
	m := newEditor(t, GraphQL, "a", 40, 10)
	m = press(t, m, "end")
	m = typeText(t, m, "\t")
	if got, want := m.Value(), "a  "; got != want {
		t.Fatalf("Value() = %q, want %q", got, want)
	}
}

func TestTabKeyIsLeftToTheApp(t *testing.T) {
	m := newEditor(t, GraphQL, "a", 40, 10)
	m = press(t, m, "tab", "shift+tab")
	if got := m.Value(); got != "a" {
		t.Fatalf("tab changed the text: %q", got)
	}
	m.KeyMap.Indent.SetEnabled(true)
	m = press(t, m, "tab")
	if got, want := m.Value(), "  a"; got != want {
		t.Fatalf("with Indent enabled Value() = %q, want %q", got, want)
	}
}

func TestUnboundAltChordInsertsNothing(t *testing.T) {
	m := newEditor(t, GraphQL, "", 40, 10)
	m = press(t, m, "alt+x")
	if m.Value() != "" {
		t.Fatalf("alt+x inserted %q", m.Value())
	}
}

func TestBlurredEditorIgnoresKeys(t *testing.T) {
	m := newEditor(t, GraphQL, "", 40, 10).Blur()
	m = typeText(t, m, "abc")
	if m.Value() != "" || m.Focused() {
		t.Fatalf("blurred editor took keys: %q", m.Value())
	}
}

func TestEnterAutoIndents(t *testing.T) {
	tests := []struct {
		name, text string
		col        int // 1-based cursor column before enter
		want       string
		wantCursor [2]int
	}{
		{"copies indentation", "    id", 7, "    id\n    ", [2]int{2, 5}},
		{"one level after brace", "  user {", 9, "  user {\n    ", [2]int{2, 5}},
		{"one level after paren", "  user(", 8, "  user(\n    ", [2]int{2, 5}},
		{"brace then spaces", "q {  ", 6, "q {  \n  ", [2]int{2, 3}},
		{"between braces splits the pair", "  q {}", 6, "  q {\n    \n  }", [2]int{2, 5}},
		{"in the middle of a line", "  ab", 4, "  a\n  b", [2]int{2, 3}},
		{"inside the indentation", "    x", 3, "  \n    x", [2]int{2, 3}},
		{"tab indentation is kept", "\tx", 3, "\tx\n\t", [2]int{2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newEditor(t, GraphQL, tt.text, 40, 10).GotoLine(1, tt.col)
			m = press(t, m, "enter")
			if got := m.Value(); got != tt.want {
				t.Errorf("Value() = %q, want %q", got, tt.want)
			}
			if got := cursor(m); got != tt.wantCursor {
				t.Errorf("Cursor() = %v, want %v", got, tt.wantCursor)
			}
		})
	}
}

func TestTypedBlockLinesUp(t *testing.T) {
	// Typing a nested block by hand, closing braces included, must give
	// consistent indentation: enter indents after {, } dedents.
	m := newEditor(t, GraphQL, "", 40, 10)
	m = typeText(t, m, "query {\nuser {\nid\n}\n}")
	want := "query {\n  user {\n    id\n  }\n}"
	if got := m.Value(); got != want {
		t.Fatalf("Value() =\n%s\nwant\n%s", got, want)
	}
}

func TestPasteIsVerbatim(t *testing.T) {
	m := newEditor(t, GraphQL, "query {\n  \n}", 40, 10).GotoLine(2, 3)
	m = paste(m, "a {\r\n\tb\r\n}}")
	want := "query {\n  a {\n\tb\n}}\n}"
	if got := m.Value(); got != want {
		t.Fatalf("Value() = %q, want %q", got, want)
	}
	if got := cursor(m); got != [2]int{4, 3} {
		t.Fatalf("Cursor() = %v, want [4 3]", got)
	}
	m = press(t, m, "ctrl+z")
	if got := m.Value(); got != "query {\n  \n}" {
		t.Fatalf("one undo should remove the whole paste, got %q", got)
	}
}

func TestMultiRuneMessageWithNewlineIsAPaste(t *testing.T) {
	// Terminals without bracketed paste deliver pasted text as runes.
	m := newEditor(t, GraphQL, "  x", 40, 10)
	m = press(t, m, "end")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" {\ny\n}")})
	if got, want := m.Value(), "  x {\ny\n}"; got != want {
		t.Fatalf("Value() = %q, want %q", got, want)
	}
}

func TestBackspaceAndDeleteJoinLines(t *testing.T) {
	m := newEditor(t, GraphQL, "ab\ncd", 40, 10).GotoLine(2, 1)
	m = press(t, m, "backspace")
	if got := m.Value(); got != "abcd" || cursor(m) != [2]int{1, 3} {
		t.Fatalf("backspace at line start: %q at %v", got, cursor(m))
	}
	m = m.GotoLine(1, 2)
	m = press(t, m, "enter", "left", "delete")
	if got := m.Value(); got != "abcd" {
		t.Fatalf("delete at line end: %q", got)
	}
	m = press(t, m, "ctrl+home", "backspace", "ctrl+end", "delete")
	if got := m.Value(); got != "abcd" {
		t.Fatalf("backspace at start / delete at end changed text: %q", got)
	}
}

func TestDeleteWord(t *testing.T) {
	m := newEditor(t, GraphQL, "query  user(id: 1)", 40, 10)
	m = press(t, m, "end", "ctrl+w")
	if got := m.Value(); got != "query  user(id: " {
		t.Fatalf("ctrl+w: %q", got)
	}
	m = press(t, m, "alt+backspace")
	if got := m.Value(); got != "query  user(" {
		t.Fatalf("alt+backspace: %q", got)
	}
	m = press(t, m, "ctrl+home", "alt+d")
	if got := m.Value(); got != "  user(" {
		t.Fatalf("alt+d: %q", got)
	}
	m = m.SetValue("a\nb").GotoLine(2, 1)
	m = press(t, m, "ctrl+w")
	if got := m.Value(); got != "ab" {
		t.Fatalf("ctrl+w at line start should join: %q", got)
	}
}

func TestDeleteToLineEndAndStart(t *testing.T) {
	m := newEditor(t, GraphQL, "abcdef\nxyz", 40, 10).GotoLine(1, 4)
	m = press(t, m, "ctrl+k")
	if got := m.Value(); got != "abc\nxyz" {
		t.Fatalf("ctrl+k: %q", got)
	}
	m = press(t, m, "ctrl+k")
	if got := m.Value(); got != "abcxyz" {
		t.Fatalf("ctrl+k at line end should join: %q", got)
	}
	m = press(t, m, "ctrl+u")
	if got := m.Value(); got != "xyz" || cursor(m) != [2]int{1, 1} {
		t.Fatalf("ctrl+u: %q at %v", got, cursor(m))
	}
}

func TestUndoCoalescesTyping(t *testing.T) {
	m := newEditor(t, GraphQL, "", 40, 10)
	m = typeText(t, m, "hello")
	m = press(t, m, "left")
	m = typeText(t, m, "XY")
	m = press(t, m, "ctrl+z")
	if got := m.Value(); got != "hello" {
		t.Fatalf("first undo should remove the second run: %q", got)
	}
	m = press(t, m, "ctrl+z")
	if got := m.Value(); got != "" {
		t.Fatalf("second undo should remove the first run: %q", got)
	}
	m = press(t, m, "ctrl+z")
	if got := m.Value(); got != "" {
		t.Fatalf("undo past the start changed text: %q", got)
	}
	m = press(t, m, "ctrl+y")
	if got := m.Value(); got != "hello" || cursor(m) != [2]int{1, 6} {
		t.Fatalf("redo: %q at %v", got, cursor(m))
	}
	m = press(t, m, "ctrl+y")
	if got := m.Value(); got != "hellXYo" || cursor(m) != [2]int{1, 7} {
		t.Fatalf("second redo: %q at %v", got, cursor(m))
	}
}

func TestUndoCoalescesBackspaces(t *testing.T) {
	m := newEditor(t, GraphQL, "abc def", 40, 10)
	m = press(t, m, "end", "backspace", "backspace", "backspace")
	if got := m.Value(); got != "abc " {
		t.Fatalf("backspaces: %q", got)
	}
	m = press(t, m, "ctrl+z")
	if got := m.Value(); got != "abc def" || cursor(m) != [2]int{1, 8} {
		t.Fatalf("one undo should restore all backspaces: %q at %v", got, cursor(m))
	}
}

func TestNewEditDropsRedo(t *testing.T) {
	m := newEditor(t, GraphQL, "", 40, 10)
	m = typeText(t, m, "a")
	m = press(t, m, "ctrl+z")
	m = typeText(t, m, "b")
	m = press(t, m, "ctrl+y")
	if got := m.Value(); got != "b" {
		t.Fatalf("redo after a new edit should do nothing: %q", got)
	}
}

func TestHistoryIsBounded(t *testing.T) {
	m := New(Options{HistoryLimit: 3}).SetSize(20, 5)
	m, _ = m.Focus()
	for _, s := range []string{"a", "b", "c", "d", "e"} {
		m = typeText(t, m, s)
		m = press(t, m, "left", "right") // a move ends the coalesced run
	}
	for range 10 {
		m = press(t, m, "ctrl+z")
	}
	if got := m.Value(); got != "ab" {
		t.Fatalf("with 3 steps kept, undoing everything should leave %q, got %q", "ab", got)
	}
	if got := len(m.hist.entries); got != 3 {
		t.Fatalf("history holds %d steps, want 3", got)
	}
}

func TestModifiedAndMarkSaved(t *testing.T) {
	m := newEditor(t, GraphQL, "q", 40, 10)
	if m.Modified() {
		t.Fatal("fresh SetValue should not be modified")
	}
	m = typeText(t, m, "x")
	if !m.Modified() {
		t.Fatal("typing should mark modified")
	}
	m = press(t, m, "ctrl+z")
	if m.Modified() {
		t.Fatal("undo back to the saved text should clear modified")
	}
	m = press(t, m, "ctrl+y").MarkSaved()
	if m.Modified() {
		t.Fatal("MarkSaved should clear modified")
	}
	m = typeText(t, m, "y")
	m = press(t, m, "ctrl+z")
	if m.Modified() || m.Value() != "xq" {
		t.Fatalf("undo after save should return to the saved text %q, got %q (modified %v)", "xq", m.Value(), m.Modified())
	}
	m = press(t, m, "ctrl+z")
	if !m.Modified() {
		t.Fatal("undo before the save point should be modified")
	}
}

func TestCursorOffsetMatchesValue(t *testing.T) {
	m := newEditor(t, GraphQL, "é世\nquery {\n  gift😀Card\n}", 40, 10)
	for _, at := range [][2]int{{1, 1}, {1, 2}, {1, 3}, {2, 8}, {3, 7}, {3, 8}, {3, 12}, {4, 2}} {
		m = m.GotoLine(at[0], at[1])
		off := m.CursorOffset()
		v := m.Value()
		// The text before the offset must end exactly at the cursor: same
		// line count, and the last line's rune count is col-1.
		before := []rune(v[:off])
		line, col := 1, 1
		for _, r := range before {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		if [2]int{line, col} != at {
			t.Errorf("at %v: offset %d points at %d:%d", at, off, line, col)
		}
	}
}

func TestWordUnderCursor(t *testing.T) {
	m := newEditor(t, GraphQL, "  giftCards(first: 1)", 40, 10)
	for col, want := range map[int]string{1: "", 3: "giftCards", 7: "giftCards", 12: "giftCards", 13: "first", 18: "first", 19: ""} {
		if got := m.GotoLine(1, col).WordUnderCursor(); got != want {
			t.Errorf("col %d: %q, want %q", col, got, want)
		}
	}
}

func TestSetValueNormalisesAndResets(t *testing.T) {
	m := newEditor(t, GraphQL, "a", 40, 10)
	m = typeText(t, m, "b")
	m = m.SetValue("x\r\ny\rz")
	if got := m.Value(); got != "x\ny\nz" || m.Lines() != 3 {
		t.Fatalf("Value() = %q (%d lines)", got, m.Lines())
	}
	m = press(t, m, "ctrl+z")
	if got := m.Value(); got != "x\ny\nz" {
		t.Fatalf("undo crossed SetValue: %q", got)
	}
}

func TestCopiesBeforeSetValueKeepTheirText(t *testing.T) {
	a := newEditor(t, GraphQL, "one", 40, 10)
	b := a.SetValue("two")
	if a.Value() != "one" || b.Value() != "two" {
		t.Fatalf("a=%q b=%q", a.Value(), b.Value())
	}
}
