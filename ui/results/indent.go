package results

import "github.com/toggle-explorer/toggle-explorer/session"

// indentSpaces is sliced for indentation; deeper levels append it repeatedly.
const indentSpaces = "                                                                "

// maxIndentDepth caps the indentation. Without a cap, output grows with
// the square of the nesting depth: 20 KB of "[[[[…" would indent to 100 MB.
// Past this depth lines keep the same indent; shallower documents are
// indented exactly as json.Indent does.
const maxIndentDepth = 128

// maxDepth is encoding/json's nesting limit; deeper documents are invalid
// there, so they are invalid here too.
const maxDepth = 10000

// Parser states of the indenter: what may come next.
const (
	stValue        = iota // a value (top level, after ':' or after ',' in an array)
	stValueOrClose        // a value or ']' (just after '[')
	stKeyOrClose          // a key or '}' (just after '{')
	stKey                 // a key (after ',' in an object)
	stColon               // ':'
	stCommaOrClose        // ',' or the closing bracket of the container
	stDone                // only whitespace
)

// indenter validates and pretty-prints JSON in one pass, with a two-space
// indent: its output is byte for byte what json.Indent(dst, src, "", "  ")
// produces (without trailing whitespace, and up to maxIndentDepth levels of
// indentation), and it accepts exactly what
// json.Valid accepts; the fuzz tests hold it to both. Doing both in one tight
// loop, with strings copied in bulk and no per-byte scanner callback, is
// about twice as fast as json.Valid followed by json.Indent.
//
// It also records line starts as it writes newlines, far cheaper than
// searching for them afterwards when lines average 20 bytes.
type indenter struct {
	dst      []byte
	lines    []int32 // start offset of every line of dst; nil: not recorded
	maxLine  int     // longest line of dst in bytes (when lines are recorded)
	maxLines int     // stop once this many lines are started (0: no limit); see PrepareHead

	// Index mode (see lazyIndex): instead of the whole output, dst holds only the current line,
	// lines are counted, and every lazyStride-th line is recorded as the offset of its first
	// byte in src and its nesting depth.
	index   bool
	count   int     // index mode: lines started
	off     []int32 // index mode: offset in src of lines 0, lazyStride, 2*lazyStride…
	depth   []int32 // index mode: the nesting depth of those lines
	pending bool    // index mode: the next token starts a recorded line
}

// appendIndent is the indenter without the line index, for tests. ok is
// false if src is not valid JSON.
func appendIndent(dst, src []byte) (out []byte, ok bool) {
	in := indenter{dst: dst}
	ok = in.run(src)
	return in.dst, ok
}

