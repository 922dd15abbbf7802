package doctor

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// TODO(merge): branch safeout adds the project's one escape function to session/display; when it
// lands, escape becomes display.Line and escapeJSON display.JSON (FuzzEscape then tests those).

// escape makes text from a server, a certificate or a token safe for a terminal: C0 controls
// (ESC, CR, LF, BEL …), DEL, C1 controls and bidi controls become visible \x / \u escapes, and
// invalid UTF-8 becomes U+FFFD. Printable text is returned unchanged.
func escape(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain reports printable ASCII only (the common case, no allocation).
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// unsafeRune reports the non-ASCII runes a terminal may act on: C1 controls (CSI, OSC
// introducers) and the bidi controls that reorder what is shown (Trojan Source).
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// escapeJSON rewrites the runes encoding/json leaves raw (DEL, C1 and bidi controls) as \u
// escapes, so the JSON output is as safe on a terminal as the text. They can only occur inside
// JSON strings, where \uXXXX means the same rune.
func escapeJSON(b []byte) []byte {
	clean := true
	for _, c := range b {
		if c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	var out bytes.Buffer
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || unsafeRune(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[i : i+size])
		}
		i += size
	}
	return out.Bytes()
}
