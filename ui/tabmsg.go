package ui

import (
	"reflect"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/complete"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// tabMsg is a message from a command started while tab was on show. A tab's own news (a
// request's result, a lint, a spinner frame) must reach that tab even when another one is shown
// by the time it arrives.
type tabMsg struct {
	tab int
	msg tea.Msg
}

// teaPackage is Bubble Tea's import path: its messages (quit, exec, sequence) are for the program
// loop and must reach it untouched.
var teaPackage = reflect.TypeOf(tea.QuitMsg{}).PkgPath()

// tagCmd wraps cmd so that its message comes back tagged with tab. Batches are tagged command by
// command; Bubble Tea's own messages and already tagged ones pass through.
func tagCmd(tab int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil || tab == 0 {
		return cmd
	}
	return func() tea.Msg {
		msg := cmd()
		switch msg := msg.(type) {
		case nil, tabMsg:
			return msg
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				out[i] = tagCmd(tab, c)
			}
			return out
		}
		if t := reflect.TypeOf(msg); t.PkgPath() == teaPackage {
			return msg
		}
		return tabMsg{tab: tab, msg: msg}
	}
}

// tabPrivate reports whether msg belongs to the tab whose command produced it (rather than to the
// app), so it must go to that tab and nowhere else.
func tabPrivate(msg tea.Msg) bool {
	switch msg.(type) {
	case workspace.RunFinishedMsg, spinner.TickMsg, complete.LintRequestMsg, complete.LintedMsg,
		complete.AcceptedMsg, results.SearchFinishedMsg, results.JumpToErrorMsg:
		return true
	}
	return false
}

// routeTabMsg delivers a tab's news to that tab while another is on show; news of a closed tab
// goes nowhere. (update has already unwrapped the app's news and the shown tab's.)
func (m *Model) routeTabMsg(msg tabMsg) tea.Cmd {
	for i := range m.tabs.slots {
		if m.tabs.slots[i].id != msg.tab {
			continue
		}
		m.storeActive() // clones the slots: this model's change must not leak into older copies
		ws := &m.tabs.slots[i].ws
		var cmd tea.Cmd
		*ws, cmd = ws.Update(msg.msg)
		if rf, ok := msg.msg.(workspace.RunFinishedMsg); ok {
			m.takeSnapshot()
			if rf.HistoryErr != nil {
				m.report(common.InfoMsg{Tone: common.Warning, Text: "history not written: " + rf.HistoryErr.Error()})
			}
		}
		return tagCmd(msg.tab, cmd)
	}
	return nil
}
