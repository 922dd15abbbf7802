package builder

import (
	tea "github.com/charmbracelet/bubbletea"
)

// updateEntry handles keys while the argument prompt is open: enter sets the value, esc
// cancels, "$" on a list of choices makes a variable; typing edits the text.
func (m Model) updateEntry(msg tea.KeyMsg) (Model, tea.Cmd) {
	e := *m.entry
	switch msg.String() {
	case "esc":
		m.entry = nil
		m.status = "cancelled"
		return m, nil
	case "enter":
		value := ""
		if e.choices != nil {
			value = e.choices[e.choice]
		} else {
			v, err := literal(m.schema, e.req.typ, e.input.Value())
			if err != nil {
				e.problem = err.Error()
				m.entry = &e
				return m, nil
			}
			value = v
		}
		return m.submit(e, value)
	case "$":
		if e.choices != nil {
			return m.submit(e, "$"+m.variableFor(e.req))
		}
	case "up", "left", "shift+tab":
		if e.choices != nil {
			e.choice = (e.choice + len(e.choices) - 1) % len(e.choices)
			m.entry = &e
			return m, nil
		}
	case "down", "right", "tab":
		if e.choices != nil {
			e.choice = (e.choice + 1) % len(e.choices)
			m.entry = &e
			return m, nil
		}
	}
	if e.choices == nil {
		var cmd tea.Cmd
		e.input, cmd = e.input.Update(msg)
		e.problem = ""
		m.entry = &e
		return m, cmd
	}
	return m, nil
}

// submit uses the value given: written at once for a plain edit; for a field's required
// arguments, held until the last is given, then the field is ticked with all of them.
func (m Model) submit(e entry, value string) (Model, tea.Cmd) {
	m.entry = nil
	if e.toggle == nil {
		return m.setArg(e.req, value)
	}
	if value == "" {
		m.status = e.req.arg[0] + " is required: the field was not added"
		return m, nil
	}
	m = m.hold(e.req, value)
	if len(e.queue) > 0 {
		next := m.newEntry(e.queue[0], "")
		next.queue, next.toggle = e.queue[1:], e.toggle
		m.entry = next
		return m, nil
	}
	r := row{kind: rowField, root: e.req.root, path: e.toggle, leaf: true}
	return m.toggle(r)
}
