package builder

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// TestViewGolden draws the tree at both sizes: the Cards query half built, an argument held
// as a variable, the argument prompt for an enum-less Int, and a filter.
func TestViewGolden(t *testing.T) {
	s := toggleSchema(t)
	doc := "# balance of one card\nquery Cards($ref: String) {\n  Cards(card_reference: $ref) {\n    data {\n      card_reference\n      balance\n    }\n    total\n  }\n}\n"
	cases := []struct {
		name string
		show func(m Model, text *string) Model
	}{
		{"tree", func(m Model, text *string) Model {
			return goTo(t, m, text, fieldChain(ast.Query, "Cards", "data", "balance"))
		}},
		{"prompt", func(m Model, text *string) Model {
			m = goTo(t, m, text, argChain(ast.Query, []string{"Cards"}, "limit"))
			m, _ = press(t, m, text, "enter")
			return typeText(t, m, text, "10")
		}},
		{"filter", func(m Model, text *string) Model {
			m = goTo(t, m, text, fieldChain(ast.Query, "Cards", "data"))
			m, _ = press(t, m, text, "right")
			return typeText(t, m, text, "card")
		}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				text := doc
				m := newModel(s, text, 30, size[0], size[1])
				v := c.show(m, &text).View()
				uitest.CheckBlock(t, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

func TestViewEscapesSchemaText(t *testing.T) {
	s := toggleSchema(t)
	m := newModel(s, "", 0, 120, 40).SetUnavailable("server said \x1b[31mno\x1b[0m")
	if v := m.View(); strings.Contains(v, "\x1b[31m") {
		t.Fatalf("escape sequence reached the view: %q", v)
	}
}
