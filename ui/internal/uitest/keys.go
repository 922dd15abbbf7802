package uitest

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// Every named tea.KeyType lies in this range: the special keys count down from -1 (KeyRunes) to
// KeyF20, near -70, and the control keys are 0-31 and 127.
const (
	firstKeyType tea.KeyType = -200
	lastKeyType  tea.KeyType = 255
)

// Key returns the tea.KeyMsg bubbletea delivers for a key it prints as name, so that
// Key(name).String() == name: "enter", "esc", "tab", "shift+tab", "backspace", "up", "pgdown",
// "home", "f1", "ctrl+r", "ctrl+home", a single character ("q", "/", " " for the space bar), and
// any of these after "alt+" ("alt+left", "alt+x").
//
// An unknown name is a typo in the test, not input to handle, so Key panics rather than guess
// (sending "f2" as the typed text "f2" would still match bindings but also type into inputs).
func Key(name string) tea.KeyMsg {
	k, ok := parseKey(name)
	if !ok {
		panic(fmt.Sprintf("uitest.Key: bubbletea has no key named %q", name))
	}
	return k
}

// parseKey is Key without the panic.
func parseKey(name string) (tea.KeyMsg, bool) {
	alt := false
	if rest, ok := strings.CutPrefix(name, "alt+"); ok && rest != "" {
		alt, name = true, rest
	}
	if r := []rune(name); len(r) == 1 {
		if r[0] == ' ' {
			// Bubbletea reports the space bar as its own type, still carrying the rune.
			return tea.KeyMsg{Type: tea.KeySpace, Runes: r, Alt: alt}, true
		}
		// Any other single character is typed text, even a control character: a terminal
		// without bracketed paste delivers a pasted "\t" that way, and editors must cope.
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: r, Alt: alt}, true
	}
	if name == "" || name == tea.KeyRunes.String() {
		// Unnamed types print as ""; "runes" names the type of typed text, not a key.
		return tea.KeyMsg{}, false
	}
	for k := firstKeyType; k <= lastKeyType; k++ {
		if k.String() == name {
			return tea.KeyMsg{Type: k, Alt: alt}, true
		}
	}
	return tea.KeyMsg{}, false
}
