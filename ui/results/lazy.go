package results

// lazyFrom is the body size from which Prepare keeps a JSON body as received, with a line index,
// instead of its indented copy: a 20 MB body indents to 35 MB, and the pane shows a screenful.
// It equals maxPrevBytes so a lazy document (whose indented form is larger still) is never the
// one kept for comparing, as before.
const lazyFrom = maxPrevBytes

// lazyLines is a JSON document kept as received: every display line is the stretch of raw from
// its offset to the next line's, indented to its depth and re-spaced as the indenter would write
// it (see lazyLines.line). Five bytes a line instead of the indented text and its 4-byte index.
type lazyLines struct {
	raw   []byte  // the body as received; the caller does not modify it
	off   []int32 // offset in raw of every display line's first byte
	depth []uint8 // every display line's indentation depth, capped at maxIndentDepth
}

// lazyIndex validates body and indexes its display lines, or returns nil if it is not JSON.
// maxLine is the longest display line in bytes.
func lazyIndex(body []byte) (lz *lazyLines, maxLine int) {
	in := &indenter{
		dst:     make([]byte, 0, 256),
		index:   true,
		pending: true,
		off:     make([]int32, 0, len(body)/8+16),
		depth:   make([]uint8, 1, len(body)/8+16), // line 0 is at depth 0
	}
	if !in.run(body) {
		return nil, 0
	}
	return &lazyLines{raw: body, off: in.off, depth: in.depth}, in.maxLine
}

// count is the number of display lines.
func (lz *lazyLines) count() int { return len(lz.off) }

// line writes display line i as the indenter writes it: the indentation, then the line's
// tokens with whitespace between them dropped and a space after a colon.
func (lz *lazyLines) line(i int) []byte {
	start, end := int(lz.off[i]), len(lz.raw)
	if i+1 < len(lz.off) {
		end = int(lz.off[i+1])
	}
	seg := lz.raw[start:end]
	n := 2 * int(lz.depth[i])
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
