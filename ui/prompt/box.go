package prompt

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Box widths, in cells including the border. A dialog asks one short question: wider than
// maxBoxWidth only makes the eye travel; narrower than minBoxWidth cannot hold a name.
const (
	maxBoxWidth = 64
	minBoxWidth = 24
)

// boxContentWidth is the text width inside a dialog drawn on a screen width cells wide (0: unknown,
// use the widest box). It leaves a margin of two cells each side when the screen allows it.
func boxContentWidth(st *common.Styles, width int) int {
	w := maxBoxWidth
	if width > 0 {
		w = min(w, width-4)
	}
	w = max(w, minBoxWidth)
	return max(1, w-st.Overlay.GetHorizontalFrameSize())
}

// renderBox frames body (already cut to contentWidth) in the overlay style.
func renderBox(st *common.Styles, contentWidth int, body string) string {
	return st.Overlay.Width(contentWidth + st.Overlay.GetHorizontalPadding()).Render(body)
}

// place centres box on an otherwise empty width×height screen; with no size yet it is the box.
func place(box string, width, height int) string {
	if width <= 0 || height <= 0 {
		return box
	}
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}

// wrapText sanitises s (it may hold a file name or a server's words) and wraps it to width cells,
// one output line per visual line.
func wrapText(s string, width int) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = display.Line(line)
		out = append(out, strings.Split(ansi.Wrap(line, width, ""), "\n")...)
	}
	return out
}

// Overlay lays box over the middle of background, a view of width×height cells, and returns a
// view of the same height, no wider than width (a box too big for the screen is cut): the background stays visible around the box, which keeps the user's
// place (the picker under its delete confirmation, the editor under "quit without saving?").
// Lines of background are cut by display width, keeping their escape sequences, so a styled
// background stays intact outside the box.
func Overlay(background, box string, width, height int) string {
	if width <= 0 || height <= 0 {
		return box
	}
	bg := strings.Split(background, "\n")
	for len(bg) < height {
		bg = append(bg, "")
	}
	bg = bg[:height]
	fg := strings.Split(box, "\n")
	boxW := 0
	for _, l := range fg {
		boxW = max(boxW, ansi.StringWidth(l))
	}
	x, y := max(0, (width-boxW)/2), max(0, (height-len(fg))/2)
	for i, l := range fg {
		row := y + i
		if row >= height {
			break
		}
		bg[row] = overlayLine(bg[row], l, x, min(boxW, width-x))
	}
	return strings.Join(bg, "\n")
}

// overlayLine replaces cells [x, x+w) of line with fg (cut or padded to w). The left part gets a reset
// so a style open where it was cut cannot bleed into the box; the right part keeps the escape
// sequences that lead up to it, so it is drawn in its own style.
func overlayLine(line, fg string, x, w int) string {
	left := ansi.Truncate(line, x, "")
	if lw := ansi.StringWidth(left); lw < x {
		left += strings.Repeat(" ", x-lw)
	}
	if strings.Contains(left, "\x1b[") {
		left += "\x1b[0m"
	}
	fg = ansi.Truncate(fg, w, "")
	if fw := ansi.StringWidth(fg); fw < w {
		fg += strings.Repeat(" ", w-fw)
	}
	return left + fg + ansi.TruncateLeft(line, x+w, "")
}
