package common

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/themes"
)

// Styles are the chrome styles shared by the panes: borders, titles, the status bar and its token
// states, notices and help. Pane-specific styles live with each pane (editor.Styles, results.Styles).
type Styles struct {
	// Pane is the border of a blurred pane; PaneFocused of the focused one.
	Pane, PaneFocused lipgloss.Style
	// Title is a pane title; TitleFocused the focused pane's.
	Title, TitleFocused lipgloss.Style
	// Muted and Faint are secondary and hint text.
	Muted, Faint lipgloss.Style
	// Accent marks the app name and keys.
	Accent lipgloss.Style
	// Error, Warning, Success and Info colour messages.
	Error, Warning, Success, Info lipgloss.Style
	// Status is the status bar background; StatusSegment one of its segments.
	Status, StatusSegment lipgloss.Style
	// TokenFresh, TokenDue, TokenRefreshing, TokenExpired and TokenFailed colour the token segment
	// of the status bar by the token's state.
	TokenFresh, TokenDue, TokenRefreshing, TokenExpired, TokenFailed lipgloss.Style
	// HelpKey and HelpDesc style the help bar.
	HelpKey, HelpDesc, HelpSep lipgloss.Style
	// Overlay frames full-screen overlays such as the full help.
	Overlay lipgloss.Style
}

// NewStyles derives the chrome styles from a theme's palette.
func NewStyles(t *themes.Theme) *Styles {
	p := t.Palette
	fg := func(c lipgloss.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	border := lipgloss.RoundedBorder()
	statusBase := lipgloss.NewStyle().Foreground(p.StatusForeground).Background(p.StatusBackground)
	segment := func(c lipgloss.Color) lipgloss.Style {
		return lipgloss.NewStyle().Foreground(p.StatusBackground).Background(c).Bold(true).Padding(0, 1)
	}
	return &Styles{
		Pane:            lipgloss.NewStyle().Border(border).BorderForeground(p.Border),
		PaneFocused:     lipgloss.NewStyle().Border(border).BorderForeground(p.BorderFocused),
		Title:           fg(p.Muted),
		TitleFocused:    fg(p.Accent).Bold(true),
		Muted:           fg(p.Muted),
		Faint:           fg(p.Faint),
		Accent:          fg(p.Accent).Bold(true),
		Error:           fg(p.Error),
		Warning:         fg(p.Warning),
		Success:         fg(p.Success),
		Info:            fg(p.Info),
		Status:          statusBase,
		StatusSegment:   statusBase.Padding(0, 1),
		TokenFresh:      segment(p.Success),
		TokenDue:        segment(p.Warning),
		TokenRefreshing: segment(p.Info),
		TokenExpired:    segment(p.Error),
		TokenFailed:     segment(p.Error),
		HelpKey:         fg(p.Muted).Bold(true),
		HelpDesc:        fg(p.Faint),
		HelpSep:         fg(p.Faint),
		Overlay:         lipgloss.NewStyle().Border(border).BorderForeground(p.BorderFocused).Padding(1, 2),
	}
}
