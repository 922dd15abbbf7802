package editor

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// View renders the visible window: exactly Height lines of exactly Width
// cells. Only the visible lines are lexed and painted, and undecorated lines
// come from the highlight cache, so the cost depends on the window size, not
// on the document size.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	// Roughly: cells plus escape sequences for a handful of tokens per line.
	b.Grow(m.height * (m.width + 160))
	gw := m.gutterWidth()
	tw := m.textWidth()
	empty := len(m.doc.lines) == 1 && m.doc.lines[0] == ""
	var hint []string
	if empty && m.placeholder != "" {
		hint = placeholderLines(m.placeholder, tw)
	}
	for y := range m.height {
		if y > 0 {
			b.WriteByte('\n')
		}
		row := m.yoff + y
		if row >= len(m.doc.lines) {
			w := runWriter{b: &b}
			if row < len(hint) {
				// The placeholder goes on over the empty rows, under its first line.
				w.spaces(m.paint.text, gw)
				w.end()
				m.writeCells(&b, []tok{{hint[row], 0}}, true, 0, tw, -1, nil)
				continue
			}
			w.spaces(m.paint.text, gw+tw)
			w.end()
			continue
		}
		m.writeGutter(&b, row, gw)
		switch {
		case empty && m.placeholder != "":
			m.writePlaceholder(&b, hint[0], tw)
		default:
			m.writeLine(&b, row, tw)
		}
	}
	return b.String()
}

// writeGutter writes the right-aligned line number and its separator.
func (m Model) writeGutter(b *strings.Builder, row, gw int) {
	s := m.paint.lineNumber
	switch {
	case m.lineDiags(row) != nil:
		s = m.paint.errorLineNumber
	case row == m.cur.row:
		s = m.paint.currentLineNumber
	}
	num := strconv.Itoa(row + 1)
	w := runWriter{b: b}
	w.spaces(s, gw-1-len(num))
	w.style(s)
	b.WriteString(num)
	w.spaces(m.paint.text, 1)
	w.end()
}

// writePlaceholder writes the placeholder's first row, with the cursor on its first cell when
// focused.
func (m Model) writePlaceholder(b *strings.Builder, text string, tw int) {
	cursor := -1
	if m.focused {
		cursor = 0
	}
	m.writeCells(b, []tok{{text, 0}}, true, 0, tw, cursor, nil)
}

// placeholderLines is the placeholder word-wrapped to the text width (a word wider than that is
// broken): a hint cut at the pane's edge loses its end, which is often the point.
func placeholderLines(text string, tw int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, strings.Split(ansi.Wrap(line, tw, ""), "\n")...)
	}
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

// writeLine writes the visible part of line row. Lines without the cursor
// or a diagnostic are memoised per horizontal window in the highlight cache.
func (m Model) writeLine(b *strings.Builder, row, tw int) {
	e := m.hl.entry(m.doc.starts[row], m.doc.lines[row])
	cursor := -1
	if m.focused && row == m.cur.row {
		cursor = m.cur.col
	}
	spans := m.lineDiags(row)
	if cursor >= 0 || spans != nil {
		m.writeCells(b, e.toks, false, m.xoff, tw, cursor, spans)
		return
	}
	if e.render.out == "" || e.render.xoff != m.xoff || e.render.width != tw {
		var lb strings.Builder
		lb.Grow(tw + 128)
		m.writeCells(&lb, e.toks, false, m.xoff, tw, -1, nil)
		e.render = lineRender{xoff: m.xoff, width: tw, out: lb.String()}
	}
	b.WriteString(e.render.out)
}

// writeCells paints toks into the window of display columns [xoff, xoff+tw),
// padding to exactly tw cells. cursor is the rune index of the cursor cell
// (-1 for none) and spans are the diagnostic rune ranges. Wide runes cut by
// either edge of the window are drawn as spaces, so the width stays exact.
func (m Model) writeCells(b *strings.Builder, toks []tok, placeholder bool, xoff, tw, cursor int, spans [][2]int) {
	w := runWriter{b: b}
	end := xoff + tw
	x, i := 0, 0 // display column and rune index of the current rune
	for _, t := range toks {
		style := m.paint.placeholder
		if !placeholder {
			style = m.paint.token(t.typ)
		}
		for _, r := range t.text {
			if x >= end {
				break
			}
			cells := cellsAt(r, x)
			s := style
			if i == cursor {
				s = m.paint.cursor
			} else if inSpans(i, spans) {
				s = m.paint.err
			}
			switch {
			case x+cells <= xoff:
				// Scrolled off to the left.
			case x < xoff || x+cells > end || r == '\t':
				// Partly visible wide rune, or a tab: blanks in its style.
				w.spaces(s, min(x+cells, end)-max(x, xoff))
			default:
				w.style(s)
				b.WriteString(glyph(r))
			}
			x += cells
			i++
		}
	}
	// The cursor at the end of the line, or a diagnostic pointing past the
	// end (a missing closing brace, say), gets one blank cell of its own.
	if x >= xoff && x < end {
		switch {
		case i == cursor:
			w.spaces(m.paint.cursor, 1)
			x++
		case inSpans(i, spans):
			w.spaces(m.paint.err, 1)
			x++
		}
	}
	w.spaces(m.paint.text, end-max(x, xoff))
	w.end()
}

// inSpans reports whether rune index i falls in one of the spans.
func inSpans(i int, spans [][2]int) bool {
	for _, s := range spans {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}
