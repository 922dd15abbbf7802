package results

import tea "github.com/charmbracelet/bubbletea"

// Folding at the cursor. Every operation builds a new folds value from the
// document's structure index; none reads the document's bytes.

// foldOp is a fold key's action.
type foldOp uint8

const (
	opToggle foldOp = iota
	opLevel
	opAll
	opTable     // open the table view of the list at the cursor
	opCopyValue // copy the value at the cursor
	opCopyPath  // copy its path
)

// foldReadyMsg says the structure index of doc exists now, so the fold key
// pressed before it did can act.
type foldReadyMsg struct {
	doc *Document
	op  foldOp
}

// fold runs a key that needs the structure index (folds, table, copy). The
// first such key on a document builds the index in a command (tens of
// milliseconds on 20 MB: not in Update), then acts when foldReadyMsg comes
// back.
func (m *Model) fold(op foldOp) tea.Cmd {
	if m.doc == nil {
		return nil
	}
	if !m.doc.json {
		if op == opCopyValue {
			return m.copyValue() // a text body: the line
		}
		return nil
	}
	if !m.doc.structureReady() {
		doc := m.doc
		return func() tea.Msg {
			doc.structure()
			return foldReadyMsg{doc: doc, op: op}
		}
	}
	switch op {
	case opToggle:
		m.toggleFold()
	case opLevel:
		m.foldLevel()
	case opAll:
		m.foldAll()
	case opTable:
		m.tableBusy = true
		return m.openTable()
	case opCopyValue:
		return m.copyValue()
	case opCopyPath:
		return m.copyPath()
	}
	return nil
}

// setFolds installs a fold set and keeps the cursor on the line it was on
// (or on the fold that now hides it).
func (m *Model) setFolds(f *folds) {
	if m.doc == nil {
		return
	}
	line := m.lineAt(m.cur)
	if f != nil && len(f.folded) == 0 {
		f = nil
	}
	m.folds = f
	m.cur = m.rowOf(line)
	m.follow()
}

// cursorLine is the document line under the cursor.
func (m Model) cursorLine() int {
	if m.doc == nil || m.doc.LineCount() == 0 {
		return -1
	}
	return m.lineAt(m.cur)
}

// toggleFold unfolds a folded row under the cursor, or folds the innermost
// container holding the cursor's line (the line itself if it opens one).
func (m *Model) toggleFold() {
	st := m.doc.structure()
	line := m.cursorLine()
	if st == nil || line < 0 {
		return
	}
	if m.folds.isFolded(line) {
		m.setFolds(m.folds.with(st, line, false))
		return
	}
	if o := st.container(line); o >= 0 {
		m.setFolds(m.folds.with(st, o, true))
	}
}

// foldLevel folds every container at the depth of the one at the cursor
// (its siblings and cousins: every item of a list, say), or unfolds them
// all when that one is folded already.
func (m *Model) foldLevel() {
	st := m.doc.structure()
	line := m.cursorLine()
	if st == nil || line < 0 {
		return
	}
	o := st.container(line)
	if o < 0 {
		return
	}
	depths := st.depths()
	depth := depths[o]
	unfold := m.folds.isFolded(o)
	var cur []int32
	if m.folds != nil {
		cur = m.folds.folded
	}
	next := make([]int32, 0, len(cur))
	i := 0 // merge the sorted current set with the level, in line order
	for l := range st.close {
		for i < len(cur) && int(cur[i]) < l {
			next = append(next, cur[i])
			i++
		}
		atLevel := st.close[l] > 0 && depths[l] == depth
		was := i < len(cur) && int(cur[i]) == l
		if was {
			i++
		}
		if atLevel && !unfold || was && !atLevel {
			next = append(next, int32(l))
		}
	}
	m.setFolds(newFolds(st, next))
}

// foldAll folds every container: the document becomes one row, and
// unfolding opens one level at a time.
func (m *Model) foldAll() {
	st := m.doc.structure()
	if st == nil {
		return
	}
	var all []int32
	for l, c := range st.close {
		if c > 0 {
			all = append(all, int32(l))
		}
	}
	m.setFolds(newFolds(st, all))
}
