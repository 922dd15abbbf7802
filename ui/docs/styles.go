package docs

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// styles are the browser's text styles, derived once from the shared chrome styles so the
// browser follows the theme without a palette of its own.
type styles struct {
	Kind, TypeName, Section, Type, Faint, Muted lipgloss.Style
	Selected, Deprecated, Warning, Rule         lipgloss.Style
	// names are the item-name styles indexed by [selected][deprecated]: a deprecated name is
	// struck through (and the page adds a "deprecated: reason" line, which also shows where
	// the terminal cannot strike through).
	names [2][2]lipgloss.Style
}

// newStyles derives the browser's styles from the chrome styles.
func newStyles(c *common.Styles) *styles {
	s := &styles{
		Kind:       c.Muted,
		TypeName:   c.Accent,
		Section:    c.Title.Bold(true),
		Type:       c.Muted,
		Faint:      c.Faint,
		Muted:      c.Muted,
		Selected:   c.Accent,
		Deprecated: c.Warning,
		Warning:    c.Warning,
		Rule:       c.Faint,
	}
	plain := lipgloss.NewStyle()
	s.names = [2][2]lipgloss.Style{
		{plain, c.Faint.Strikethrough(true)},
		{c.Accent, c.Accent.Strikethrough(true)},
	}
	return s
}

// styles returns the model's styles.
func (m Model) styles() *styles { return m.st }

// nameStyle is the style of an item's name.
func (m Model) nameStyle(selected, deprecated bool) lipgloss.Style {
	return m.st.names[b2i(selected)][b2i(deprecated)]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
