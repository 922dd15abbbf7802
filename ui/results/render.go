package results

import (
	"strings"
	"unicode/utf8"
)

// Highlight kinds for search matches.
const (
	hlNone uint8 = iota
	hlMatch
	hlCurrent
	numHL
)

// Style keys index sgrTable.prefix: one per (token class, highlight) pair,
// then the truncation marker and the line-number gutter.
const (
	keyMarker = int(numClasses) * int(numHL)
	keyLineNo = keyMarker + 1
	numKeys   = keyLineNo + 1
)

func styleKey(cls tokenClass, hl uint8) int { return int(cls)*int(numHL) + int(hl) }

// sgrTable holds the ANSI prefix of every style key, computed once from the
// Styles so that rendering a line is string concatenation only.
type sgrTable struct {
	prefix [numKeys]string
	reset  string
	off    bool // no colours at all (e.g. the Ascii profile): skip SGR bookkeeping
}

// hlSpan marks bytes [start, end) of a line as a search match.
type hlSpan struct {
	start, end int
	kind       uint8
}

// glyph is one displayed cell group: either a run of source bytes shown as
// they are (raw) or replacement text for an escaped rune.
type glyph struct {
	text string
	raw  []byte
	key  int
}

// cellWriter places glyphs into the visible window [x0, x0+width) of a line.
//
// It marks cut-off content with "…" at the left edge (when scrolled right)
// and at the right edge (when the line goes on), and it stops as soon as
// the window is full, so the cost is bounded by x0+width, not by the line's
// length. The glyph that would fill the last cell is held back until we know
// whether more follows: only then can we tell "fits exactly" from "overflows".
type cellWriter struct {
	b      *strings.Builder
	t      *sgrTable
	x0, w  int
	col    int // source column where the next glyph starts
	out    int // cells written
	open   int // style key currently open, -1 if none
	pend   glyph
	hasPnd bool
	marked bool // left marker written
	done   bool
}

func (cw *cellWriter) emit(g glyph) {
	if !cw.t.off && g.key != cw.open {
		if cw.open >= 0 {
			cw.b.WriteString(cw.t.reset)
		}
		cw.b.WriteString(cw.t.prefix[g.key])
		cw.open = g.key
	}
	if g.raw != nil {
		cw.b.Write(g.raw)
	} else {
		cw.b.WriteString(g.text)
	}
}

// pad writes blank cells up to (but excluding) cell limit.
func (cw *cellWriter) pad(limit int) {
	for cw.out < limit {
		cw.emit(glyph{text: " ", key: styleKey(classPlain, hlNone)})
		cw.out++
	}
}

// put places a glyph of the given width in cells.
func (cw *cellWriter) put(g glyph, cells int) {
	if cw.done {
		return
	}
	start := cw.col
	cw.col += cells
	if cells == 0 { // combining mark: belongs to the previous glyph
		switch {
		case cw.x0 > 0 && start <= cw.x0+1:
			// the previous glyph is hidden or under the left marker
		case cw.hasPnd:
			cw.pend.text = glyphString(cw.pend) + glyphString(g)
			cw.pend.raw = nil
		default:
			cw.emit(g)
		}
		return
	}
	end := cw.col
	if end <= cw.x0 {
		return // left of the window
	}
	if cw.x0 > 0 && !cw.marked {
		// Content is contiguous from column 0, so this glyph covers column
		// x0: it becomes the left marker (plus blanks for a wide glyph).
		cw.marked = true
		if cw.w > 0 {
			cw.emit(glyph{text: "…", key: keyMarker})
			cw.out = 1
			cw.pad(min(end-cw.x0, cw.w))
		}
		if end-cw.x0 > cw.w {
			cw.done = true
		}
		return
	}
	switch rel := end - cw.x0; {
	case rel < cw.w:
		cw.emit(g)
		cw.out = rel
	case rel == cw.w:
		cw.pend, cw.hasPnd = g, true
	default: // the line goes on past the window
		cw.hasPnd = false
		if cw.out < cw.w {
			cw.pad(cw.w - 1)
			cw.emit(glyph{text: "…", key: keyMarker})
			cw.out++
		}
		cw.done = true
	}
}

// finish flushes a held-back last glyph and closes any open style.
func (cw *cellWriter) finish() {
	if cw.hasPnd {
		cw.emit(cw.pend)
		cw.out = cw.w
		cw.hasPnd = false
	}
	if cw.open >= 0 {
		cw.b.WriteString(cw.t.reset)
		cw.open = -1
	}
}

func glyphString(g glyph) string {
	if g.raw != nil {
		return string(g.raw)
	}
	return g.text
}

// renderLine writes the visible window of one line to b: coloured when
// isJSON, escaped always, with matches highlighted. spans must be sorted
// and line-relative. It returns the number of cells written.
func renderLine(b *strings.Builder, t *sgrTable, line []byte, isJSON bool, x0, width int, spans []hlSpan) int {
	if width <= 0 {
		return 0
	}
	cw := cellWriter{b: b, t: t, x0: x0, w: width, open: -1}
	lx := jsonLexer{line: line}
	pos, si := 0, 0
	for pos < len(line) && !cw.done {
		end, cls := len(line), classPlain
		if isJSON {
			end, cls, _ = lx.next()
		}
		for pos < end && !cw.done {
			for si < len(spans) && spans[si].end <= pos {
				si++
			}
			hl := hlNone
			if si < len(spans) && spans[si].start <= pos {
				hl = spans[si].kind
			}
			key := styleKey(cls, hl)
			c := line[pos]
			if c >= 0x20 && c < 0x7f {
				cw.put(glyph{raw: line[pos : pos+1], key: key}, 1)
				pos++
				continue
			}
			r, size := utf8.DecodeRune(line[pos:])
			if text, cells, ok := escapeRune(r, size, line[pos]); ok {
				cw.put(glyph{text: text, key: key}, cells)
			} else {
				cw.put(glyph{raw: line[pos : pos+size], key: key}, runeCells(r))
			}
			pos += size
		}
	}
	cw.finish()
	return cw.out
}

// displayColumn returns the column at which byte offset off of line starts,
// using the same glyph widths as renderLine.
func displayColumn(line []byte, off int) int {
	col := 0
	for pos := 0; pos < off && pos < len(line); {
		c := line[pos]
		if c >= 0x20 && c < 0x7f {
			col++
			pos++
			continue
		}
		r, size := utf8.DecodeRune(line[pos:])
		if _, cells, ok := escapeRune(r, size, line[pos]); ok {
			col += cells
		} else {
			col += runeCells(r)
		}
		pos += size
	}
	return col
}
