package historyview

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/toggle-explorer/toggle-explorer/query/history"
)

// Update handles the browser's keys (other keys edit the filter) and LoadedMsg.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		return m.load(msg).withPreview(), nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	return m, cmd
}

// handleKey applies the browser's keys; any other key edits the filter.
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		return m, func() tea.Msg { return CloseMsg{} }
	case key.Matches(msg, m.keys.ListKeys.Bindings()...):
		delta, _ := m.keys.Delta(msg, m.listRows()-1) // a page keeps one row of context
		return m.move(delta).withPreview(), nil
	case key.Matches(msg, m.keys.Scope):
		m.scoped = !m.scoped
		return m.refilter().withPreview(), nil
	case key.Matches(msg, m.keys.Rerun):
		return m, m.emit(func(e history.Entry) tea.Msg { return RerunMsg{Entry: e} })
	case key.Matches(msg, m.keys.Load):
		return m, m.emit(func(e history.Entry) tea.Msg { return LoadMsg{Entry: e} })
	case key.Matches(msg, m.keys.Compare):
		return m, m.emit(func(e history.Entry) tea.Msg { return CompareMsg{Entry: e} })
	case key.Matches(msg, m.keys.SaveAs):
		return m, m.emit(func(e history.Entry) tea.Msg { return SaveAsMsg{Entry: e} })
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m = m.refilter().withPreview()
	}
	return m, cmd
}

// emit returns a command sending the selected entry in the message build makes, or nil when no
// entry is selected. The message is built now, so it carries what the user saw.
func (m Model) emit(build func(history.Entry) tea.Msg) tea.Cmd {
	e, ok := m.Selected()
	if !ok {
		return nil
	}
	msg := build(e)
	return func() tea.Msg { return msg }
}
