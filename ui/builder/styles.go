package builder

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// styles are derived once from the shared chrome styles.
type styles struct {
	name, selected, typ, desc, deprecated, arg, value, pending, sel, filter, err, faint lipgloss.Style
}

func newStyles(c *common.Styles) *styles {
	return &styles{
		name:       lipgloss.NewStyle(),
		selected:   c.Success.Bold(true),
		typ:        c.Muted,
		desc:       c.Faint,
		deprecated: c.Warning,
		arg:        c.Info,
		value:      c.Accent,
		pending:    c.Warning,
		sel:        lipgloss.NewStyle().Reverse(true),
		filter:     c.Accent,
		err:        c.Error,
		faint:      c.Faint,
	}
}