// run indents src onto in.dst and reports whether src is valid JSON. On
// invalid input in.dst holds garbage and must be discarded.
func (in *indenter) run(src []byte) bool {
	dst := in.dst
	var stack []byte // open containers: '{' or '['
	state := stValue
	// needIndent defers the newline after '{' or '[' until we know the
	// container is not empty: json.Indent prints "{}" and "[]" compactly.
	needIndent := false
	i, n := 0, len(src)
	for i < n && (in.maxLines == 0 || len(in.lines) < in.maxLines) {
		c := src[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if in.pending {
			in.off = append(in.off, int32(i))
			in.pending = false
		}
		// Closing brackets.
		if (c == '}' || c == ']') && (state == stCommaOrClose ||
			(state == stKeyOrClose && c == '}') || (state == stValueOrClose && c == ']')) {
			top := stack[len(stack)-1]
			if (top == '{') != (c == '}') {
				return false
			}
			stack = stack[:len(stack)-1]
			if needIndent {
				needIndent = false
			} else {
				dst = in.newline(dst, len(stack), i)
			}
			dst = append(dst, c)
			i++
			state = afterValue(stack)
			continue
		}
		switch state {
		case stDone:
			return false
		case stColon:
			if c != ':' {
				return false
			}
			dst = append(dst, ':', ' ')
			i++
			state = stValue
			continue
		case stCommaOrClose:
			if c != ',' {
				return false
			}
			dst = in.newline(append(dst, ','), len(stack), -1)
			i++
			if stack[len(stack)-1] == '{' {
				state = stKey
			} else {
				state = stValue
			}
			continue
		case stKeyOrClose, stKey:
			if c != '"' {
				return false
			}
		}
		// A value or a key starts here.
		if needIndent {
			dst = in.newline(dst, len(stack), i)
			needIndent = false
		}
		switch {
		case c == '"':
			end, ok := scanString(src, i)
			if !ok {
				return false
			}
			dst = append(dst, src[i:end]...)
			i = end
			if state == stKeyOrClose || state == stKey {
				state = stColon
			} else {
				state = afterValue(stack)
			}
			continue
		case c == '{' || c == '[':
			if len(stack) >= maxDepth {
				return false
			}
			stack = append(stack, c)
			dst = append(dst, c)
			needIndent = true
			i++
			if c == '{' {
				state = stKeyOrClose
			} else {
				state = stValueOrClose
			}
			continue
		case c == '-' || ('0' <= c && c <= '9'):
			end, ok := session.ScanJSONNumber(src, i)
			if !ok {
				return false
			}
			dst = append(dst, src[i:end]...)
			i = end
		case c == 't' || c == 'f' || c == 'n':
			end, ok := scanLiteral(src, i)
			if !ok {
				return false
			}
			dst = append(dst, src[i:end]...)
			i = end
		default:
			return false
		}
		state = afterValue(stack)
	}
	in.dst = dst
	if in.index {
		in.maxLine = max(in.maxLine, len(dst))
	} else if k := len(in.lines); k > 0 {
		in.maxLine = max(in.maxLine, len(dst)-int(in.lines[k-1]))
	}
	return state == stDone
}

// afterValue is the state after a complete value.
func afterValue(stack []byte) int {
	if len(stack) == 0 {
		return stDone
	}
	return stCommaOrClose
}

// newline ends the current line and indents the next to depth. at is the offset in src of
// the next line's first byte, or -1 if it is the next token's (index mode only).
func (in *indenter) newline(dst []byte, depth int, at int) []byte {
	if in.index {
		// The line buffer holds only the line just ended: its length is the line's.
		in.maxLine = max(in.maxLine, len(dst))
		dst = dst[:0]
		if in.count%lazyStride == 0 {
			in.depth = append(in.depth, int32(depth))
			if at >= 0 {
				in.off = append(in.off, int32(at))
			} else {
				in.pending = true
			}
		}
		in.count++
	} else if in.lines != nil {
		in.maxLine = max(in.maxLine, len(dst)-int(in.lines[len(in.lines)-1]))
		in.lines = append(in.lines, int32(len(dst)+1))
	}
	if !in.index {
		dst = append(dst, '\n')
	}
	for n := 2 * min(depth, maxIndentDepth); n > 0; {
		k := min(n, len(indentSpaces))
		dst = append(dst, indentSpaces[:k]...)
		n -= k
	}
	return dst
}

// scanString validates the string opening at src[start] and returns the
// offset just past its closing quote. Like encoding/json it rejects control
// bytes and bad escapes but does not check UTF-8.
func scanString(src []byte, start int) (end int, ok bool) {
	for i := start + 1; i < len(src); {
		c := src[i]
		switch {
		case c == '"':
			return i + 1, true
		case c < 0x20:
			return 0, false
		case c == '\\':
			if i+1 >= len(src) {
				return 0, false
			}
			switch src[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(src) {
					return 0, false
				}
				for _, h := range src[i+2 : i+6] {
					if !isHex(h) {
						return 0, false
					}
				}
				i += 6
			default:
				return 0, false
			}
		default:
			i++
		}
	}
	return 0, false
}

// scanLiteral validates true, false or null at src[start].
func scanLiteral(src []byte, start int) (end int, ok bool) {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(src)-start >= len(lit) && string(src[start:start+len(lit)]) == lit {
			return start + len(lit), true
		}
	}
	return 0, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
