package docs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		show func(Model) Model
	}{
		{"home_80x24", 80, 24, func(m Model) Model { return m }},
		{"home_120x40", 120, 40, func(m Model) Model { return m }},
		{"type_field_args_80x24", 80, 24, func(m Model) Model { return m.Open("Query", "Cards") }},
		{"type_field_args_120x40", 120, 40, func(m Model) Model { return m.Open("Query", "Cards") }},
		{"search_80x24", 80, 24, func(m Model) Model { return typeText(t, m, "card") }},
		{"search_120x40", 120, 40, func(m Model) Model { return typeText(t, m, "card") }},
		{"empty_80x24", 80, 24, func(m Model) Model { return m.SetUnavailable("introspection is disabled on this server") }},
	}
	s := toggleSchema(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden.RequireEqual(t, []byte(c.show(newModel(s, c.w, c.h)).View()))
		})
	}
}

// Every view fills exactly its frame, whatever is on show.
func TestViewFitsSize(t *testing.T) {
	s := githubSchema(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {40, 12}} {
		w, h := size[0], size[1]
		views := map[string]Model{
			"home":   newModel(s, w, h),
			"type":   newModel(s, w, h).Open("Repository", "issues"),
			"search": typeText(t, newModel(s, w, h), "pull"),
		}
		for name, m := range views {
			lines := strings.Split(m.View(), "\n")
			if len(lines) != h {
				t.Errorf("%s at %dx%d: %d lines", name, w, h, len(lines))
			}
			for i, l := range lines {
				if got := ansi.StringWidth(l); got != w {
					t.Errorf("%s at %dx%d: line %d is %d wide: %q", name, w, h, i, got, l)
				}
			}
		}
	}
	if v := newModel(s, 8, 4).View(); v != "" {
		t.Errorf("a too-small browser draws %q", v)
	}
}

func TestLongDescriptionsWrap(t *testing.T) {
	long := strings.Repeat("word ", 60)
	s := sdlSchema(t, `type Query { "`+long+`" f(a: Int): Int }`)
	m := newModel(s, 60, 30).Open("Query", "f")
	n := 0
	for _, l := range plain(m.View()) {
		if strings.Contains(l, "word word") {
			n++
		}
	}
	if n < 4 {
		t.Errorf("a 300-character description takes %d lines at width 60:\n%s", n, m.View())
	}
}
