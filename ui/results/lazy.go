package results

// lazyFrom is the body size from which Prepare keeps a JSON body as received, with a sparse
// line index, instead of its indented copy: a 20 MB body indents to 35 MB (plus 9 MB of line
// index), and the pane shows a screenful. It equals maxPrevBytes so a lazy document (whose
// indented form is larger still) is never the one kept for comparing, as before.
const lazyFrom = maxPrevBytes

// lazyStride is how many display lines one checkpoint of a lazy document covers. A line is
// found by walking from its checkpoint (see lazyLines.next): at most lazyStride-1 short steps,
// a few microseconds, against 8 bytes of index per lazyStride lines.
const lazyStride = 64

// lazyLines is a JSON document kept as received. Its display lines are the indenter's: every
// line is the stretch of raw from its first token to the next line's, indented to its depth
// and re-spaced as the indenter writes it (see line). Where lines break follows from the
// tokens alone (after a comma and a non-empty container's opening bracket, before a non-empty
// container's closing one), so only every lazyStride-th line's offset and depth are kept.
type lazyLines struct {
	raw   []byte  // the body as received, valid JSON; the caller does not modify it
	n     int     // display lines
	off   []int32 // offset in raw of lines 0, lazyStride, 2*lazyStride…
	depth []int32 // their nesting depth
}

// lazyIndex validates body and indexes its display lines, or returns nil if it is not JSON.
// maxLine is the longest display line in bytes.
func lazyIndex(body []byte) (lz *lazyLines, maxLine int) {
	in := &indenter{
		dst:     make([]byte, 0, 256),
		index:   true,
		pending: true,
		count:   1,
		depth:   []int32{0}, // line 0, at depth 0; its offset is the first token's
	}
	if !in.run(body) || len(in.off) != len(in.depth) {
		return nil, 0
	}
	return &lazyLines{raw: body, n: in.count, off: in.off, depth: in.depth}, in.maxLine
}

// count is the number of display lines.
func (lz *lazyLines) count() int { return lz.n }

// skipSpace returns the first offset at or after j that is not JSON whitespace.
func (lz *lazyLines) skipSpace(j int) int {
	for j < len(lz.raw) {
		switch lz.raw[j] {
		case ' ', '\t', '\n', '\r':
			j++
		default:
			return j
		}
	}
	return j
}

// next takes the line starting at pos, at depth, to the start and depth of the line after it
// (len(raw) past the last line).
func (lz *lazyLines) next(pos, depth int) (int, int) {
	raw := lz.raw
	var prev byte // the last token byte on this line; 0 before the first
	for j := pos; j < len(raw); {
		c := raw[j]
		switch c {
		case ' ', '\t', '\n', '\r':
			j++
			continue
		case '"':
			e, ok := scanString(raw, j)
			if !ok {
				return len(raw), depth // cannot happen: raw was validated
			}
			j, prev = e, c
			continue
		case ',':
			return lz.skipSpace(j + 1), depth
		case '{', '[':
			k := lz.skipSpace(j + 1)
			if k < len(raw) && (raw[k] == '}' || raw[k] == ']') {
				j, prev = k, c // empty: "{}" stays on this line
				continue
			}
			return k, depth + 1
		case '}', ']':
			if prev != 0 && prev != '{' && prev != '[' {
				return j, depth - 1 // a non-empty container closes on a line of its own
			}
		}
		j, prev = j+1, c
	}
	return len(raw), depth
}

// find returns the start and depth of line i, walking from its checkpoint.
func (lz *lazyLines) find(i int) (pos, depth int) {
	c := i / lazyStride
	pos, depth = int(lz.off[c]), int(lz.depth[c])
	for k := c * lazyStride; k < i; k++ {
		pos, depth = lz.next(pos, depth)
	}
	return pos, depth
}

// line writes display line i as the indenter writes it: the indentation, then the line's
// tokens with whitespace between them dropped and a space after a colon.
func (lz *lazyLines) line(i int) []byte {
	start, depth := lz.find(i)
	end, _ := lz.next(start, depth)
	seg := lz.raw[start:end]
	n := 2 * min(depth, maxIndentDepth)
	out := make([]byte, n, n+len(seg)+2)
	for k := range out {
		out[k] = ' '
	}
	for j := 0; j < len(seg); {
		c := seg[j]
		switch c {
		case ' ', '\t', '\n', '\r':
			j++
		case '"':
			e, ok := scanString(seg, j)
			if !ok { // cannot happen: the body was validated
				return append(out, seg[j:]...)
			}
			out = append(out, seg[j:e]...)
			j = e
		case ':':
			out = append(out, ':', ' ')
			j++
		default:
			out = append(out, c)
			j++
		}
	}
	return out
}
