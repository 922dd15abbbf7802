package display

import (
	"unicode/utf8"
)

// JSON returns a JSON text with every rune that Terminal would escape written as a \u escape
// inside strings (C0 controls, DEL, C1 controls, bidi controls, U+2028/U+2029; an invalid UTF-8
// byte becomes \ufffd), so the output is still the same JSON value and safe on a terminal.
// encoding/json escapes none of C1, DEL or bidi, and json.Indent copies strings as they came.
// Bytes outside strings are left alone unless unsafe (valid JSON has none there but a lone CR,
// which becomes a space); those are escaped as Line does. A text with nothing to escape is returned as is, without copying.
func JSON(b []byte) []byte {
	var out []byte
	inString, escaped := false, false
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7f {
			switch {
			case !inString:
				inString = c == '"'
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			if out != nil {
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		_, bad := EscapeRune(r, size, c, inString)
		lone := c == '\r' && (i+1 == len(b) || b[i+1] != '\n')
		if !inString && (c == '\n' || c == '\t' || c == '\r') && !lone {
			bad = false // JSON whitespace
		}
		if !bad {
			if out != nil {
				out = append(out, b[i:i+size]...)
			}
			escaped = false
			i += size
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(b)+32)
			out = append(out, b[:i]...)
		}
		switch {
		case !inString && lone:
			out = append(out, ' ') // a CR alone moves the cursor back over the line; a space is the same JSON
		case !inString:
			out = append(out, byteText[c]...)
		case r == utf8.RuneError:
			out = append(out, `\ufffd`...)
		default:
			out = append(out, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		}
		escaped = false
		i += size
	}
	if out == nil {
		return b
	}
	return out
}
