package inspector

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Update handles keys and the outcome of a curl copy. Actions with effects outside the inspector
// are returned as messages for the root (RefreshNowMsg, LogoutMsg, UseTokenMsg, CopyCurlMsg,
// CloseMsg); nothing here does I/O.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m, cmd = m.handleKey(msg)
		m.syncKeys()
		return m, cmd
	case CopiedMsg:
		m.status, m.statusErr = copiedText(msg), msg.Err != nil
		return m, nil
	case common.RefreshMsg:
		return m.Refresh(), nil
	case DoctorDoneMsg:
		m.finishDoctor(msg)
		m.syncKeys()
		return m, nil
	}
	if m.pasting { // cursor blink and other input traffic
		m.input, cmd = m.input.Update(msg)
	}
	return m, cmd
}

// emit wraps a message for the root in a command.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// handleKey routes a key: the paste input and a pending question take every key first.
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if m.pasting {
		return m.handlePasteKey(msg)
	}
	if m.confirm != confirmNone {
		return m.handleConfirmKey(msg)
	}
	m.status, m.statusErr = "", false
	k := m.keys
	switch {
	case key.Matches(msg, k.TokenTab):
		m.switchTab(tabToken)
	case key.Matches(msg, k.TimelineTab):
		m.switchTab(tabTimeline)
	case key.Matches(msg, k.RequestsTab):
		m.switchTab(tabRequests)
	case key.Matches(msg, k.DoctorTab):
		m.switchTab(tabDoctor)
	case key.Matches(msg, k.NextTab):
		m.switchTab((m.tab + 1) % tabCount)
	case key.Matches(msg, k.PrevTab):
		m.switchTab((m.tab + tabCount - 1) % tabCount)
	case key.Matches(msg, k.Back):
		if m.page == pageNone {
			return m, emit(CloseMsg{})
		}
		m.closePage()
	case key.Matches(msg, k.Open):
		m.openSelected()
	case key.Matches(msg, k.ListKeys.Bindings()...):
		m.move(msg)
	default:
		return m.handleAction(msg)
	}
	return m, nil
}

// handleAction runs the keys that act on the session or the current request.
func (m Model) handleAction(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Reveal):
		m.revealed = !m.revealed
	case key.Matches(msg, k.Diff):
		if !m.snap.diffOK {
			m.status, m.statusErr = "nothing to diff: d compares the last good request with a failing one, and none has failed", true
			return m, nil
		}
		if m.tab != tabRequests {
			m.switchTab(tabRequests)
		}
		m.openPage(pageDiff)
	case key.Matches(msg, k.RunDoctor):
		return m, m.startDoctor()
	case key.Matches(msg, k.RefreshNow):
		m.status = "refreshing the token…"
		return m, emit(RefreshNowMsg{})
	case key.Matches(msg, k.Logout):
		m.confirm = confirmLogout
	case key.Matches(msg, k.PasteToken):
		m.pasting = true
		m.input.Reset()
		return m, m.input.Focus()
	case key.Matches(msg, k.CopyCurl):
		return m, emit(CopyCurlMsg{ExchangeID: m.currentExchangeID()})
	case key.Matches(msg, k.WriteCurl):
		return m, emit(CopyCurlMsg{ExchangeID: m.currentExchangeID(), ToFile: true})
	case key.Matches(msg, k.WriteCurlToken):
		m.confirm = confirmCurlTokenFile
		return m, nil
	case key.Matches(msg, k.CopyCurlToken):
		m.confirm = confirmCurlToken
	}
	return m, nil
}

// handleConfirmKey answers the pending question; any other key leaves it open.
func (m Model) handleConfirmKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Yes):
		c := m.confirm
		m.confirm = confirmNone
		if c == confirmLogout {
			m.revealed = false
			return m, emit(LogoutMsg{})
		}
		return m, emit(CopyCurlMsg{ExchangeID: m.currentExchangeID(), Reveal: true, ToFile: c == confirmCurlTokenFile})
	case key.Matches(msg, m.keys.No):
		m.confirm = confirmNone
	}
	return m, nil
}

// handlePasteKey feeds the paste input. Enter checks the value and sends it to the root; esc
// drops it. Either way the input is emptied at once, so the secret does not linger in the model.
func (m Model) handlePasteKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.stopPasting()
		return m, nil
	case key.Matches(msg, m.keys.Submit):
		raw := m.input.Value()
		now := m.ctx.Now
		if _, err := session.ParseToken(raw, now, "pasted"); err != nil {
			m.status, m.statusErr = "not a token: "+err.Error(), true // ParseToken errors never quote the value
			return m, nil
		}
		m.stopPasting()
		m.status = "using the pasted token…"
		return m, emit(UseTokenMsg{Raw: raw})
	}
	m.status, m.statusErr = "", false
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m *Model) stopPasting() {
	m.pasting = false
	m.input.Reset()
	m.input.Blur()
}

// switchTab shows another tab; an open page belongs to the tab it was opened on, so it closes.
// Leaving the Token tab also hides a revealed token: a reveal lasts only while the user looks.
func (m *Model) switchTab(t tab) {
	if t == m.tab {
		return
	}
	m.closePage()
	m.tab = t
	m.revealed = false
}

// openSelected opens the selected row of the current list.
func (m *Model) openSelected() {
	switch m.tab {
	case tabTimeline:
		if e, ok := m.selectedEvent(); ok {
			m.pageEv = e
			m.openPage(pageEvent)
		}
	case tabRequests:
		if x, ok := m.selectedExchange(); ok {
			m.pageEx = x
			m.openPage(pageExchange)
		}
	}
}

func (m *Model) openPage(p page) {
	m.page, m.scroll = p, 0
	m.rebuildPage()
}

func (m *Model) closePage() {
	m.page, m.scroll, m.pageLines = pageNone, 0, nil
}

// move handles the movement keys: they scroll a page or the Token tab, and move a list's
// selection.
func (m *Model) move(msg tea.KeyMsg) {
	delta, _ := m.keys.Delta(msg, m.contentHeight())
	if m.page != pageNone || m.tab == tabToken {
		m.scroll += delta
		m.clampScroll()
		return
	}
	switch m.tab {
	case tabTimeline:
		m.evSel = clamp(m.evSel+delta, 0, len(m.snap.events)-1)
	case tabDoctor: // the report scrolls like the Token tab
		m.scroll += delta
		m.clampScroll()
	default:
		m.exSel = clamp(m.exSel+delta, 0, len(m.snap.exchanges)-1)
	}
}

// clampScroll keeps the scroll offset within the scrollable text.
func (m *Model) clampScroll() {
	n := len(m.pageLines)
	if m.page == pageNone {
		switch m.tab {
		case tabToken:
			n = len(m.tokenLines(m.innerWidth()))
		case tabDoctor:
			n = len(m.doc.lines)
		default:
			n = 0
		}
	}
	m.scroll = clamp(m.scroll, 0, n-m.contentHeight())
}

// copiedText reports a copy's outcome without ever quoting the command.
func copiedText(msg CopiedMsg) string {
	if msg.Err != nil {
		return "copy failed: " + msg.Err.Error()
	}
	if msg.Where == clipboardWhere {
		return "curl command copied to the clipboard"
	}
	return "curl command written to " + msg.Where
}
