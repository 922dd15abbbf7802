package editor

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestReplaceRangeIsOneUndoStepAndPlacesTheCursor(t *testing.T) {
	text := "# café\nquery A {\n  x\n}"
	m := newEditor(t, GraphQL, text, 40, 10)
	at := len("# café\nquery A {\n  x")
	m = m.ReplaceRange(at, at, "\n  y", len("# café\n"))
	want := "# café\nquery A {\n  x\n  y\n}"
	if m.Value() != want {
		t.Fatalf("got %q", m.Value())
	}
	if line, col := m.Cursor(); line != 2 || col != 1 {
		t.Fatalf("cursor %d:%d, want 2:1", line, col)
	}
	if !m.Modified() {
		t.Fatal("a replaced range should count as a change")
	}
	// Byte offsets after a multi-byte character map to the right column.
	m = m.ReplaceRange(len("# caf"), len("# café"), "e", -1)
	if m.Value() != "# cafe\nquery A {\n  x\n  y\n}" {
		t.Fatalf("got %q", m.Value())
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if m.Value() != text {
		t.Fatalf("two undos left %q", m.Value())
	}
}
