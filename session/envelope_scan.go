package session

import "encoding/binary"

// maxScanDepth is encoding/json's nesting limit: deeper documents are invalid there, so here too.
const maxScanDepth = MaxJSONDepth

// member is one top-level member of a JSON object: its key as written (quotes and escapes
// included) and its value, both sub-slices of the scanned body.
type member struct {
	key, value []byte
}

// scanEnvelope validates body as JSON in one pass, accepting exactly what json.Valid accepts (the
// fuzz test holds it to that), and returns the top-level members when body is an object. It copies
// nothing: a 20 MB response is read once, at several hundred MB/s, instead of twice by
// encoding/json (a validity scan, then a decoding scan that skips each value again).
//
// printable reports that the body holds only printable ASCII, spaces, tabs and newlines: nothing
// a terminal could misread, so whoever prints it need not look at it again.
func scanEnvelope(body []byte) (members []member, printable, ok bool) {
	s := scanner{src: body}
	s.ws()
	if s.i < len(s.src) && s.src[s.i] == '{' {
		ok = s.object(&members)
	} else {
		ok = s.value()
	}
	s.ws()
	ok = ok && s.i == len(s.src)
	return members, ok && !s.wide, ok
}

// scanner is a recursive-descent JSON validator over src; i is the next byte to read.
type scanner struct {
	src   []byte
	i     int
	depth int
	wide  bool // a byte >= 0x7f (in a string) or a CR (in white space) was seen
}

// ws skips JSON white space. Compact JSON has none: one comparison says so.
func (s *scanner) ws() {
	for s.i < len(s.src) {
		if c := s.src[s.i]; c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			return
		} else if c == '\r' {
			s.wide = true
		}
		s.i++
	}
}

// value scans one value after optional white space.
func (s *scanner) value() bool {
	s.ws()
	if s.i >= len(s.src) {
		return false
	}
	switch c := s.src[s.i]; {
	case c == '"':
		return s.str()
	case c == '{':
		return s.object(nil)
	case c == '[':
		return s.array()
	case c == '-' || ('0' <= c && c <= '9'):
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return false
}

// object scans an object at s.src[s.i] == '{', recording its members when out is not nil.
func (s *scanner) object(out *[]member) bool {
	if s.depth >= maxScanDepth {
		return false
	}
	s.depth++
	s.i++ // '{'
	s.ws()
	if s.i < len(s.src) && s.src[s.i] == '}' {
		s.i++
		s.depth--
		return true
	}
	for {
		s.ws()
		if s.i >= len(s.src) || s.src[s.i] != '"' {
			return false
		}
		keyStart := s.i
		if !s.str() {
			return false
		}
		keyEnd := s.i
		s.ws()
		if s.i >= len(s.src) || s.src[s.i] != ':' {
			return false
		}
		s.i++
		s.ws()
		valStart := s.i
		if !s.value() {
			return false
		}
		if out != nil {
			*out = append(*out, member{key: s.src[keyStart:keyEnd], value: s.src[valStart:s.i]})
		}
		s.ws()
		if s.i >= len(s.src) {
			return false
		}
		switch s.src[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			s.depth--
			return true
		default:
			return false
		}
	}
}

// array scans an array at s.src[s.i] == '['.
func (s *scanner) array() bool {
	if s.depth >= maxScanDepth {
		return false
	}
	s.depth++
	s.i++ // '['
	s.ws()
	if s.i < len(s.src) && s.src[s.i] == ']' {
		s.i++
		s.depth--
		return true
	}
	for {
		if !s.value() {
			return false
		}
		s.ws()
		if s.i >= len(s.src) {
			return false
		}
		switch s.src[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			s.depth--
			return true
		default:
			return false
		}
	}
}

// plainStringByte marks the bytes a string holds as they are and that need no second look:
// printable ASCII but '"' and '\\'. Like encoding/json, UTF-8 is not checked: bytes >= 0x7f
// are valid in strings and only make the body not printable.
var plainStringByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// hasSpecial reports whether any of the eight bytes in x is '"', '\\', a control byte (< 0x20)
// or not ASCII-printable (>= 0x7f),
// with the usual SWAR tests for a zero byte (after XOR with the byte sought) and for a byte below
// a bound. The tests are exact as to whether such a byte exists (not as to which one), which is
// all the caller asks before looking byte by byte.
func hasSpecial(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote := x ^ (ones * '"')
	backslash := x ^ (ones * '\\')
	return ((quote-ones)&^quote|(backslash-ones)&^backslash|(x-ones*0x20)&^x|(x+ones)|x)&highs != 0
}

// str scans a string at s.src[s.i] == '"'.
func (s *scanner) str() bool {
	src, i := s.src, s.i+1
	for {
		// Eight bytes at a time while none is special, then byte by byte.
		for i+8 <= len(src) && !hasSpecial(binary.LittleEndian.Uint64(src[i:])) {
			i += 8
		}
		for i < len(src) && plainStringByte[src[i]] {
			i++
		}
		if i >= len(src) {
			return false
		}
		switch src[i] {
		case '"':
			s.i = i + 1
			return true
		case '\\':
			if i+1 >= len(src) {
				return false
			}
			switch src[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(src) {
					return false
				}
				for _, h := range src[i+2 : i+6] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				i += 6
			default:
				return false
			}
		default:
			if src[i] < 0x20 {
				return false // a control byte
			}
			s.wide = true // >= 0x7f: valid, not printable
			i++
		}
	}
}

// number scans the number at s.src[s.i] (see ScanJSONNumber).
func (s *scanner) number() bool {
	end, ok := ScanJSONNumber(s.src, s.i)
	if ok {
		s.i = end
	}
	return ok
}

// ScanJSONNumber validates the JSON number starting at src[start] and returns the index just past
// it: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?. The envelope scan and the results pane's
// indenter share it, so both accept exactly the numbers encoding/json does.
func ScanJSONNumber(src []byte, start int) (end int, ok bool) {
	i := start
	if i < len(src) && src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
	case i < len(src) && '1' <= src[i] && src[i] <= '9':
		i = digits(src, i+1)
	default:
		return 0, false
	}
	if i < len(src) && src[i] == '.' {
		j := digits(src, i+1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		j := digits(src, i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

func digits(src []byte, i int) int {
	for i < len(src) && '0' <= src[i] && src[i] <= '9' {
		i++
	}
	return i
}

// literal scans true, false or null.
func (s *scanner) literal(word string) bool {
	if len(s.src)-s.i < len(word) || string(s.src[s.i:s.i+len(word)]) != word {
		return false
	}
	s.i += len(word)
	return true
}
