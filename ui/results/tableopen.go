package results

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
)

// openTable starts building the table of the list at the cursor: the list
// the cursor is on or in, or the list holding the object the cursor is in
// (so t anywhere inside a card tabulates all the cards).
func (m *Model) openTable() tea.Cmd {
	st := m.doc.structure()
	line := m.cursorLine()
	doc := m.doc
	list := -1
	for c := st.container(line); c >= 0; c = st.parent(c) {
		if l := doc.Line(c); l[len(l)-1] == '[' {
			list = c
			break
		}
	}
	if list < 0 {
		err := errors.New("no list at the cursor: put it on or inside a list to see it as a table")
		return func() tea.Msg { return tableReadyMsg{doc: doc, err: err} }
	}
	title := doc.pathAt(st, list)
	return func() tea.Msg {
		t := tableOf(doc, st, list)
		t.title = title
		return tableReadyMsg{doc: doc, t: t}
	}
}

// tableHeight is the table view's height: the pane less the title line.
func (m Model) tableHeight() int {
	h := m.height
	if !m.titleInFrame {
		h--
	}
	if m.save != saveOff {
		h--
	}
	return max(0, h)
}
