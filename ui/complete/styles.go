package complete

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/themes"
)

// Styles are the popup's colours. Only colours and text attributes matter:
// the popup lays out every cell itself.
type Styles struct {
	// Border is the box around the list.
	Border lipgloss.Style
	// Marker, Label and Detail style a row's kind letter, name and type.
	Marker, Label, Detail lipgloss.Style
	// Deprecated styles the label of a deprecated item.
	Deprecated lipgloss.Style
	// Selected is laid over the selected row's styles (its background and
	// foreground win).
	Selected lipgloss.Style
	// Doc is the footer line with the selected item's description.
	Doc lipgloss.Style
	// Count is the "3/42" position shown when the list scrolls.
	Count lipgloss.Style
}

// DefaultStyles builds the popup's styles from a theme's palette. A nil
// theme means themes.Default().
func DefaultStyles(t *themes.Theme) Styles {
	if t == nil {
		t = themes.Default()
	}
	p := t.Palette
	fg := func(c lipgloss.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	return Styles{
		Border:     fg(p.BorderFocused),
		Marker:     fg(p.Accent).Bold(true),
		Label:      fg(p.Foreground),
		Detail:     fg(p.Faint),
		Deprecated: fg(p.Faint).Strikethrough(true),
		Selected:   lipgloss.NewStyle().Foreground(p.SelectionForeground).Background(p.SelectionBackground),
		Doc:        fg(p.Muted).Italic(true),
		Count:      fg(p.Faint),
	}
}

// selected returns s with the selection's colours laid over it, keeping its
// text attributes (strikethrough, bold) so a deprecated item still reads as
// one when selected.
func (st Styles) selected(s lipgloss.Style) lipgloss.Style {
	return s.Foreground(st.Selected.GetForeground()).Background(st.Selected.GetBackground())
}
