package common

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestListKeysDelta(t *testing.T) {
	k := NewListKeys()
	for _, c := range []struct {
		msg  tea.KeyMsg
		want int
		ok   bool
	}{
		{tea.KeyMsg{Type: tea.KeyUp}, -1, true},
		{tea.KeyMsg{Type: tea.KeyCtrlN}, 1, true},
		{tea.KeyMsg{Type: tea.KeyPgUp}, -9, true},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 9, true},
		{tea.KeyMsg{Type: tea.KeyHome}, -Far, true},
		{tea.KeyMsg{Type: tea.KeyEnd}, Far, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, 0, false},
	} {
		if got, ok := k.Delta(c.msg, 9); got != c.want || ok != c.ok {
			t.Errorf("Delta(%s) = %d, %v; want %d, %v", c.msg, got, ok, c.want, c.ok)
		}
	}
	if _, ok := k.WithoutEnds().Delta(tea.KeyMsg{Type: tea.KeyHome}, 9); ok {
		t.Error("home moved a list whose ends are disabled")
	}
	letters := NewLetterListKeys()
	if d, ok := letters.Delta(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}, 9); !ok || d != Far {
		t.Errorf("G = %d, %v", d, ok)
	}
	if d, ok := letters.Delta(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}, 0); !ok || d != 1 {
		t.Errorf("space with no room = %d, %v; want one row", d, ok)
	}
	k.SetEnabled(false)
	if _, ok := k.Delta(tea.KeyMsg{Type: tea.KeyDown}, 9); ok {
		t.Error("a disabled key moved the list")
	}
}

func TestListCursor(t *testing.T) {
	var c ListCursor
	if c = c.Move(7, 20, 5); c != (ListCursor{7, 3}) {
		t.Errorf("down 7: %+v", c)
	}
	if c = c.Move(-Far, 20, 5); c != (ListCursor{0, 0}) {
		t.Errorf("top: %+v", c)
	}
	if c = c.Move(Far, 20, 5); c != (ListCursor{19, 15}) {
		t.Errorf("bottom: %+v", c)
	}
	if c = c.Cycle(1, 20, 5); c != (ListCursor{0, 0}) {
		t.Errorf("down past the end wraps: %+v", c)
	}
	if c = c.Cycle(-1, 20, 5); c != (ListCursor{19, 15}) {
		t.Errorf("up past the start wraps: %+v", c)
	}
	if c = c.Cycle(-10, 20, 5); c != (ListCursor{9, 9}) {
		t.Errorf("a page up does not wrap: %+v", c)
	}
	if c = c.Fit(4, 5); c != (ListCursor{3, 0}) {
		t.Errorf("shrunk list: %+v", c)
	}
	if c = c.Move(1, 0, 5); c != (ListCursor{0, 0}) {
		t.Errorf("empty list: %+v", c)
	}
	if c = (ListCursor{}).Cycle(1, 0, 5); c != (ListCursor{0, 0}) {
		t.Errorf("cycling an empty list: %+v", c)
	}
}
