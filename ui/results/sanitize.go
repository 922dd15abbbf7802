package results

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// tabText is what a tab becomes: fixed-width spaces keep column arithmetic
// independent of the position, which horizontal scrolling relies on.
const tabText = "    "

// Sanitize makes server text safe and single-line for the terminal:
//
//   - C0 controls (ESC, CR, LF, BEL, ...) become their Unicode control
//     pictures (ESC -> "␛", LF -> "␊"), and DEL becomes "␡";
//   - a tab becomes four spaces;
//   - C1 controls (U+0080-U+009F, which some terminals treat as CSI/OSC
//     introducers) become "\x9b"-style text;
//   - invalid UTF-8 bytes become U+FFFD.
//
// So "\x1b[2J" renders as the harmless text "␛[2J" and an OSC 52 clipboard
// write cannot reach the terminal. Printable text is returned unchanged
// without allocating.
func Sanitize(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if text, _, ok := escapeRune(r, size); ok {
			b.WriteString(text)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// c1Text holds the visible form of every C1 control, indexed by r-0x80. It
// is an immutable table so the renderer never formats on the hot path.
var c1Text = func() (t [32]string) {
	const hex = "0123456789abcdef"
	for i := range t {
		c := 0x80 + i
		t[i] = `\x` + string(hex[c>>4]) + string(hex[c&0xf])
	}
	return t
}()

// c0Text holds the control pictures U+2400-U+241F for the C0 controls.
var c0Text = func() (t [32]string) {
	for i := range t {
		t[i] = string(rune(0x2400 + i))
	}
	return t
}()

// escapeRune returns the visible replacement for a rune that must not reach
// the terminal as is, with its width in cells. size is the byte length the
// rune was decoded from (1 for an invalid byte). ok is false for ordinary
// printable runes, which are shown as themselves.
func escapeRune(r rune, size int) (text string, width int, ok bool) {
	switch {
	case r == utf8.RuneError && size <= 1:
		return "\uFFFD", 1, true
	case r == '\t':
		return tabText, len(tabText), true
	case r < 0x20:
		return c0Text[r], 1, true
	case r == 0x7f:
		return "\u2421", 1, true
	case r >= 0x80 && r < 0xa0:
		return c1Text[r-0x80], 4, true
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
