package results

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// wheelLines is how far one mouse-wheel notch scrolls.
const wheelLines = 3

// Update handles keys (when focused), the mouse wheel and search results.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case SearchFinishedMsg:
		m.applySearch(msg)
		return m, nil
	case tableReadyMsg:
		if msg.doc != m.doc {
			return m, nil
		}
		m.tableBusy = false
		if msg.err != nil {
			return m, common.ReportError(msg.err)
		}
		m.table = newTableView(msg.t, DefaultTableKeyMap(), m.styles, m.clip)
		m.tableOn = true
		m.table = m.table.SetSize(m.width, m.tableHeight())
		return m, nil
	case tableSortedMsg:
		m.table, _ = m.table.Update(msg)
		return m, nil
	case diffReadyMsg:
		if msg.doc == m.doc && msg.prev == m.base {
			m.diff = msg.res
			m.syncKeys()
		}
		return m, nil
	case fileWrittenMsg:
		return m.fileWritten(msg)
	case FilterFinishedMsg:
		m.applyFilter(msg)
		return m, nil
	case filterTickMsg:
		if msg.id != m.filterID || m.inputs.Get().filter.Value() == "" {
			return m, nil
		}
		return m, m.startFilter(m.inputs.Get().filter.Value())
	case foldReadyMsg:
		if msg.doc != m.doc {
			return m, nil
		}
		return m, m.fold(msg.op)
	case tea.MouseMsg:
		// The app routes mouse events by position, so the wheel works
		// without focus, as in bubbles' viewport.
		if m.tableOn {
			m.table, _ = m.table.Update(msg)
			return m, nil
		}
		m.handleWheel(msg)
		return m, nil
	case tea.KeyMsg:
		if !m.focused {
			return m, nil
		}
		switch {
		case m.save != saveOff:
			return m.updateSave(msg)
		case m.searching:
			return m.updateSearchInput(msg)
		case m.filtering:
			return m.updateFilterInput(msg)
		case m.tableOn:
			return m.updateTable(msg)
		}
		return m.handleKey(msg)
	}
	if m.filtering {
		var cmd tea.Cmd
		in := m.editFilter()
		*in, cmd = in.Update(msg)
		return m, cmd
	}
	if m.save == saveName {
		var cmd tea.Cmd
		in := m.editSave()
		*in, cmd = in.Update(msg)
		return m, cmd
	}
	if m.searching {
		// Cursor blink messages for the search input.
		var cmd tea.Cmd
		in := m.editSearch()
		*in, cmd = in.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) handleWheel(msg tea.MouseMsg) {
	if m.doc == nil || msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.scrollView(-wheelLines)
	case tea.MouseButtonWheelDown:
		m.scrollView(wheelLines)
	case tea.MouseButtonWheelLeft:
		m.scrollX(-m.hStep())
	case tea.MouseButtonWheelRight:
		m.scrollX(m.hStep())
	}
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if m.doc == nil {
		return m, nil
	}
	page := max(1, m.bodyRows())
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.moveCursor(-1)
	case key.Matches(msg, k.Down):
		m.moveCursor(1)
	case key.Matches(msg, k.PageUp):
		m.scrollBy(-page)
	case key.Matches(msg, k.PageDown):
		m.scrollBy(page)
	case key.Matches(msg, k.HalfPageUp):
		m.scrollBy(-max(1, page/2))
	case key.Matches(msg, k.HalfPageDown):
		m.scrollBy(max(1, page/2))
	case key.Matches(msg, k.Top):
		m.top, m.cur = 0, 0
	case key.Matches(msg, k.Bottom):
		m.top, m.cur = m.maxTop(), m.rowCount()-1
		m.clampScroll()
	case key.Matches(msg, k.Fold):
		return m, m.fold(opToggle)
	case key.Matches(msg, k.FoldLevel):
		return m, m.fold(opLevel)
	case key.Matches(msg, k.FoldAll):
		return m, m.fold(opAll)
	case key.Matches(msg, k.UnfoldAll):
		m.setFolds(nil)
	case key.Matches(msg, k.Left):
		m.scrollX(-m.hStep())
	case key.Matches(msg, k.Right):
		m.scrollX(m.hStep())
	case key.Matches(msg, k.Search):
		m.searching = true
		m.savedTop, m.savedX, m.savedCur = m.top, m.x0, m.cur
		m.editSearch().SetValue("")
		focus := m.editSearch().Focus()
		return m, focus
	case key.Matches(msg, k.NextMatch):
		m.gotoMatch(m.current + 1)
	case key.Matches(msg, k.PrevMatch):
		m.gotoMatch(m.current - 1)
	case key.Matches(msg, k.Table):
		return m, m.fold(opTable)
	case key.Matches(msg, k.CopyValue):
		return m, m.fold(opCopyValue)
	case key.Matches(msg, k.CopyPath):
		return m, m.fold(opCopyPath)
	case key.Matches(msg, k.CopyAll):
		return m, m.copyAll()
	case key.Matches(msg, k.Write):
		name, what := "response.json", "the response"
		if m.orig != nil {
			what = "the filtered response"
		}
		if !m.doc.json {
			name = "response.txt"
		}
		doc := m.doc
		return m.openSave(doc.Bytes, name, what)
	case key.Matches(msg, k.NextPage):
		return m, pageCmd(m.doc.meta.Page.Current + 1)
	case key.Matches(msg, k.PrevPage):
		return m, pageCmd(m.doc.meta.Page.Current - 1)
	case key.Matches(msg, k.Compare):
		cmd := m.toggleCompare()
		m.syncKeys()
		return m, cmd
	case key.Matches(msg, k.Filter):
		return m.openFilter()
	case key.Matches(msg, k.ClearFilter):
		m.clearFilter()
	case key.Matches(msg, k.NextError):
		return m.cycleError(1)
	case key.Matches(msg, k.PrevError):
		return m.cycleError(-1)
	}
	return m, nil
}

