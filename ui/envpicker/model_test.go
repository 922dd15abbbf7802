package envpicker

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

func entries() []Entry {
	return []Entry{
		{Name: "local", Endpoint: "http://127.0.0.1:8080/graphql", Identity: "demo"},
		{Name: "production", Endpoint: "https://api.toggle.example/graphql", Identity: "till", Protected: true},
		{Name: "staging", Endpoint: "https://staging.toggle.example/graphql"},
	}
}

func press(m Model, k string) (Model, tea.Msg) {
	m, cmd := m.Update(uitest.Key(k))
	if cmd == nil {
		return m, nil
	}
	return m, cmd()
}

func TestPickerMovesChoosesAndCloses(t *testing.T) {
	m := New(uitest.NewContext(time.Time{}), entries(), "staging").SetSize(80, 12)
	if m.Selected() != "staging" {
		t.Fatalf("the current profile is not selected: %q", m.Selected())
	}
	m, _ = press(m, "down") // stays at the end
	m, _ = press(m, "up")
	m, msg := press(m, "enter")
	if c, ok := msg.(ChooseMsg); !ok || c.Name != "production" {
		t.Fatalf("enter sent %#v", msg)
	}
	for _, k := range []string{"esc", "f7", "q"} {
		if _, msg := press(m, k); msg != (CloseMsg{}) {
			t.Errorf("%s sent %#v, want CloseMsg", k, msg)
		}
	}
	if _, msg := press(New(uitest.NewContext(time.Time{}), nil, "").SetSize(80, 12), "enter"); msg != nil {
		t.Errorf("enter on an empty list sent %#v", msg)
	}
}

func TestPickerShowsTokensAndProtection(t *testing.T) {
	m := New(uitest.NewContext(time.Time{}), entries(), "local").SetSize(100, 12)
	if v := m.View(); strings.Count(v, "checking…") != 3 {
		t.Fatalf("before the store answers every row says checking:\n%s", v)
	}
	m, _ = m.Update(TokensMsg{"local": TokenValid, "production": TokenNone, "staging": TokenNone})
	v := m.View()
	for _, want := range []string{"● local", "✓ token stored", "⚠ protected", "login needed", "as till"} {
		if !strings.Contains(v, want) {
			t.Errorf("the view lacks %q:\n%s", want, v)
		}
	}
	for i, line := range strings.Split(v, "\n") {
		if w := lipgloss.Width(line); w != 100 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
}

func TestPickerEscapesNamesFromTheConfig(t *testing.T) {
	hostile := []Entry{{Name: "prod\x1b]52;c;AAAA\x07", Endpoint: "https://x/\x1b[2Jgraphql"}}
	v := New(uitest.NewContext(time.Time{}), hostile, "").SetSize(80, 8).View()
	if strings.ContainsRune(v, 0x1b) || strings.ContainsRune(v, 0x07) {
		t.Fatalf("control characters reached the view: %q", v)
	}
}
