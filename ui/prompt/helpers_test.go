package prompt

import (
	"os"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// TestMain pins lipgloss to plain ASCII so views do not depend on the terminal running the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// run executes cmd (nil: no message) and returns its message.
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

// typeInput types s into an Input one rune at a time.
func typeInput(t testing.TB, m Input, s string) Input {
	t.Helper()
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = m.Update(uitest.Key(string(r)))
		if msg := run(cmd); msg != nil {
			if _, isAnswer := msg.(InputSubmittedMsg); isAnswer {
				t.Fatalf("typing %q answered: %#v", r, msg)
			}
		}
	}
	return m
}
