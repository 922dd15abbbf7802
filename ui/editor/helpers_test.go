package editor

import (
	"os"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
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

// press sends the named keys in order.
func press(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	for _, n := range names {
		m, _ = m.Update(uitest.Key(n))
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
