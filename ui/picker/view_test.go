package picker

import (
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// goldenPicker is a picker over fixed entries (no disk: the directory only names the empty
// state) with the preview of the selection delivered, sized w×h.
func goldenPicker(t *testing.T, w, h int, filter string) Model {
	t.Helper()
	es := []saved.Entry{
		{Name: "bigcatalogue", Modified: now.AddDate(-1, 0, 0), Operations: []string{"Catalogue"}},
		{Name: "broken draft", Modified: now.Add(-3 * time.Hour), ParseError: "1:8: Expected Name, found <EOF>"},
		{Name: "gcList", Modified: now.Add(-48 * time.Hour), Operations: []string{"ListCards", ""}},
		{Name: "get cards", Modified: now.Add(-90 * time.Minute), VarsPath: "/q/get cards.variables.json", Operations: []string{"GetCards"}},
		{Name: "GiftCardBalance", Modified: now.AddDate(0, -2, 0), Operations: []string{"Balance"}},
		{Name: "orders", Modified: now.AddDate(0, 0, -9), Operations: []string{"Orders"}},
	}
	m := New(uitest.NewContext(now), saved.NewLibrary("/home/ana/.local/share/toggle-explorer/queries"), es).SetSize(w, h)
	m = typeText(t, m, filter)
	name, _ := m.Selected()
	saved := saved.Query{Name: name, Text: "query GetCards($first: Int = 10) {\n  giftCards(first: $first) {\n    id\n    balance { amount currency }\n  }\n}", Variables: "{\n  \"first\": 10\n}"}
	m, _ = m.Update(PreviewMsg{Name: name, Saved: saved, Gen: m.gen})
	return m
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name, filter string
		w, h         int
		keys         []string
	}{
		{"80x24", "", 80, 24, []string{"down", "down", "down"}},
		{"120x40", "", 120, 40, []string{"down", "down", "down"}},
		{"80x24_filter", "gc", 80, 24, nil},
		{"120x40_delete", "get", 120, 40, []string{"ctrl+d"}},
		{"120x40_broken", "", 120, 40, []string{"down"}},
		{"50x20_narrow", "", 50, 20, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := goldenPicker(t, c.w, c.h, c.filter)
			for _, k := range c.keys {
				m, _ = m.Update(uitest.Key(k))
				name, _ := m.Selected()
				m, _ = m.Update(PreviewMsg{Name: name, Saved: saved.Query{Name: name, Text: "query " + name + " { id }"}, Gen: m.gen})
			}
			v := m.View()
			uitest.CheckBlock(t, v, c.w, c.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestEmptyStateGolden(t *testing.T) {
	m := New(uitest.NewContext(now), saved.NewLibrary("/home/ana/.local/share/toggle-explorer/queries"), []saved.Entry{}).SetSize(80, 24)
	golden.RequireEqual(t, []byte(m.View()))
}

func TestHighlightMarksMatchedRunes(t *testing.T) {
	base := lipgloss.NewStyle()
	hl := lipgloss.NewStyle().Transform(func(s string) string { return "[" + s + "]" })
	cases := []struct {
		name  string
		pos   []int
		width int
		want  string
	}{
		{"getCards", []int{0, 3}, 20, "[g]et[C]ards"},
		{"gcList", []int{0, 1}, 20, "[gc]List"},
		{"getCards", nil, 20, "getCards"},
		// Cut names: a match beyond the cut is not marked, and neither is the "…".
		{"getCards", []int{0, 7}, 5, "[g]etC…"},
		{"getCards", []int{3, 4}, 5, "get[C]…"},
	}
	for _, c := range cases {
		if got := highlight([]rune(c.name), c.pos, c.width, base, hl); got != c.want {
			t.Errorf("highlight(%q, %v, %d) = %q, want %q", c.name, c.pos, c.width, got, c.want)
		}
	}
}