// updateSearchInput handles keys while the search input is open: every
// edit starts a new search in a command (incremental search); enter keeps
// the result, esc drops it and restores the scroll position.
func (m Model) updateSearchInput(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.AcceptSearch):
		m.searching = false
		m.editSearch().Blur()
		if m.inputs.Get().search.Value() == "" {
			m.clearSearch()
		}
		m.syncKeys()
		return m, nil
	case key.Matches(msg, m.keys.CancelSearch):
		m.searching = false
		m.editSearch().Blur()
		m.clearSearch()
		m.top, m.x0, m.cur = m.savedTop, m.savedX, m.savedCur
		m.clampScroll()
		m.syncKeys()
		return m, nil
	}
	before := m.inputs.Get().search.Value()
	var cmd tea.Cmd
	in := m.editSearch()
	*in, cmd = in.Update(msg)
	q := m.inputs.Get().search.Value()
	if q == before {
		return m, cmd
	}
	if q == "" || m.doc == nil {
		m.clearSearch()
		m.top, m.x0, m.cur = m.savedTop, m.savedX, m.savedCur
		m.clampScroll()
		m.syncKeys()
		return m, cmd
	}
	m.searchID++
	return m, tea.Batch(cmd, searchCmd(m.doc, q, m.searchID))
}

// applySearch installs a search result unless a newer query or another
// document has superseded it.
func (m *Model) applySearch(msg SearchFinishedMsg) {
	if msg.id != m.searchID || msg.doc != m.doc || m.doc == nil {
		return
	}
	m.query, m.matches, m.capped = msg.query, msg.matches, msg.capped
	m.current = -1
	if len(m.matches) > 0 {
		// Like vim's incsearch: the first match at or after where the
		// search started, wrapping to the first one.
		from := int(m.doc.lines[min(m.lineAt(m.savedTop), len(m.doc.lines)-1)])
		i := searchInt32(m.matches, from)
		if i == len(m.matches) {
			i = 0
		}
		m.gotoMatch(i)
	}
	m.syncKeys()
}

// searchInt32 returns the index of the first element >= x.
func searchInt32(a []int32, x int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(a[mid]) < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// gotoMatch makes match i (modulo the count, so n and N wrap) current and
// scrolls it into view.
func (m *Model) gotoMatch(i int) {
	n := len(m.matches)
	if n == 0 {
		return
	}
	m.current = ((i % n) + n) % n
	off := int(m.matches[m.current])
	line := m.doc.lineOf(off)
	if m.folds != nil { // folds exist only once the structure does: this never builds it
		m.setFolds(m.folds.unfoldAround(m.doc.structure(), line))
	}
	row := m.rowOf(line)
	rows := max(1, m.bodyRows())
	if row < m.top || row >= m.top+rows {
		m.top = row - rows/3
	}
	m.cur = row
	start, _ := m.doc.lineBounds(line)
	text := m.doc.Line(line)
	col := displayColumn(text, off-start)
	endCol := displayColumn(text, min(off-start+len(m.query), len(text)))
	w := m.contentWidth()
	firstVisible := m.x0
	if m.x0 > 0 {
		firstVisible++ // the left marker hides one column
	}
	if col < firstVisible || endCol > m.x0+w-1 {
		m.x0 = max(0, col-w/4)
	}
	m.clampScroll()
}

// cycleError selects the next or previous error and, when it has a
// location, asks the app to show it in the editor.
func (m Model) cycleError(dir int) (Model, tea.Cmd) {
	if m.doc == nil || len(m.doc.meta.Errors) == 0 {
		return m, nil
	}
	n := len(m.doc.meta.Errors)
	switch {
	case m.errIndex < 0 && dir > 0:
		m.errIndex = 0
	case m.errIndex < 0:
		m.errIndex = n - 1
	default:
		m.errIndex = ((m.errIndex+dir)%n + n) % n
	}
	e := m.doc.meta.Errors[m.errIndex]
	if e.Line <= 0 {
		return m, nil
	}
	jump := JumpToErrorMsg{Line: e.Line, Column: e.Column}
	return m, func() tea.Msg { return jump }
}

// scrollBy moves the view and the cursor together (page keys).
func (m *Model) scrollBy(n int) {
	m.top += n
	m.cur += n
	m.clampScroll()
	m.follow()
}

// scrollView moves the view only; the cursor stays on its row while that
// is visible (the wheel).
func (m *Model) scrollView(n int) {
	m.top += n
	m.clampScroll()
}

// moveCursor moves the cursor by n rows, scrolling to keep it in view.
func (m *Model) moveCursor(n int) {
	m.cur += n
	m.follow()
}

func (m *Model) scrollX(n int) {
	m.x0 += n
	m.clampScroll()
}

// hStep is one horizontal scroll step: a quarter of the text width.
func (m Model) hStep() int { return max(1, m.contentWidth()/4) }

// updateTable gives keys to the table view; w opens the file prompt for
// its CSV, and closing returns to the JSON.
func (m Model) updateTable(msg tea.KeyMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.table.keys.Write) {
		csv := []byte(m.table.text(','))
		return m.openSave(func() []byte { return csv }, "table.csv", "the table")
	}
	var cmd tea.Cmd
	m.table, cmd = m.table.Update(msg)
	if m.table.closeReq {
		m.tableOn = false
		m.table = tableView{styles: m.styles, clip: m.clip}
	}
	return m, cmd
}

func pageCmd(n int) tea.Cmd { return func() tea.Msg { return PageMsg{Page: n} } }
