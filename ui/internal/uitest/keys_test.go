package uitest

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestKeyBuildsWhatBubbleteaDelivers(t *testing.T) {
	cases := []struct {
		name string
		want tea.KeyMsg
	}{
		{"enter", tea.KeyMsg{Type: tea.KeyEnter}},
		{"esc", tea.KeyMsg{Type: tea.KeyEsc}},
		{"tab", tea.KeyMsg{Type: tea.KeyTab}},
		{"shift+tab", tea.KeyMsg{Type: tea.KeyShiftTab}},
		{"backspace", tea.KeyMsg{Type: tea.KeyBackspace}},
		{"delete", tea.KeyMsg{Type: tea.KeyDelete}},
		{"up", tea.KeyMsg{Type: tea.KeyUp}},
		{"down", tea.KeyMsg{Type: tea.KeyDown}},
		{"left", tea.KeyMsg{Type: tea.KeyLeft}},
		{"right", tea.KeyMsg{Type: tea.KeyRight}},
		{"pgup", tea.KeyMsg{Type: tea.KeyPgUp}},
		{"pgdown", tea.KeyMsg{Type: tea.KeyPgDown}},
		{"home", tea.KeyMsg{Type: tea.KeyHome}},
		{"end", tea.KeyMsg{Type: tea.KeyEnd}},
		{"ctrl+home", tea.KeyMsg{Type: tea.KeyCtrlHome}},
		{"ctrl+right", tea.KeyMsg{Type: tea.KeyCtrlRight}},
		{"f1", tea.KeyMsg{Type: tea.KeyF1}},
		{"f2", tea.KeyMsg{Type: tea.KeyF2}},
		{"f3", tea.KeyMsg{Type: tea.KeyF3}},
		{"f4", tea.KeyMsg{Type: tea.KeyF4}},
		{"f5", tea.KeyMsg{Type: tea.KeyF5}},
		{"ctrl+c", tea.KeyMsg{Type: tea.KeyCtrlC}},
		{"ctrl+r", tea.KeyMsg{Type: tea.KeyCtrlR}},
		{"ctrl+@", tea.KeyMsg{Type: tea.KeyCtrlAt}},
		{"ctrl+h", tea.KeyMsg{Type: tea.KeyCtrlH}},
		{"q", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}},
		{"G", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}},
		{"/", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}},
		{"+", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+")}},
		{"é", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("é")}},
		{" ", tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}},
		{"\t", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("\t")}}, // typed text, not the tab key
		{"alt+left", tea.KeyMsg{Type: tea.KeyLeft, Alt: true}},
		{"alt+backspace", tea.KeyMsg{Type: tea.KeyBackspace, Alt: true}},
		{"alt+x", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x"), Alt: true}},
		{"alt++", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+"), Alt: true}},
	}
	for _, c := range cases {
		if got := Key(c.name); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Key(%q) = %#v, want %#v", c.name, got, c.want)
		}
	}
}

// TestKeyRoundTripsEveryName checks the promise Key(name).String() == name for every key name
// bubbletea can print, with and without alt, so no name in any test can be silently mistyped.
func TestKeyRoundTripsEveryName(t *testing.T) {
	seen := 0
	for k := firstKeyType; k <= lastKeyType; k++ {
		name := k.String()
		if name == "" || k == tea.KeyRunes {
			continue
		}
		seen++
		for _, n := range []string{name, "alt+" + name} {
			if got := Key(n).String(); got != n {
				t.Errorf("Key(%q).String() = %q", n, got)
			}
		}
		if got := Key(name).Type; got != k {
			t.Errorf("Key(%q).Type = %v, want %d", name, got, k)
		}
	}
	// Guards the scanned range: KeyF20 is the last, most negative, special key, and bubbletea v1
	// names 33 control keys and over 50 special ones.
	if tea.KeyF20 < firstKeyType || seen < 80 {
		t.Fatalf("only %d named key types between %d and %d; KeyF20 is %d", seen, firstKeyType, lastKeyType, tea.KeyF20)
	}
}

func TestKeyPanicsOnUnknownNames(t *testing.T) {
	for _, name := range []string{"", "entr", "ctrl+", "alt+", "alt+alt+x", "runes", "bad token"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Key(%q) did not panic", name)
				}
			}()
			Key(name)
		}()
	}
}
