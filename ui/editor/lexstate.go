package editor

// scanFunc returns the lexer state at the end of line given the state at its
// start. States are small strings so they compare cheaply and can be part of
// the highlight cache key. The empty string is the lexer's root state.
//
// Scanners only track what chroma needs to lex a line on its own correctly:
// they are not validators and must accept any input.
type scanFunc func(state, line string) string

// blockString is the GraphQL state "inside a """ block string".
const blockString = `"""`

// maxJSONDepth bounds the JSON state stack. Deeper nesting is still edited
// fine; only its highlighting may be off, and the bound keeps a pathological
// paste from making per-line states (and cache keys) huge.
const maxJSONDepth = 64

// scanPlain is the scanner for languages without multi-line constructs.
func scanPlain(string, string) string { return "" }

// scanGraphQL tracks whether a line ends inside a block string. It skips
// comments and ordinary strings so that a """ inside them does not count.
func scanGraphQL(state, line string) string {
	for _, seg := range graphqlSegments(state, line) {
		state = ""
		if seg.block && !seg.closed {
			state = blockString
		}
	}
	return state
}

// segment is a byte range of a GraphQL line: either code, to be lexed by
// chroma, or (part of) a block string, which chroma cannot lex one line at a
// time and which the editor therefore styles itself.
type segment struct {
	start, end int
	block      bool
	closed     bool // for block segments: the closing """ is on this line
}

// graphqlSegments splits line into code and block-string segments, given the
// state at the start of the line.
func graphqlSegments(state, line string) []segment {
	var segs []segment
	i := 0
	if state == blockString {
		end, closed := blockEnd(line, 0)
		segs = append(segs, segment{0, end, true, closed})
		i = end
	}
	codeStart := i
	for i < len(line) {
		switch line[i] {
		case '#':
			i = len(line) // a comment runs to the end of the line
		case '"':
			if hasTripleQuote(line, i) {
				if i > codeStart {
					segs = append(segs, segment{codeStart, i, false, false})
				}
				end, closed := blockEnd(line, i+3)
				segs = append(segs, segment{i, end, true, closed})
				i, codeStart = end, end
				continue
			}
			i = stringEnd(line, i+1)
		default:
			i++
		}
	}
	if codeStart < len(line) {
		segs = append(segs, segment{codeStart, len(line), false, false})
	}
	return segs
}

// hasTripleQuote reports whether line has """ at byte i.
func hasTripleQuote(line string, i int) bool {
	return i+3 <= len(line) && line[i:i+3] == blockString
}

// blockEnd finds the end of a block string whose body starts at byte i: the
// index just after the closing """ and true, or len(line) and false when the
// string continues on the next line. \""" is an escaped quote (GraphQL spec).
func blockEnd(line string, i int) (int, bool) {
	for i < len(line) {
		switch {
		case line[i] == '\\' && hasTripleQuote(line, i+1):
			i += 4
		case hasTripleQuote(line, i):
			return i + 3, true
		default:
			i++
		}
	}
	return len(line), false
}

// stringEnd returns the index just after the closing quote of an ordinary
// string whose body starts at byte i, or len(line): such strings cannot span
// lines in GraphQL.
func stringEnd(line string, i int) int {
	for i < len(line) {
		switch line[i] {
		case '\\':
			i += 2
		case '"':
			return i + 1
		default:
			i++
		}
	}
	return len(line)
}

// JSON state stack symbols, mirroring the states of chroma's JSON lexer.
const (
	jsonObject = 'o' // chroma "objectvalue": expecting a key or }
	jsonAttr   = 'k' // chroma "objectattribute": after a key, until , or }
	jsonArray  = 'a' // chroma "arrayvalue"
)

// scanJSON replays chroma's JSON state machine over one line and returns the
// resulting stack. Chroma's regex lexer can only start in a single named
// state, so the highlighter turns this stack back into a short synthetic
// prefix (see jsonPrefix) that puts chroma in the same nesting.
func scanJSON(state, line string) string {
	st := []byte(state)
	top := func() byte {
		if len(st) == 0 {
			return 0
		}
		return st[len(st)-1]
	}
	push := func(c byte) {
		if len(st) < maxJSONDepth {
			st = append(st, c)
		}
	}
	pop := func(n int) { st = st[:max(0, len(st)-n)] }
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '/':
			if i+1 < len(line) && line[i+1] == '/' {
				return string(st)
			}
		case '"':
			i = stringEnd(line, i+1) - 1
			if top() == jsonObject {
				push(jsonAttr)
			}
		case '{':
			if top() != jsonObject {
				push(jsonObject)
			}
		case '[':
			if top() != jsonObject {
				push(jsonArray)
			}
		case ',':
			if top() == jsonAttr {
				pop(1)
			}
		case '}':
			switch top() {
			case jsonAttr:
				pop(2)
			case jsonObject:
				pop(1)
			}
		case ']':
			if top() == jsonArray {
				pop(1)
			}
		}
	}
	return string(st)
}

// jsonPrefix returns JSON text that leaves chroma's lexer in the nesting
// described by state.
func jsonPrefix(state string) string {
	b := make([]byte, 0, 3*len(state))
	for i := 0; i < len(state); i++ {
		switch state[i] {
		case jsonObject:
			b = append(b, '{')
		case jsonAttr:
			b = append(b, `"":`...)
		case jsonArray:
			b = append(b, '[')
		}
	}
	return string(b)
}
