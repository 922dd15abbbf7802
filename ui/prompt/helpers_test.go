package prompt

import (
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// TestMain pins lipgloss to plain ASCII so views do not depend on the terminal running the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

func newCtx() *common.Context { return common.NewContext(themes.Default()) }

// keyMsg builds a key press from a Bubble Tea key name ("enter", "ctrl+d", "y").
func keyMsg(t testing.TB, name string) tea.KeyMsg {
	t.Helper()
	if r := []rune(name); len(r) == 1 {
		if r[0] == ' ' {
			return tea.KeyMsg{Type: tea.KeySpace, Runes: r}
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: r}
	}
	for k := tea.KeyType(-200); k < 256; k++ {
		if k.String() == name {
			return tea.KeyMsg{Type: k}
		}
	}
	t.Fatalf("unknown key %q", name)
	return tea.KeyMsg{}
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
		m, cmd = m.Update(keyMsg(t, string(r)))
		if msg := run(cmd); msg != nil {
			if _, isAnswer := msg.(InputSubmittedMsg); isAnswer {
				t.Fatalf("typing %q answered: %#v", r, msg)
			}
		}
	}
	return m
}

// checkBlock fails unless view is exactly h lines of exactly w cells.
func checkBlock(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := lipgloss.Width(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, l)
		}
	}
}
