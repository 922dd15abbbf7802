package picker

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// styles are the picker's own styles, derived once from the theme in New.
type styles struct {
	row, selected           lipgloss.Style // a list row; the selected one
	match, selectedMatch    lipgloss.Style // matched letters, in either
	marker, warn, date, dim lipgloss.Style
	code                    editor.Styles // the preview's read-only editors
}

func newStyles(ctx *common.Context) styles {
	p := ctx.Theme.Palette
	sel := lipgloss.NewStyle().Foreground(p.SelectionForeground).Background(p.SelectionBackground)
	return styles{
		row:           lipgloss.NewStyle().Foreground(p.Foreground),
		selected:      sel,
		match:         lipgloss.NewStyle().Foreground(p.Accent).Bold(true),
		selectedMatch: sel.Bold(true).Underline(true),
		marker:        ctx.Styles.Accent,
		warn:          ctx.Styles.Warning,
		date:          ctx.Styles.Faint,
		dim:           ctx.Styles.Muted,
		code:          editor.DefaultStyles(ctx.Theme),
	}
}
