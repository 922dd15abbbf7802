package results

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Paths and values at the cursor, read from the structure index and the
// line under the cursor; nothing is re-parsed beyond one line or one
// subtree.

// lineKey returns the object key a line starts with, if any. A key without
// escapes is sliced out directly: this runs once per line when a table is
// built.
func lineKey(line []byte) (string, bool) {
	f := 0
	for f < len(line) && line[f] == ' ' {
		f++
	}
	if f >= len(line) || line[f] != '"' {
		return "", false
	}
	end := stringEnd(line, f)
	rest := bytes.TrimLeft(line[end:], " ")
	if len(rest) == 0 || rest[0] != ':' || end-f < 2 {
		return "", false // a string value in a list
	}
	lit := line[f:end]
	if bytes.IndexByte(lit, '\\') < 0 && utf8.Valid(lit) {
		return string(lit[1 : len(lit)-1]), true
	}
	var k string
	if json.Unmarshal(lit, &k) != nil {
		return "", false
	}
	return k, true
}

// isCloser reports whether a line is a container's closing bracket.
func isCloser(line []byte) bool {
	t := strings.TrimLeft(string(line), " ")
	return t != "" && (t[0] == '}' || t[0] == ']')
}

// pathAt is the path of the value on line i, as in
// data.Cards.data[0].balance ("." for the top-level value). A closing
// line stands for its container.
func (d *Document) pathAt(s *structure, i int) string {
	if isCloser(d.Line(i)) {
		i = s.parent(i)
	}
	var segs []string
	for l := i; l >= 0; {
		p := s.parent(l)
		if p < 0 {
			break
		}
		open := d.Line(p)
		if open[len(open)-1] == '[' {
			idx := 0
			for c := p + 1; c < l; idx++ {
				if s.isOpen(c) {
					c = int(s.close[c]) + 1
				} else {
					c++
				}
			}
			segs = append(segs, "["+strconv.Itoa(idx)+"]")
		} else if k, ok := lineKey(d.Line(l)); ok {
			segs = append(segs, keySegment(k))
		}
		l = p
	}
	if len(segs) == 0 {
		return "."
	}
	var b strings.Builder
	for j := len(segs) - 1; j >= 0; j-- {
		seg := segs[j]
		if b.Len() > 0 && seg[0] != '[' {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

// keySegment is a key as a path step: bare when it is an identifier, else
// ["quoted"] as jq writes it.
func keySegment(k string) string {
	ident := k != ""
	for i, r := range k {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			ident = false
			break
		}
	}
	if ident {
		return k
	}
	q, _ := json.Marshal(k)
	return "[" + string(q) + "]"
}

// valueBytes returns the JSON text of the value on line i: a whole
// container (from its bracket to the matching one) or the scalar after the
// key, without the trailing comma. A closing line stands for its container.
func (d *Document) valueBytes(s *structure, i int) []byte {
	if isCloser(d.Line(i)) {
		i = s.parent(i)
	}
	start, end := d.lineBounds(i)
	if s.isOpen(i) {
		_, cend := d.lineBounds(int(s.close[i]))
		v := d.text[end-1 : cend]
		return trimComma(v)
	}
	line := d.text[start:end]
	f := 0
	for f < len(line) && line[f] == ' ' {
		f++
	}
	if _, ok := lineKey(line); ok {
		f = stringEnd(line, f)
		for f < len(line) && (line[f] == ' ' || line[f] == ':') {
			f++
		}
	}
	return trimComma(line[f:])
}

func trimComma(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == ',' {
		return b[:n-1]
	}
	return b
}
