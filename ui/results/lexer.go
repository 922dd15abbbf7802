package results

import "bytes"

// tokenClass is the colour class of a run of bytes in a JSON line.
type tokenClass uint8

const (
	classPlain   tokenClass = iota // whitespace, anything unrecognised, text bodies
	classKey                       // an object key, quotes included
	classString                    // a string value
	classNumber                    // a number
	classLiteral                   // true, false, null
	classPunct                     // { } [ ] , :
	numClasses
)

// jsonLexer splits one line of JSON into coloured tokens in a single pass.
//
// It relies on a property of indented JSON: strings never span lines
// (a newline inside a string is always escaped), so every line can be lexed
// on its own, starting outside a string. On arbitrary input it still makes
// progress and never panics; it just colours less accurately.
type jsonLexer struct {
	line []byte
	pos  int
}

// next returns the class and end offset of the token at l.pos, advancing
// past it. ok is false at the end of the line.
func (l *jsonLexer) next() (end int, cls tokenClass, ok bool) {
	line, i := l.line, l.pos
	if i >= len(line) {
		return i, classPlain, false
	}
	c := line[i]
	switch {
	case c == '"':
		end = stringEnd(line, i)
		cls = classString
		j := end
		for j < len(line) && line[j] == ' ' {
			j++
		}
		if j < len(line) && line[j] == ':' {
			cls = classKey
		}
	case c == '-' || isDigit(c):
		end = i + 1
		for end < len(line) && isNumberByte(line[end]) {
			end++
		}
		cls = classNumber
	case isLetter(c):
		end = i + 1
		for end < len(line) && isLetter(line[end]) {
			end++
		}
		switch string(line[i:end]) { // no allocation: compiler-recognised comparison
		case "true", "false", "null":
			cls = classLiteral
		default:
			cls = classPlain
		}
	case c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':':
		end, cls = i+1, classPunct
	default:
		// Whitespace and anything else up to the next token start.
		end = i + 1
		for end < len(line) && !startsToken(line[end]) {
			end++
		}
		cls = classPlain
	}
	l.pos = end
	return end, cls, true
}

// stringEnd returns the offset just past the closing quote of the string
// opening at start, or len(line) if it is unterminated. It jumps between
// quotes with IndexByte (a long string value costs memchr speed, not a byte
// loop) and treats a quote preceded by an odd run of backslashes as escaped.
func stringEnd(line []byte, start int) int {
	i := start + 1
	for {
		q := bytes.IndexByte(line[i:], '"')
		if q < 0 {
			return len(line)
		}
		q += i
		bs := 0
		for k := q - 1; k > start && line[k] == '\\'; k-- {
			bs++
		}
		if bs%2 == 0 {
			return q + 1
		}
		i = q + 1
	}
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }
func isNumberByte(c byte) bool {
	return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
}

// startsToken reports whether c begins a non-plain token.
func startsToken(c byte) bool {
	switch c {
	case '"', '-', '{', '}', '[', ']', ',', ':':
		return true
	}
	return isDigit(c) || isLetter(c)
}
