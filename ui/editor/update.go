package editor

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// wheelStep is how many lines one mouse wheel notch scrolls.
const wheelStep = 3

// Update handles key presses (only while focused) and the mouse wheel. It
// never returns a command: the editor has no I/O and no timers.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.focused {
			m = m.handleKey(msg)
		}
	case tea.MouseMsg:
		m = m.handleMouse(msg)
	}
	return m, nil
}

// handleKey dispatches one key press.
func (m Model) handleKey(msg tea.KeyMsg) Model {
	if msg.Paste {
		// Bracketed paste is inserted verbatim: no auto-indent, no tab
		// expansion, no bracket dedent, one undo step.
		return m.insertText(normalizeNewlines(string(msg.Runes)))
	}
	k := m.KeyMap
	switch {
	case key.Matches(msg, k.Undo):
		return m.undo()
	case key.Matches(msg, k.Redo):
		return m.redo()
	case key.Matches(msg, k.Left):
		return m.moveTo(m.left(m.cur))
	case key.Matches(msg, k.Right):
		return m.moveTo(m.right(m.cur))
	case key.Matches(msg, k.Up):
		return m.moveVert(-1)
	case key.Matches(msg, k.Down):
		return m.moveVert(1)
	case key.Matches(msg, k.WordLeft):
		return m.moveTo(m.wordLeft(m.cur))
	case key.Matches(msg, k.WordRight):
		return m.moveTo(m.wordRight(m.cur))
	case key.Matches(msg, k.LineStart):
		return m.lineStart()
	case key.Matches(msg, k.LineEnd):
		return m.moveTo(pos{m.cur.row, m.doc.runeLen(m.cur.row)})
	case key.Matches(msg, k.DocStart):
		return m.moveTo(pos{})
	case key.Matches(msg, k.DocEnd):
		last := len(m.doc.lines) - 1
		return m.moveTo(pos{last, m.doc.runeLen(last)})
	case key.Matches(msg, k.PageUp):
		return m.page(-1)
	case key.Matches(msg, k.PageDown):
		return m.page(1)
	case key.Matches(msg, k.Newline):
		return m.newline()
	case key.Matches(msg, k.Indent):
		return m.typeRune('\t')
	case key.Matches(msg, k.DeleteBack):
		return m.deleteBack()
	case key.Matches(msg, k.DeleteForward):
		return m.deleteForward()
	case key.Matches(msg, k.DeleteWordBack):
		return m.deleteWordBack()
	case key.Matches(msg, k.DeleteWordForward):
		return m.deleteWordForward()
	case key.Matches(msg, k.DeleteToLineEnd):
		return m.deleteToLineEnd()
	case key.Matches(msg, k.DeleteToLineStart):
		return m.deleteToLineStart()
	}
	switch {
	case msg.Alt:
		// An unbound alt chord is a command the editor does not know, not
		// text: inserting the letter would surprise.
		return m
	case msg.Type == tea.KeySpace:
		return m.typeRune(' ')
	case msg.Type == tea.KeyRunes:
		return m.typeRunes(msg.Runes)
	}
	return m
}

// typeRunes inserts runes that arrived in one key message. Terminals without
// bracketed paste deliver pasted text this way; if it holds a newline it is
// treated as a paste so auto-indent does not stack up indentation.
func (m Model) typeRunes(rs []rune) Model {
	for _, r := range rs {
		if r == '\n' || r == '\r' {
			return m.insertText(normalizeNewlines(string(rs)))
		}
	}
	for _, r := range rs {
		m = m.typeRune(r)
	}
	return m
}

// handleMouse scrolls on the wheel. Clicks are left to the parent, which
// knows where the editor is on screen (see ClickAt).
func (m Model) handleMouse(msg tea.MouseMsg) Model {
	if msg.Action != tea.MouseActionPress {
		return m
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return m.scroll(-wheelStep)
	case tea.MouseButtonWheelDown:
		return m.scroll(wheelStep)
	case tea.MouseButtonWheelLeft:
		m.xoff = max(0, m.xoff-wheelStep)
	case tea.MouseButtonWheelRight:
		m.xoff += wheelStep
	}
	return m
}
