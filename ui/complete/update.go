package complete

import (
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/toggle-explorer/toggle-explorer/query/completion"
)

// AcceptedMsg is emitted when the user accepts an item. The workspace
// applies it with
//
//	editor.InsertCompletion(msg.PrefixLen, msg.Item.Insert, msg.Item.CursorBack)
//
// PrefixLen counts runes, as InsertCompletion expects.
type AcceptedMsg struct {
	Item      completion.Item
	PrefixLen int
}

// Update handles a key while the popup is open. handled reports whether the
// popup used the key; when it did not (the popup is closed, or the key is
// not one of its own) the caller passes the key on to the editor, then
// re-queries completion and calls Refresh so typing narrows the list.
// Accepting closes the popup and returns a command that emits AcceptedMsg.
func (m Model) Update(msg tea.KeyMsg) (_ Model, _ tea.Cmd, handled bool) {
	if !m.visible {
		return m, nil, false
	}
	k := m.KeyMap
	if delta, ok := k.Delta(msg, m.rows()); ok {
		m.list = m.list.Cycle(delta, len(m.items), m.rows())
		return m, nil, true
	}
	switch {
	case key.Matches(msg, k.Accept):
		accepted := AcceptedMsg{Item: m.items[m.list.Index], PrefixLen: utf8.RuneCountInString(m.prefix)}
		return m.Close(), func() tea.Msg { return accepted }, true
	case key.Matches(msg, k.Close):
		return m.Close(), nil, true
	}
	return m, nil, false
}
