package historyview

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestViewGolden(t *testing.T) {
	warnings := []string{"history line 5 is damaged or incomplete and was skipped", "damaged history lines were moved to /home/ana/.local/state/toggle-explorer/history.jsonl.corrupt"}
	cases := []struct {
		name     string
		w, h     int
		warnings []string
		keys     []string
	}{
		{"80x24", 80, 24, nil, nil},
		{"120x40", 120, 40, nil, []string{"down"}},
		{"80x24_warnings_unauthorized", 80, 24, warnings, []string{"down", "down"}},
		{"120x40_filter", 120, 40, nil, []string{"o", "r", "d"}},
		{"60x12_small", 60, 12, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New(uitest.NewContext(now), sample(), c.warnings).SetSize(c.w, c.h)
			m, _ = press(t, m, c.keys...)
			v := m.View()
			uitest.CheckBlock(t, v, c.w, c.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestEmptyGolden(t *testing.T) {
	v := New(uitest.NewContext(now), nil, nil).SetSize(80, 24)
	v, _ = v.Update(LoadedMsg{})
	golden.RequireEqual(t, []byte(v.View()))
}
