package editor

// CursorScreenPos returns the cell of the cursor inside the editor's View:
// x counts from the left edge, gutter included, and y from the top line.
// A parent adds the editor's own position to place a popup at the cursor.
// Tabs, wide runes and horizontal scrolling are taken into account. After
// the mouse wheel scrolled the cursor out of view the position lies outside
// the Width×Height box (y negative or ≥ Height); the caller decides whether
// to show anything then.
func (m Model) CursorScreenPos() (x, y int) {
	x = m.gutterWidth() + displayCol(m.doc.lines[m.cur.row], m.cur.col) - m.xoff
	return x, m.cur.row - m.yoff
}
