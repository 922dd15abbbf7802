package results

import "strconv"

// Layout is derived from the size and the document on every use rather
// than cached, so a change of either can never leave it stale.

// errorRows is how many lines the errors block takes.
func (m Model) errorRows() int {
	if m.doc == nil {
		return 0
	}
	n := len(m.doc.meta.Errors)
	// At most a third of the pane, so the body stays visible.
	return min(n, max(1, m.height/3))
}

// headerRows counts the lines above the body.
func (m Model) headerRows() int {
	if m.doc == nil {
		return 0
	}
	rows := 1 // title
	for _, s := range []string{m.doc.note, m.doc.meta.Notice, m.doc.meta.Diagnosis} {
		if s != "" {
			rows++
		}
	}
	return rows + m.errorRows()
}

// bodyRows is the height of the body window (the footer takes one line).
func (m Model) bodyRows() int {
	return max(0, m.height-m.headerRows()-1)
}

// gutterWidth is the width of the line-number column, separator included.
func (m Model) gutterWidth() int {
	if !m.lineNumbers || m.doc == nil || m.doc.LineCount() == 0 {
		return 0
	}
	return len(strconv.Itoa(m.doc.LineCount())) + 1
}

// contentWidth is the width left for body text.
func (m Model) contentWidth() int {
	return max(0, m.width-m.gutterWidth())
}

// maxTop is the last useful scroll position: the last line at the bottom.
func (m Model) maxTop() int {
	if m.doc == nil {
		return 0
	}
	return max(0, m.doc.LineCount()-m.bodyRows())
}

// maxX bounds horizontal scrolling by the longest line (in bytes, which is
// at least its width for ASCII-heavy JSON). When scrolled, the left marker
// takes a column, hence the +1.
func (m Model) maxX() int {
	if m.doc == nil {
		return 0
	}
	return max(0, m.doc.maxLine-m.contentWidth()+1)
}

func (m *Model) clampScroll() {
	m.top = min(max(0, m.top), m.maxTop())
	m.x0 = min(max(0, m.x0), m.maxX())
}
