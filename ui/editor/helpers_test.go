package editor

import (
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestMain pins lipgloss to plain ASCII output and a dark background so that
// views and default styles are deterministic whatever terminal runs the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// newEditor returns a focused editor of the given size holding text.
func newEditor(t testing.TB, lang Language, text string, w, h int) Model {
	t.Helper()
	m := New(Options{Language: lang, Placeholder: "Type a query…"})
	m = m.SetSize(w, h).SetValue(text)
	m, _ = m.Focus()
	return m
}

// keyMsg builds a key press from a Bubble Tea key name, e.g. "ctrl+z",
// "alt+left", "enter". Single printable characters become rune keys.
func keyMsg(t testing.TB, name string) tea.KeyMsg {
	t.Helper()
	alt := false
	if rest, ok := strings.CutPrefix(name, "alt+"); ok && rest != "" {
		alt, name = true, rest
	}
	if r := []rune(name); len(r) == 1 {
		if r[0] == ' ' {
			return tea.KeyMsg{Type: tea.KeySpace, Runes: r, Alt: alt}
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: r, Alt: alt}
	}
	for k := tea.KeyType(-200); k < 256; k++ {
		if k.String() == name {
			return tea.KeyMsg{Type: k, Alt: alt}
		}
	}
	t.Fatalf("unknown key %q", name)
	return tea.KeyMsg{}
}

// press sends the named keys in order.
func press(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	for _, n := range names {
		m, _ = m.Update(keyMsg(t, n))
	}
	return m
}

// typeText types s one rune per key message, as a user would.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		switch r {
		case '\n':
			m = press(t, m, "enter")
		default:
			m = press(t, m, string(r))
		}
	}
	return m
}

// paste sends s as one bracketed paste.
func paste(m Model, s string) Model {
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
	return m
}

// cursor returns the 1-based cursor position as a pair for comparisons.
func cursor(m Model) [2]int {
	l, c := m.Cursor()
	return [2]int{l, c}
}
