package prompt

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// validName is a stand-in for the library's rule: short, no slash.
func validName(s string) error {
	switch {
	case s == "":
		return errors.New("a name cannot be empty")
	case strings.Contains(s, "/"):
		return errors.New(`a name cannot contain "/"`)
	}
	return nil
}

func TestInputSubmitsOnlyValidValues(t *testing.T) {
	m := NewInput(uitest.NewContext(time.Time{}), "save", "Save query as", "", validName)
	m, cmd := m.Update(uitest.Key("enter"))
	if cmd != nil {
		t.Fatalf("enter on an empty name answered: %#v", run(cmd))
	}
	if m.Err() != "a name cannot be empty" {
		t.Fatalf("error shown = %q", m.Err())
	}
	m = typeInput(t, m, "a/b")
	if m.Err() != "" {
		t.Fatalf("typing did not clear the old error: %q", m.Err())
	}
	if m, cmd = m.Update(uitest.Key("enter")); cmd != nil || !strings.Contains(m.Err(), `"/"`) {
		t.Fatalf("invalid value: cmd=%v err=%q", cmd != nil, m.Err())
	}
	if !strings.Contains(m.Box(), `a name cannot contain "/"`) {
		t.Fatalf("the error is not drawn in the box:\n%s", m.Box())
	}
	m, _ = m.Update(uitest.Key("backspace"))
	m, _ = m.Update(uitest.Key("backspace"))
	m = typeInput(t, m, "-b")
	m, cmd = m.Update(uitest.Key("enter"))
	got, ok := run(cmd).(InputSubmittedMsg)
	if !ok || got != (InputSubmittedMsg{ID: "save", Value: "a-b"}) {
		t.Fatalf("answer = %#v", run(cmd))
	}
	// A second enter before the owner closes the prompt must not answer again.
	if _, cmd = m.Update(uitest.Key("enter")); cmd != nil {
		t.Fatalf("answered twice: %#v", run(cmd))
	}
}

func TestInputInitialValueAndNilValidate(t *testing.T) {
	// Control characters from a file name or history must not reach the field.
	m := NewInput(uitest.NewContext(time.Time{}), "dup", "Duplicate as", "get\x1b[2Jcards\tcopy", nil)
	if strings.ContainsRune(m.Value(), 0x1b) || strings.ContainsRune(m.Value(), '\t') {
		t.Fatalf("initial value kept control characters: %q", m.Value())
	}
	m, _ = m.Update(uitest.Key("end")) // a movement keeps the prefilled text for editing
	m = typeInput(t, m, "!")
	_, cmd := m.Update(uitest.Key("enter"))
	got, ok := run(cmd).(InputSubmittedMsg)
	if !ok || got.ID != "dup" || got.Value != m.Value() || !strings.HasSuffix(got.Value, "copy!") {
		t.Fatalf("answer = %#v (value %q)", run(cmd), m.Value())
	}
}

func TestInputCancel(t *testing.T) {
	m := NewInput(uitest.NewContext(time.Time{}), "rename", "Rename", "x", validName)
	m, cmd := m.Update(uitest.Key("esc"))
	if got := run(cmd); got != (InputCancelledMsg{ID: "rename"}) {
		t.Fatalf("esc answered %#v", got)
	}
	if _, cmd = m.Update(uitest.Key("enter")); cmd != nil {
		t.Fatal("a cancelled prompt still answered enter")
	}
}

func TestInputGolden(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		t.Run(size.name, func(t *testing.T) {
			m := NewInput(uitest.NewContext(time.Time{}), "save", "Save query as\nin /home/ana/.local/share/toggle-explorer/queries", "get cards", validName).SetSize(size.w, size.h)
			m, _ = m.Update(uitest.Key("end"))
			m = typeInput(t, m, "/x")
			m, _ = m.Update(uitest.Key("enter"))
			v := m.View()
			uitest.CheckBlock(t, v, size.w, size.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestPrefilledTextIsReplacedByTyping(t *testing.T) {
	ctx := uitest.NewContext(time.Time{})
	typed := NewInput(ctx, "id", "Save as", "redeem", nil)
	typed, _ = typed.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("m")})
	typed, _ = typed.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	if typed.Value() != "my" {
		t.Fatalf("typing over a prefilled value gave %q, want %q", typed.Value(), "my")
	}
	edited := NewInput(ctx, "id", "Save as", "redeem", nil)
	edited, _ = edited.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	edited, _ = edited.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("X")})
	if edited.Value() != "redeeX" {
		t.Fatalf("editing a prefilled value gave %q, want %q", edited.Value(), "redeeX")
	}
}
