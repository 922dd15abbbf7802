package docs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Update handles keys: navigation keys move and follow, everything else edits the search,
// which runs at once. The only message for the root is CloseMsg; nothing here does I/O (the
// search is an in-memory scan of the schema's prebuilt index).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		// The cursor is static, so the input has no timer traffic to route.
		return m, nil
	}
	m, cmd := m.handleKey(k)
	m.syncKeys()
	return m, cmd
}

// emit wraps a message for the root in a command.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// handleKey routes one key. The bindings are enabled for the current state (syncKeys), so a
// disabled one falls through to the search input: backspace goes back only while the search
// is empty, and deletes a character otherwise.
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	m.status = ""
	k := m.keys
	if m.schema == nil {
		switch {
		case key.Matches(msg, k.Escape):
			return m, emit(CloseMsg{})
		case key.Matches(msg, k.Refresh):
			return m, emit(RefreshMsg{})
		}
		return m, nil
	}
	if key.Matches(msg, k.Refresh) {
		return m, emit(RefreshMsg{})
	}
	switch {
	case key.Matches(msg, k.Escape):
		return m, emit(CloseMsg{})
	case key.Matches(msg, k.ClearSearch):
		return m.clearSearch(), nil
	case key.Matches(msg, k.Open):
		m = m.follow()
	case key.Matches(msg, k.Back):
		m = m.goBack()
	case key.Matches(msg, k.BuiltIns):
		m = m.toggleBuiltIns()
	case key.Matches(msg, k.ListKeys.Bindings()...):
		return m.move(msg), nil
	default:
		before := m.input.Value()
		m.input, _ = m.input.Update(msg) // a static cursor returns no command
		if m.input.Value() != before {
			m = m.runSearch()
		}
	}
	return m.ensureVisible(), nil
}

// clearSearch empties the search and shows the page it was typed over. esc does not do this: it
// closes the browser at once (architecture.md), whatever is typed.
func (m Model) clearSearch() Model {
	m.input.Reset()
	m = m.runSearch()
	return m.ensureVisible()
}

// move handles the movement keys for the results, the home page or a type page.
func (m Model) move(msg tea.KeyMsg) Model {
	k := m.keys
	rows := max(1, m.contentHeight())
	if m.searching() {
		rows, _ = m.searchLayout()
		rows = max(1, rows)
	}
	delta, _ := k.Delta(msg, rows)
	switch {
	case m.searching():
		m.resSel = clamp(m.resSel+delta, 0, len(m.results)-1)
	case m.cur.typeName == "":
		m = m.moveHomeRow(delta)
	default:
		m.cur.sel = m.moveTypeSel(delta, rows)
	}
	return m.ensureVisible()
}

// moveHomeRow moves the home selection by delta rows, onto the nearest type in the direction
// of travel (or back the other way at an end): headers and spacers are not selectable.
func (m Model) moveHomeRow(delta int) Model {
	if len(m.home) == 0 {
		return m
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	to := clamp(m.cur.row+delta, 0, len(m.home)-1)
	for _, d := range []int{dir, -dir} {
		for i := to; i >= 0 && i < len(m.home); i += d {
			if m.home[i].kind == rowLink {
				m.cur.row, m.cur.rowName = i, m.home[i].name
				return m
			}
		}
	}
	return m
}

// moveTypeSel moves a type page's selection by delta items, or by a screenful of lines when
// |delta| is rows (page up and down).
func (m Model) moveTypeSel(delta, rows int) target {
	blocks := m.typeBlocks(m.contentWidth())
	var items []int  // indexes into blocks of the selectable ones
	var starts []int // first line of each selectable block
	line, cur := 0, 0
	for i, b := range blocks {
		if b.sel.kind != itemNone {
			if b.sel == m.cur.sel {
				cur = len(items)
			}
			items = append(items, i)
			starts = append(starts, line)
		}
		line += len(b.lines)
	}
	if len(items) == 0 {
		return m.cur.sel
	}
	next := clamp(cur+delta, 0, len(items)-1)
	if delta == rows || delta == -rows {
		// Move to the item a screenful away, and at least one item.
		goal := starts[cur] + delta
		next = cur
		for next+1 < len(items) && delta > 0 && starts[next+1] <= goal {
			next++
		}
		for next > 0 && delta < 0 && starts[next-1] >= goal {
			next--
		}
		if next == cur {
			next = clamp(cur+sign(delta), 0, len(items)-1)
		}
	}
	return blocks[items[next]].sel
}

func sign(v int) int {
	if v < 0 {
		return -1
	}
	return 1
}

// ensureVisible scrolls so the selection is on screen. The first item also brings the top of
// the page into view, so the header above it is not left hidden.
func (m Model) ensureVisible() Model {
	switch {
	case m.schema == nil:
	case m.searching():
		rows, _ := m.searchLayout()
		m.resScroll = scrollTo(m.resScroll, m.resSel, m.resSel+1, max(1, rows), len(m.results))
	case m.cur.typeName == "":
		start := m.cur.row
		if start == m.homeRowFor("") {
			start = 0
		}
		m.cur.scroll = scrollTo(m.cur.scroll, start, m.cur.row+1, max(1, m.contentHeight()), len(m.home))
	default:
		start, end, total := m.selectedSpan()
		if m.cur.sel == firstTarget(m.cur.doc) {
			start = 0
		}
		m.cur.scroll = scrollTo(m.cur.scroll, start, end, max(1, m.contentHeight()), total)
	}
	return m
}

// selectedSpan is the line range of the selected block of a type page, and the page's length.
func (m Model) selectedSpan() (start, end, total int) {
	for _, b := range m.typeBlocks(m.contentWidth()) {
		if b.sel.kind != itemNone && b.sel == m.cur.sel {
			start, end = total, total+len(b.lines)
		}
		total += len(b.lines)
	}
	return start, end, total
}

// scrollTo returns the first line to show so that lines [start, end) are visible in rows
// (their top if they do not fit), moving as little as possible from scroll.
func scrollTo(scroll, start, end, rows, total int) int {
	if end-start > rows {
		end = start + rows
	}
	if start < scroll {
		scroll = start
	}
	if end > scroll+rows {
		scroll = end - rows
	}
	return clamp(scroll, 0, max(0, total-rows))
}

// syncKeys enables exactly the bindings that act in the current state, and words esc's help
// for what it will do.
func (m *Model) syncKeys() {
	k := &m.keys
	has := m.schema != nil
	searching := has && m.searching()
	home := has && !searching && m.cur.typeName == ""
	k.ListKeys.SetEnabled(has)
	open := false
	switch {
	case searching:
		open = len(m.results) > 0
		k.Open.SetHelp("enter", "open")
	case home:
		open = len(m.home) > 0
		k.Open.SetHelp("enter", "open")
	case has:
		open = m.cur.sel.kind == itemLink || m.cur.sel.kind == itemField || m.cur.sel.kind == itemArg
		k.Open.SetHelp("enter", "follow type")
	}
	k.Open.SetEnabled(open)
	k.Back.SetEnabled(has && !searching && len(m.back) > 0)
	k.BuiltIns.SetEnabled(home)
	if m.builtIns {
		k.BuiltIns.SetHelp("ctrl+t", "hide built-ins")
	} else {
		k.BuiltIns.SetHelp("ctrl+t", "show built-ins")
	}
	k.ClearSearch.SetEnabled(searching)
}
