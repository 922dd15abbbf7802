package results

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// maxMessageRows bounds how many lines a notice or diagnosis may wrap to.
const maxMessageRows = 3

// wrapMessage wraps a notice or diagnosis to the pane width, up to maxMessageRows lines (the last
// cut with an ellipsis): these lines explain a failure, so they are wrapped rather than cut.
func (m Model) wrapMessage(s string) []string {
	if s == "" || m.width <= 0 {
		return nil
	}
	wrapped := strings.Split(lipgloss.NewStyle().Width(m.width).Render(display.Line(s)), "\n")
	if len(wrapped) > maxMessageRows {
		wrapped = wrapped[:maxMessageRows]
		wrapped[maxMessageRows-1] = ansi.Truncate(wrapped[maxMessageRows-1]+" …", m.width-1, "") + "…"
	}
	for i := range wrapped {
		wrapped[i] = strings.TrimRight(wrapped[i], " ")
	}
	return wrapped
}

// Layout is derived from the size and the document on every use rather
// than cached, so a change of either can never leave it stale.

// errorRows is how many lines the errors block takes.
func (m Model) errorRows() int {
	if m.doc == nil {
		return 0
	}
	if len(m.doc.meta.Errors) == 0 {
		return 0
	}
	// A header line or more (a long one wraps), and one per validation field.
	lines, _ := m.errorBlock()
	n := len(lines)
	// At most a third of the pane, so the body stays visible.
	return min(n, max(1, m.height/3))
}

// headerRows counts the lines above the body.
func (m Model) headerRows() int {
	if m.doc == nil {
		return 0
	}
	rows := 1 // title
	if m.titleInFrame {
		rows = 0
	}
	if m.doc.note != "" {
		rows++
	}
	if m.filterErr != "" {
		rows++
	}
	rows += len(m.wrapMessage(m.doc.meta.Notice)) + len(m.wrapMessage(m.doc.meta.Diagnosis))
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
	return max(0, m.rowCount()-m.bodyRows())
}

// rowCount is the number of body rows: lines, less those folds hide.
func (m Model) rowCount() int {
	if m.doc == nil {
		return 0
	}
	return m.folds.rows(m.doc.LineCount())
}

// lineAt is the document line shown on body row r.
func (m Model) lineAt(r int) int { return m.folds.line(r) }

// rowOf is the body row showing document line i (the fold's row if hidden).
func (m Model) rowOf(i int) int { return m.folds.row(i) }

// maxX bounds horizontal scrolling by the longest line (in bytes, which is
// at least its width for ASCII-heavy JSON). When scrolled, the left marker
// takes a column, hence the +1.
func (m Model) maxX() int {
	if m.doc == nil {
		return 0
	}
	return max(0, m.doc.maxLine-m.contentWidth()+1)
}

// clampScroll keeps the scroll positions in range and the cursor on a
// visible row (moving the cursor, not the view, after a resize or a wheel).
func (m *Model) clampScroll() {
	m.top = min(max(0, m.top), m.maxTop())
	m.x0 = min(max(0, m.x0), m.maxX())
	rows := max(1, m.bodyRows())
	m.cur = min(max(m.cur, m.top), m.top+rows-1, max(0, m.rowCount()-1))
	m.cur = max(0, m.cur)
}

// follow scrolls just enough to show the cursor's row.
func (m *Model) follow() {
	rows := max(1, m.bodyRows())
	m.cur = min(max(0, m.cur), max(0, m.rowCount()-1))
	if m.cur < m.top {
		m.top = m.cur
	} else if m.cur >= m.top+rows {
		m.top = m.cur - rows + 1
	}
	m.clampScroll()
}
