package complete

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
	"github.com/toggle-explorer/toggle-explorer/query/completion"
)

// TestViewGolden renders the popup for real Toggle completions at two
// widths: the default cap, and a narrow pane that squeezes label and detail.
// The list scrolls (12 types) and the selection sits past the first page.
func TestViewGolden(t *testing.T) {
	s := toggle(t)
	for _, tc := range []struct {
		name, text string
		maxWidth   int
		keys       []string
	}{
		{"variable-types-60", "query($a: ", 60, []string{"up", "up"}},
		{"variable-types-30", "query($a: ", 30, []string{"up", "up"}},
		{"mutation-fields-60", "mutation { cre", 60, []string{"down"}},
		{"mutation-fields-30", "mutation { cre", 30, []string{"down"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newPopup().SetMaxWidth(tc.maxWidth).Open(Complete(s, tc.text, len(tc.text)))
			m = press(t, m, tc.keys...)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// ansiStyles returns styles bound to a renderer that always emits ANSI
// colours, to check escape sequences while the global profile is ASCII.
func ansiStyles() Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	return Styles{
		Border:     r.NewStyle().Foreground(lipgloss.Color("4")),
		Marker:     r.NewStyle().Foreground(lipgloss.Color("5")),
		Label:      r.NewStyle().Foreground(lipgloss.Color("7")),
		Detail:     r.NewStyle().Faint(true),
		Deprecated: r.NewStyle().Strikethrough(true),
		Selected:   r.NewStyle().Foreground(lipgloss.Color("0")).Background(lipgloss.Color("6")),
		Doc:        r.NewStyle().Italic(true),
		Count:      r.NewStyle().Faint(true),
	}
}

func TestViewColoursSelectionAndDeprecated(t *testing.T) {
	its := []completion.Item{
		{Label: "total", Kind: completion.Field, Detail: "Int!"},
		{Label: "old", Kind: completion.Field, Detail: "Int", Deprecated: true},
	}
	m := newPopup().SetStyles(ansiStyles()).Open("", its)
	// The strike may share one sequence with the colours ("\x1b[30;46;9m").
	const selBG, struck = "46m", "9mold"
	ls := lines(m.View())
	if !strings.Contains(ls[1], selBG) || strings.Contains(ls[2], selBG) {
		t.Fatalf("selection background not on the first row only:\n%q\n%q", ls[1], ls[2])
	}
	if !strings.Contains(ls[2], struck) || strings.Contains(ls[1], "9m") {
		t.Fatalf("deprecated label not struck through:\n%q\n%q", ls[1], ls[2])
	}
	m = press(t, m, "down")
	ls = lines(m.View())
	if !strings.Contains(ls[2], selBG) || !strings.Contains(ls[2], struck) {
		t.Fatalf("a selected deprecated row lost its selection colour or its strike: %q", ls[2])
	}
	for i, l := range ls {
		if got := ansi.StringWidth(l); got != ansi.StringWidth(ls[0]) {
			t.Fatalf("line %d is %d cells wide: %q", i, got, l)
		}
	}
}
