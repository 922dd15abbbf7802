package completion

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
)

// scanEnd says how a scan of a partial document ended.
type scanEnd uint8

const (
	endClean   scanEnd = iota // the text ends between tokens
	endString                 // the text ends inside a string or block string
	endComment                // the text ends inside a comment
)

// scanTokens feeds the tokens of text (comments left out) to fn, using
// gqlparser's lexer, and reports whether text ends inside a string or a
// comment, where nothing should be completed. The text is usually an
// incomplete document being typed, so a token the lexer rejects does not stop
// the scan: the offending character (or, in a string with a bad escape, the
// rest of the line) is skipped and lexing resumes after it. The work stays
// linear in the length of text whatever it holds.
func scanTokens(text string, fn func(kind lexer.Type, value string)) scanEnd {
	base := 0 // byte offset in text where the current lexer started
	for {
		lx := lexer.New(&ast.Source{Input: text[base:]})
		comment := false
		commentLine := 0
		for {
			tok, err := lx.ReadToken()
			if err != nil {
				start := base + byteOffset(text[base:], tok.Pos.Start)
				var msg string
				var gerr *gqlerror.Error
				if errors.As(err, &gerr) {
					msg = gerr.Message
				}
				if strings.HasPrefix(msg, "Unterminated") {
					return endString
				}
				next := start
				if strings.HasPrefix(msg, "Invalid character within String") || strings.HasPrefix(msg, "Invalid character escape sequence") {
					// A string with a bad character or escape (the error
					// points inside it): resume after its closing quote;
					// without one we are inside it.
					q := strings.LastIndexByte(text[base:start], '"') + base
					if q >= base+2 && text[q-2:q+1] == `"""` {
						q -= 2
					}
					if q < base {
						q = start
					}
					if next = stringEnd(text, q); next >= len(text) {
						return endString
					}
				} else if _, w := utf8.DecodeRuneInString(text[start:]); w > 0 {
					next = start + w
				}
				if next <= base || next >= len(text) {
					return endClean
				}
				base = next
				break
			}
			switch tok.Kind {
			case lexer.EOF:
				if comment && tok.Pos.Line == commentLine {
					return endComment
				}
				return endClean
			case lexer.Comment:
				comment, commentLine = true, tok.Pos.Line
				continue
			}
			comment = false
			fn(tok.Kind, tok.Value)
		}
	}
}

// byteOffset converts a code-point offset in s to a byte offset.
func byteOffset(s string, runes int) int {
	if runes <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == runes {
			return i
		}
		n++
	}
	return len(s)
}

// stringEnd returns the offset just after the string or block string that
// starts at s[i], or len(s) when it is not closed. A plain string ends at the
// next unescaped quote on its line (at the line's end if none: strings cannot
// span lines); a block string at the next unescaped """.
func stringEnd(s string, i int) int {
	if strings.HasPrefix(s[i:], `"""`) {
		for j := i + 3; j < len(s); j++ {
			switch {
			case strings.HasPrefix(s[j:], `\"""`):
				j += 3
			case strings.HasPrefix(s[j:], `"""`):
				return j + 3
			}
		}
		return len(s)
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(s)
}
