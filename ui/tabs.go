package ui

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// dialogCloseTab asks before closing a tab with unsaved changes.
const dialogCloseTab libraryDialog = "close-tab"

// maxTabs bounds the open tabs: alt+1…9 reach them all, and the tab bar stays readable.
const maxTabs = 9

// tabSlot is one open tab: an id that tags its commands' messages, and its workspace. The active
// tab's workspace lives in Model.workspace while it is active (the root's code works on that one);
// its slot holds a stale copy until the user switches away.
type tabSlot struct {
	id int
	ws workspace.Model
}

// tabSet is the open tabs in bar order.
type tabSet struct {
	slots  []tabSlot
	active int
	lastID int
}

// activeTabID is the id of the tab on show (0 before the first login).
func (m *Model) activeTabID() int {
	if len(m.tabs.slots) == 0 {
		return 0
	}
	return m.tabs.slots[m.tabs.active].id
}

// storeActive writes the live workspace back into its slot, before switching or reading all tabs.
func (m *Model) storeActive() {
	if len(m.tabs.slots) > 0 {
		// A fresh array: earlier copies of the model must not see this one's tabs change.
		m.tabs.slots = slices.Clone(m.tabs.slots)
		m.tabs.slots[m.tabs.active].ws = m.workspace
	}
}

// Tabs returns every tab's workspace in bar order and the active index (for tests and restore).
func (m Model) Tabs() ([]workspace.Model, int) {
	m.storeActive()
	out := make([]workspace.Model, len(m.tabs.slots))
	for i, s := range m.tabs.slots {
		out[i] = s.ws
	}
	return out, m.tabs.active
}

// newEmptyWorkspace builds an empty tab's workspace, sized and schema'd like the others. Everything
// but the editors' text (history, and whatever else configures a workspace) comes from
// Options.Workspace, so every tab works alike.
func (m *Model) newEmptyWorkspace() (workspace.Model, tea.Cmd) {
	opts := m.opts.Workspace
	opts.Query, opts.Variables, opts.Headers = "", "", ""
	opts.Profile = m.profile
	ws := workspace.New(m.ctx, m.sess, opts)
	ws = ws.SetSize(m.ctx.Width, m.workspaceHeight())
	init := ws.Init()
	if m.schema != nil {
		init = tea.Batch(init, ws.SetSchema(m.schema))
	}
	return ws, init
}

// addTab opens ws as a new tab right of the active one and shows it. The command is ws's own,
// tagged with the new tab.
func (m *Model) addTab(ws workspace.Model, cmd tea.Cmd) tea.Cmd {
	m.storeActive()
	m.tabs.lastID++
	slot := tabSlot{id: m.tabs.lastID, ws: ws}
	at := 0
	if len(m.tabs.slots) > 0 {
		at = m.tabs.active + 1
	}
	m.tabs.slots = slices.Insert(slices.Clone(m.tabs.slots), at, slot)
	m.tabs.active = at
	m.workspace = ws
	m.resize() // the tab bar may have just appeared
	return tagCmd(slot.id, cmd)
}

// newTab is ctrl+t: an empty tab.
func (m *Model) newTab() tea.Cmd {
	if len(m.tabs.slots) >= maxTabs {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "at most 9 tabs: close one first (alt+w)"})
		return nil
	}
	ws, cmd := m.newEmptyWorkspace()
	return m.addTab(ws, cmd)
}

// switchTab shows tab i.
func (m *Model) switchTab(i int) {
	if i < 0 || i >= len(m.tabs.slots) || i == m.tabs.active {
		return
	}
	m.storeActive()
	m.tabs.active = i
	m.workspace = m.tabs.slots[i].ws
}

// cycleTab moves to the next (+1) or previous (-1) tab, wrapping.
func (m *Model) cycleTab(step int) {
	n := len(m.tabs.slots)
	if n < 2 {
		return
	}
	m.switchTab((m.tabs.active + step + n) % n)
}

// requestCloseTab is alt+w: close the active tab, asking first when it holds unsaved changes.
func (m *Model) requestCloseTab() tea.Cmd {
	if m.workspace.Modified() {
		m.choose(dialogCloseTab, "This tab has unsaved changes. Close it?",
			prompt.Option{Key: "d", Label: "Close and discard them"},
			prompt.Option{Key: prompt.CancelKey, Label: "Cancel"})
		return nil
	}
	return m.closeTab()
}

// closeTab closes the active tab, cancelling its request in flight; the tab to its left (or the
// new first one) is shown. Closing the last tab leaves one empty tab: the workspace is never
// without one.
func (m *Model) closeTab() tea.Cmd {
	m.workspace.Stop()
	if len(m.tabs.slots) == 1 {
		ws, cmd := m.newEmptyWorkspace()
		m.tabs.slots = nil
		return m.addTab(ws, cmd)
	}
	i := m.tabs.active
	m.tabs.slots = slices.Delete(slices.Clone(m.tabs.slots), i, i+1)
	m.tabs.active = max(0, i-1)
	m.workspace = m.tabs.slots[m.tabs.active].ws
	m.resize() // the tab bar may have just gone
	return nil
}

// loadTarget prepares the tab a saved query or history entry opens in: the active one when it is
// empty or unchanged, else a new tab, so opening never loses work nor asks.
func (m *Model) loadTarget() tea.Cmd {
	if !m.workspace.Modified() || len(m.tabs.slots) >= maxTabs {
		return nil
	}
	ws, cmd := m.newEmptyWorkspace()
	return m.addTab(ws, cmd)
}

// eachInactiveTab applies f to every tab but the active one, tagging each command with its tab.
func (m *Model) eachInactiveTab(f func(*workspace.Model) tea.Cmd) tea.Cmd {
	var cmds []tea.Cmd
	m.tabs.slots = slices.Clone(m.tabs.slots)
	for i := range m.tabs.slots {
		if i == m.tabs.active {
			continue
		}
		cmds = append(cmds, tagCmd(m.tabs.slots[i].id, f(&m.tabs.slots[i].ws)))
	}
	return tea.Batch(cmds...)
}

// workspaceHeight is the height each tab's workspace gets: the terminal minus the notice, status
// and help lines, and the tab bar when there are several tabs.
func (m *Model) workspaceHeight() int {
	h := m.ctx.Height - 2 - max(1, m.laidNoticeRows) // a long notice takes a second row
	if m.tabBarShown() {
		h--
	}
	return max(0, h)
}

// tabBarShown reports whether the tab bar is drawn: only with two tabs or more, so a single
// query keeps the whole screen (its title already shows its name and ●).
func (m *Model) tabBarShown() bool { return len(m.tabs.slots) > 1 }
