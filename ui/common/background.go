package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// resetSeq is how lipgloss (through termenv) ends every styled span.
const resetSeq = termenv.CSI + termenv.ResetSeq + "m"

// PaintBackground gives a whole frame the theme's background colour and, for text without a
// colour of its own, its foreground, so a light theme stays readable on a dark terminal and the
// other way round. Each line is padded to width and starts
// with the background; after every reset that ends a styled span the background is set again,
// so spans with their own background (status bar, selection) keep it and the rest sits on the
// theme's. With a profile that has no colours (Ascii, NO_COLOR) or no background colour, the view
// is returned as it is.
func PaintBackground(view string, profile termenv.Profile, bg, fg lipgloss.Color, width int) string {
	bgSeq, ok := colorSeq(profile, bg, true)
	if !ok {
		return view
	}
	set := termenv.CSI + bgSeq + "m"
	if fgSeq, ok := colorSeq(profile, fg, false); ok {
		set = termenv.CSI + bgSeq + ";" + fgSeq + "m"
	}
	lines := strings.Split(view, "\n")
	var b strings.Builder
	b.Grow(len(view) + (len(lines)+strings.Count(view, resetSeq))*len(set) + len(lines)*(width/4+8))
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(set)
		for rest := line; ; {
			i := strings.Index(rest, resetSeq)
			if i < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:i+len(resetSeq)])
			b.WriteString(set)
			rest = rest[i+len(resetSeq):]
		}
		for pad := width - ansi.StringWidth(line); pad > 0; pad-- {
			b.WriteByte(' ')
		}
		b.WriteString(resetSeq)
	}
	return b.String()
}

// colorSeq is the SGR parameters of color for profile, and false when the profile shows none.
func colorSeq(profile termenv.Profile, color lipgloss.Color, background bool) (string, bool) {
	if color == "" || profile == termenv.Ascii {
		return "", false
	}
	c := profile.Color(string(color))
	if c == nil {
		return "", false
	}
	if _, none := c.(termenv.NoColor); none {
		return "", false
	}
	return c.Sequence(background), true
}
