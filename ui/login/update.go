package login

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Update handles keys while the form is shown. While a login is in flight only the spinner moves.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !m.busy {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		if m.busy {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.keys.Submit):
			return m.submit()
		case key.Matches(msg, m.keys.Next):
			return m.move(1), nil
		case key.Matches(msg, m.keys.Prev):
			return m.move(-1), nil
		}
	}
	var cmd tea.Cmd
	in := &m.inputs.Edit()[m.focus]
	*in, cmd = in.Update(msg)
	return m, cmd
}

// submit validates and, when the form is complete, emits SubmitMsg. Enter in an earlier field with
// later fields empty moves on instead, which is what people expect of a form.
func (m Model) submit() (Model, tea.Cmd) {
	if m.focus < fieldPassword && m.inputs.Get()[m.focus+1].Value() == "" {
		return m.move(1), nil
	}
	sub, err := m.submission()
	if err != nil {
		m.err, m.detail = err.Error(), ""
		return m, nil
	}
	m.busy, m.err, m.detail = true, "", ""
	return m, tea.Batch(m.spinner.Tick, func() tea.Msg { return sub })
}

// move focuses the next or previous field, wrapping around.
func (m Model) move(delta int) Model {
	inputs := m.inputs.Edit()
	inputs[m.focus].Blur()
	m.focus = (m.focus + field(delta) + fieldCount) % fieldCount
	inputs[m.focus].Focus()
	return m
}
