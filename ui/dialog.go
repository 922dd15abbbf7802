package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// dialog is the question on show, drawn over whatever is below it: a one-line input or a choice.
// At most one is open; it takes every key until answered.
type dialog struct {
	input  *prompt.Input
	choice *prompt.Choice
}

// open reports whether a dialog is on show.
func (d dialog) open() bool { return d.input != nil || d.choice != nil }

// ask opens an input dialog.
func (m *Model) ask(id libraryDialog, title, initial string, validate func(string) error) {
	in := prompt.NewInput(m.ctx, id, title, initial, validate).SetSize(m.ctx.Width, m.ctx.Height)
	m.dialog = dialog{input: &in}
}

// choose opens a choice dialog.
func (m *Model) choose(id libraryDialog, question string, options ...prompt.Option) {
	c := prompt.NewChoice(m.ctx, id, question, options).SetSize(m.ctx.Width, m.ctx.Height)
	m.dialog = dialog{choice: &c}
}

// updateDialog gives a message to the open dialog.
func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case m.dialog.input != nil:
		in, c := m.dialog.input.Update(msg)
		m.dialog.input, cmd = &in, c
	case m.dialog.choice != nil:
		ch, c := m.dialog.choice.Update(msg)
		m.dialog.choice, cmd = &ch, c
	}
	return cmd
}

// dialogBox is the open dialog's box, for drawing over the view.
func (m *Model) dialogBox() string {
	switch {
	case m.dialog.input != nil:
		return m.dialog.input.Box()
	case m.dialog.choice != nil:
		return m.dialog.choice.Box()
	}
	return ""
}

// dialogKeys is the open dialog's key help.
func (m *Model) dialogKeys() help.KeyMap {
	if m.dialog.input != nil {
		return *m.dialog.input
	}
	return *m.dialog.choice
}
