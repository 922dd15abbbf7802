package editor

import (
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// tabWidth is the tab stop distance, in cells. A typed tab inserts this many
// spaces; a tab already in the text renders as spaces up to the next stop.
const tabWidth = 2

// cellsAt reports how many terminal cells rune r occupies when it starts at
// display column x. Tabs depend on the column; control and bidi characters
// are shown escaped (see glyph), as wide as their escape.
func cellsAt(r rune, x int) int {
	switch {
	case r == '\t':
		return tabWidth - x%tabWidth
	case r >= 0x20 && r < 0x7f:
		return 1
	}
	if text, escaped := escapeGlyph(r); escaped {
		return len(text)
	}
	// displaywidth is what lipgloss and the Bubble Tea renderer measure with
	// (through x/ansi), so padding computed here agrees with theirs.
	return displaywidth.Rune(r)
}

// glyph returns what to print for rune r. Control and bidi characters must
// never reach the terminal raw: a pasted ESC would start an escape sequence
// and corrupt the screen (or worse), a bidi override would reorder the line.
// They are drawn escaped, the way every pane shows server text (display).
func glyph(r rune) string {
	if text, escaped := escapeGlyph(r); escaped {
		return text
	}
	return string(r)
}

// escapeGlyph is display's escaped form of r, if r needs one. The buffer
// holds runes, not bytes: an invalid byte was already decoded to U+FFFD,
// which is shown as itself.
func escapeGlyph(r rune) (string, bool) {
	if r == utf8.RuneError {
		return "", false
	}
	return display.EscapeRune(r, utf8.RuneLen(r), 0, true)
}

// displayCol returns the display column at which rune index col of line starts.
func displayCol(line string, col int) int {
	x, i := 0, 0
	for _, r := range line {
		if i == col {
			break
		}
		x += cellsAt(r, x)
		i++
	}
	return x
}

// colAtDisplay returns the rune index in line whose cell range contains
// display column x, or the line's rune length when x is past the end. It is
// the inverse of displayCol, used for vertical moves with a goal column and
// for mouse clicks.
func colAtDisplay(line string, x int) int {
	cx, i := 0, 0
	for _, r := range line {
		w := cellsAt(r, cx)
		if x < cx+w {
			return i
		}
		cx += w
		i++
	}
	return i
}

// lineWidth returns the display width of a whole line.
func lineWidth(line string) int {
	x := 0
	for _, r := range line {
		x += cellsAt(r, x)
	}
	return x
}
