package results

import (
	"github.com/clipperhouse/displaywidth"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// tabText is what a tab becomes: fixed-width spaces keep column arithmetic
// independent of the position, which horizontal scrolling relies on.
const tabText = "    "

// escapeRune returns the visible replacement for a rune that must not reach
// the terminal as is, with its width in cells: display's escaped form
// (control, C1 and bidi characters, invalid bytes), or spaces for a tab. size
// is the byte length the rune was decoded from and lead its first byte. ok is
// false for ordinary printable runes, which are shown as themselves.
func escapeRune(r rune, size int, lead byte) (text string, width int, ok bool) {
	if r == '\t' {
		return tabText, len(tabText), true
	}
	if text, ok := display.EscapeRune(r, size, lead, true); ok {
		return text, len(text), true // escapes are ASCII: one cell a byte
	}
	return "", 0, false
}

// runeCells is the display width of a printable rune. displaywidth is what
// lipgloss and the Bubble Tea renderer measure with (through x/ansi), so the
// columns computed here agree with theirs (go-runewidth disagrees on about
// 1,400 printable runes).
func runeCells(r rune) int {
	return displaywidth.Rune(r)
}
