package display

import (
	"io"
	"strings"
	"unicode/utf8"
)

// The escaped forms are plain ASCII, so an escaped string is as wide in cells as it is long in
// bytes, and escaping twice changes nothing (a backslash is never escaped itself).
//
//   - C0 controls, DEL and invalid UTF-8 bytes: \xHH (\n, \t and \r where they are escaped);
//   - C1 controls (U+0080–U+009F, which some terminals obey as CSI/OSC introducers), bidi
//     controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and
//     paragraph separators U+2028/U+2029: \uHHHH.
//
// Bidi controls are escaped because they reorder what the terminal shows (a filename or an
// amount can read backwards: "Trojan Source", CVE-2021-42574) without being control characters.

// Terminal escapes s for a terminal, keeping newlines and tabs (and a CR directly before a
// newline): the multi-line variant, for bodies and messages printed as blocks. Text with nothing to
// escape is returned as is, without allocating.
func Terminal(s string) string { return escape(s, false) }

// Line escapes s for a single-line field (a name, a message in a table row, a title): newlines,
// tabs and CRs are escaped too, so the field cannot break the layout around it.
func Line(s string) string { return escape(s, true) }

// EscapeRune returns the visible form of one decoded rune when it must not reach a terminal as
// is; ok is false for a rune shown as itself. r and size are what utf8.DecodeRune returned and
// lead is the first byte decoded (an invalid byte is shown by its value). It is for renderers that
// lay text out cell by cell; the result never allocates.
func EscapeRune(r rune, size int, lead byte, singleLine bool) (text string, ok bool) {
	switch {
	case r == utf8.RuneError && size <= 1:
		if size == 0 {
			return "", false
		}
		return byteText[lead], true
	case r == '\n' || r == '\t':
		if singleLine {
			return byteText[r], true
		}
		return "", false
	case r < 0x20 || r == 0x7f:
		return byteText[r], true
	case r < 0x80:
		return "", false
	case r < 0xa0:
		return c1Text[r-0x80], true
	}
	if text := formatText(r); text != "" {
		return text, true
	}
	return "", false
}

// Unsafe reports the byte offset of the first rune or byte of s that must not reach a terminal
// raw, or -1 when there is none. Newlines and tabs count as unsafe only for a single-line field.
// Tests use it to assert that output is clean.
func Unsafe(s string, singleLine bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, bad := EscapeRune(r, size, c, singleLine); bad && !(r == '\r' && !singleLine && strings.HasPrefix(s[i+1:], "\n")) {
			return i
		}
		i += size
	}
	return -1
}

// escape is Terminal (singleLine false) and Line (true).
func escape(s string, singleLine bool) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	started := false
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			if started {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		text, bad := EscapeRune(r, size, c, singleLine)
		if bad && r == '\r' && !singleLine && strings.HasPrefix(s[i+1:], "\n") {
			bad = false // CRLF ends a line like LF does
		}
		if bad && !started {
			b.Grow(len(s) + 16)
			b.WriteString(s[:i])
			started = true
		}
		switch {
		case bad:
			b.WriteString(text)
		case started:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if !started {
		return s
	}
	return b.String()
}

// formatText is the \uHHHH form of the invisible formatting runes that are escaped, or "".
func formatText(r rune) string {
	switch r {
	case 0x061c:
		return `\u061c`
	case 0x200e:
		return `\u200e`
	case 0x200f:
		return `\u200f`
	case 0x2028:
		return `\u2028`
	case 0x2029:
		return `\u2029`
	case 0x202a:
		return `\u202a`
	case 0x202b:
		return `\u202b`
	case 0x202c:
		return `\u202c`
	case 0x202d:
		return `\u202d`
	case 0x202e:
		return `\u202e`
	case 0x2066:
		return `\u2066`
	case 0x2067:
		return `\u2067`
	case 0x2068:
		return `\u2068`
	case 0x2069:
		return `\u2069`
	}
	return ""
}

const hexDigits = "0123456789abcdef"

// byteText is the \xHH form of every byte, with the usual short forms of newline, tab and CR.
// Immutable tables keep renderers from formatting on their hot path.
var byteText = func() (t [256]string) {
	for i := range t {
		t[i] = `\x` + string(hexDigits[i>>4]) + string(hexDigits[i&0xf])
	}
	t['\n'], t['\t'], t['\r'] = `\n`, `\t`, `\r`
	return t
}()

// c1Text is the \u00HH form of the C1 controls, indexed by r-0x80.
var c1Text = func() (t [32]string) {
	for i := range t {
		c := 0x80 + i
		t[i] = `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&0xf])
	}
	return t
}()

// Writer returns a writer that passes every Write through Terminal: a last line of defence for a
// stream that only ever carries text for people (a command's stderr). A multi-byte character split
// across two writes is escaped as invalid bytes, so write whole strings. It reports len(p) as
// written when the escaped text was written in full.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct{ w io.Writer }

func (w *writer) Write(p []byte) (int, error) {
	s := string(p)
	e := Terminal(s)
	if _, err := io.WriteString(w.w, e); err != nil {
		return 0, err
	}
	return len(p), nil
}
