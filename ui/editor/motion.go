package editor

// Cursor motions and scrolling. Every motion seals the undo history (a move
// ends a run of typing) and ends with scrollToCursor.

// moveTo places the cursor at p, forgetting the goal column.
func (m Model) moveTo(p pos) Model {
	m.hist.seal()
	m.cur = m.doc.clamp(p)
	m.goal = -1
	return m.scrollToCursor()
}

// moveVert moves the cursor dy lines, keeping the goal display column so
// that passing through a short line does not lose the column.
func (m Model) moveVert(dy int) Model {
	m.hist.seal()
	if m.goal < 0 {
		m.goal = displayCol(m.doc.lines[m.cur.row], m.cur.col)
	}
	row := max(0, min(len(m.doc.lines)-1, m.cur.row+dy))
	switch {
	case row == m.cur.row && dy < 0:
		m.cur.col = 0 // up on the first line goes to its start
	case row == m.cur.row && dy > 0:
		m.cur.col = m.doc.runeLen(row) // down on the last line goes to its end
	default:
		m.cur = pos{row, colAtDisplay(m.doc.lines[row], m.goal)}
	}
	return m.scrollToCursor()
}

// page moves the cursor and the view by one screen.
func (m Model) page(dir int) Model {
	step := max(1, m.height-1)
	m.yoff = max(0, min(m.yoff+dir*step, len(m.doc.lines)-m.height))
	return m.moveVert(dir * step)
}

// lineStart is a "smart home": it goes to the first non-blank character, or
// to column 0 when already there.
func (m Model) lineStart() Model {
	indent := runeCount(leadingSpace(m.doc.lines[m.cur.row]))
	if m.cur.col == indent {
		indent = 0
	}
	return m.moveTo(pos{m.cur.row, indent})
}

// left returns the position one rune before p, wrapping to the previous line.
func (m Model) left(p pos) pos {
	switch {
	case p.col > 0:
		p.col--
	case p.row > 0:
		p = pos{p.row - 1, m.doc.runeLen(p.row - 1)}
	}
	return p
}

// right returns the position one rune after p, wrapping to the next line.
func (m Model) right(p pos) pos {
	switch {
	case p.col < m.doc.runeLen(p.row):
		p.col++
	case p.row < len(m.doc.lines)-1:
		p = pos{p.row + 1, 0}
	}
	return p
}

// wordLeft returns the start of the word before p. At the start of a line it
// steps to the end of the previous one.
func (m Model) wordLeft(p pos) pos {
	if p.col == 0 {
		return m.left(p)
	}
	runes := []rune(m.doc.lines[p.row])
	i := p.col
	for i > 0 && !isWordRune(runes[i-1]) {
		i--
	}
	for i > 0 && isWordRune(runes[i-1]) {
		i--
	}
	return pos{p.row, i}
}

// wordRight returns the end of the word after p. At the end of a line it
// steps to the start of the next one.
func (m Model) wordRight(p pos) pos {
	runes := []rune(m.doc.lines[p.row])
	if p.col >= len(runes) {
		return m.right(p)
	}
	i := p.col
	for i < len(runes) && !isWordRune(runes[i]) {
		i++
	}
	for i < len(runes) && isWordRune(runes[i]) {
		i++
	}
	return pos{p.row, i}
}

// scroll moves the view dy lines without moving the cursor (mouse wheel).
// The cursor may leave the screen; the next key brings it back.
func (m Model) scroll(dy int) Model {
	m.yoff = max(0, min(m.yoff+dy, len(m.doc.lines)-m.height))
	return m
}

// scrollToCursor adjusts the vertical and horizontal offsets so the cursor
// is inside the window, and keeps the window from hanging past the end of
// the document (after lines were deleted, say).
func (m Model) scrollToCursor() Model {
	h := max(1, m.height)
	m.yoff = min(m.yoff, max(0, len(m.doc.lines)-h))
	if m.cur.row < m.yoff {
		m.yoff = m.cur.row
	} else if m.cur.row >= m.yoff+h {
		m.yoff = m.cur.row - h + 1
	}
	x := displayCol(m.doc.lines[m.cur.row], m.cur.col)
	w := m.textWidth()
	// The whole cursor cell must fit, both cells of a wide rune included.
	c := min(w, cellsAt(m.cursorRune(), x))
	switch {
	case x+c <= w:
		// The cursor fits without scrolling: show the start of the lines again, as editors do,
		// rather than keep the text cut after a visit to a long line.
		m.xoff = 0
	case x < m.xoff:
		m.xoff = x
	case x+c > m.xoff+w:
		m.xoff = x + c - w
	}
	return m
}

// cursorRune returns the rune under the cursor, or a space at end of line.
func (m Model) cursorRune() rune {
	line := m.doc.lines[m.cur.row]
	b := byteIndex(line, m.cur.col)
	for _, r := range line[b:] {
		return r
	}
	return ' '
}

// clickAt places the cursor at cell (x, y) of the editor, gutter included.
func (m Model) clickAt(x, y int) Model {
	if y < 0 || y >= m.height || x < 0 || x >= m.width {
		return m
	}
	row := min(m.yoff+y, len(m.doc.lines)-1)
	col := colAtDisplay(m.doc.lines[row], m.xoff+max(0, x-m.gutterWidth()))
	return m.moveTo(pos{row, col})
}

// ClickAt places the cursor at cell (x, y) relative to the editor's top-left
// corner, as for a mouse click. Bubble Tea reports mouse positions relative
// to the terminal, and only the parent knows where the editor sits, so the
// parent translates and calls this rather than forwarding the click.
func (m Model) ClickAt(x, y int) Model { return m.clickAt(x, y) }
