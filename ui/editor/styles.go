package editor

import (
	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/themes"
)

// Styles are the editor's colours. Only colour and text attributes are used
// (foreground, background, bold, italic, underline, reverse, faint): the
// editor lays out every cell itself, so padding, margins, borders and widths
// set on these styles are ignored.
type Styles struct {
	// Text is plain text, and the fill after the end of each line.
	Text lipgloss.Style
	// LineNumber is the gutter of ordinary lines.
	LineNumber lipgloss.Style
	// CurrentLineNumber is the gutter of the cursor's line.
	CurrentLineNumber lipgloss.Style
	// ErrorLineNumber is the gutter of lines that carry a diagnostic.
	ErrorLineNumber lipgloss.Style
	// Cursor is the cursor cell; reverse video by default.
	Cursor lipgloss.Style
	// Placeholder is the hint shown while the document is empty.
	Placeholder lipgloss.Style
	// Error marks the span of a diagnostic.
	Error lipgloss.Style
	// Token styles a chroma token. Nil renders all code with Text. It is
	// called once per token type per Styles value (the editor memoises it).
	Token func(chroma.TokenType) lipgloss.Style
}

// DefaultStyles builds the editor's styles from a theme's palette, with the
// theme's chroma style for tokens. A nil theme means themes.Default().
func DefaultStyles(t *themes.Theme) Styles {
	if t == nil {
		t = themes.Default()
	}
	p := t.Palette
	fg := func(c lipgloss.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	return Styles{
		Text:              fg(p.Foreground),
		LineNumber:        fg(p.Faint),
		CurrentLineNumber: fg(p.Foreground),
		ErrorLineNumber:   fg(p.Error),
		Cursor:            lipgloss.NewStyle().Reverse(true),
		Placeholder:       fg(p.Faint),
		Error:             fg(p.Error).Underline(true),
		Token:             t.TokenStyle,
	}
}
