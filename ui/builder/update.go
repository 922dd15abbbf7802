package builder

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/build"
)

// Update handles keys; the builder has no commands of its own to wait for.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.entry != nil {
			return m.updateEntry(msg)
		}
		return m.handleKey(msg)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				return m.move(-3), nil
			case tea.MouseButtonWheelDown:
				return m.move(3), nil
			}
		}
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	m.status, m.isErr = "", false
	k := m.keys
	switch {
	case key.Matches(msg, k.Escape):
		if m.filter != "" {
			return m.setFilter(""), nil
		}
		return m, func() tea.Msg { return CloseMsg{} }
	case key.Matches(msg, k.ListKeys.Bindings()...):
		delta, _ := k.Delta(msg, m.listHeight())
		return m.move(delta), nil
	case key.Matches(msg, k.Expand):
		return m.setExpanded(true), nil
	case key.Matches(msg, k.Collapse):
		return m.collapseOrParent(), nil
	case key.Matches(msg, k.Backspace):
		if m.filter != "" {
			_, n := lastRune(m.filter)
			return m.setFilter(m.filter[:len(m.filter)-n]), nil
		}
		return m, nil
	}
	r, ok := m.current()
	if !ok || m.schema == nil {
		return m.typeFilter(msg), nil
	}
	switch {
	case key.Matches(msg, k.Toggle):
		if r.kind == rowArg {
			return m.editArg(r), nil
		}
		return m.toggle(r)
	case key.Matches(msg, k.Enter):
		if r.kind == rowArg && !r.expandable {
			return m.editArg(r), nil
		}
		return m.setExpanded(!r.expanded), nil
	case key.Matches(msg, k.Variable):
		if r.kind != rowArg {
			m.status = "$ turns an argument into a variable: select one (they are listed under an expanded field)"
			return m, nil
		}
		req := request{root: r.root, path: r.path, arg: r.arg, typ: r.typ}
		return m.setArg(req, "$"+m.variableFor(req))
	case key.Matches(msg, k.Clear):
		if r.kind == rowArg {
			return m.setArg(request{root: r.root, path: r.path, arg: r.arg, typ: r.typ}, "")
		}
		return m, nil
	}
	return m.typeFilter(msg), nil
}

// typeFilter adds typed name characters to the filter.
func (m Model) typeFilter(msg tea.KeyMsg) Model {
	if msg.Type != tea.KeyRunes || msg.Paste {
		return m
	}
	var b strings.Builder
	for _, r := range msg.Runes {
		if r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return m
	}
	return m.setFilter(m.filter + b.String())
}

func (m Model) setFilter(f string) Model {
	var cur string
	if r, ok := m.current(); ok && (f == "" || containsFold(r.name, lower(f))) {
		cur = r.key() // stay on a row that still matches; else go to the first match
	}
	m.filter = f
	return m.refilter(cur)
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xc0 {
			return rune(s[i]), len(s) - i
		}
	}
	return 0, len(s)
}

// current returns the selected row.
func (m Model) current() (row, bool) {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return row{}, false
	}
	return m.rows[m.sel], true
}

func (m Model) move(d int) Model {
	m.sel = max(0, min(len(m.rows)-1, m.sel+d))
	return m.keepVisible()
}

// setExpanded opens or closes the selected node.
func (m Model) setExpanded(open bool) Model {
	r, ok := m.current()
	if !ok || !r.expandable || r.expanded == open {
		return m
	}
	exp := cloneSet(m.expanded)
	exp[r.key()] = open
	m.expanded = exp
	return m.relayout()
}

// collapseOrParent closes the selected node, or moves to its parent when it is closed.
func (m Model) collapseOrParent() Model {
	r, ok := m.current()
	if !ok {
		return m
	}
	if r.expanded {
		return m.setExpanded(false)
	}
	for i := m.sel - 1; i >= 0; i-- {
		if m.rows[i].depth < r.depth {
			m.sel = i
			break
		}
	}
	return m.keepVisible()
}

// toggle ticks or unticks the field of row r, asking first for the required arguments of the
// fields it adds.
func (m Model) toggle(r row) (Model, tea.Cmd) {
	if r.kind == rowRoot {
		return m.setExpanded(!r.expanded), nil
	}
	if !r.leaf && !r.selected {
		m.status = "pick one of " + r.name + "'s fields: a query selects fields down to scalars"
		return m.setExpanded(true), nil
	}
	if !r.selected {
		if missing := m.missingRequired(r.root, r.path); len(missing) > 0 {
			first := missing[0]
			m.entry = m.newEntry(first, "")
			m.entry.queue, m.entry.toggle = missing[1:], r.path
			return m, nil
		}
	}
	m, cmd := m.apply(r.root, func(text string, cursor int) (build.Change, error) {
		return build.Toggle(m.schema, text, cursor, r.root, r.path, m.pendingFor(r.root))
	})
	if m.err == nil && m.filter != "" {
		// Found by the search: once the filter is cleared, the tree shows the field where it is.
		m = m.expandTo(r.root, r.path)
	}
	return m, cmd
}

// expandTo expands the root and every field above path.
func (m Model) expandTo(root ast.Operation, path []string) Model {
	exp := cloneSet(m.expanded)
	exp[string(root)] = true
	for i := 1; i < len(path); i++ {
		exp[nodeKey(root, path[:i], nil)] = true
	}
	m.expanded = exp
	return m.relayout()
}

// editArg opens the prompt for the argument of row r.
func (m Model) editArg(r row) Model {
	if r.expandable && r.typ.Elem == nil && !r.expanded {
		m = m.setExpanded(true)
		m.status = "an input object: set its fields below"
		return m
	}
	m.entry = m.newEntry(request{root: r.root, path: r.path, arg: r.arg, typ: r.typ}, r.value)
	return m
}

// setArg writes value on the argument of req: in the document when its field is selected,
// else it is held until a field below is ticked. Pending values for req's field go with it.
func (m Model) setArg(req request, value string) (Model, tea.Cmd) {
	arg := build.Arg{Path: req.arg, Value: value}
	m2, cmd := m.apply(req.root, func(text string, cursor int) (build.Change, error) {
		return build.SetArg(m.schema, text, cursor, req.root, req.path, arg, m.pendingFor(req.root))
	})
	if errors.Is(m2.err, build.ErrNotSelected) {
		m = m.hold(req, value)
		if value == "" {
			m.status = req.arg[len(req.arg)-1] + " cleared"
		} else {
			m.status = build.Key(req.arg) + " = " + value + ": written when you tick a field of " + req.path[len(req.path)-1]
		}
		m.isErr = false
		return m.relayout(), nil
	}
	return m2, cmd
}

// hold records a pending argument value (replacing an earlier one for the same argument).
func (m Model) hold(req request, value string) Model {
	fk := fieldKey(req.root, req.path)
	pending := make(map[string][]build.Arg, len(m.pending)+1)
	for k, v := range m.pending {
		pending[k] = v
	}
	var list []build.Arg
	for _, a := range pending[fk] {
		if build.Key(a.Path) != build.Key(req.arg) {
			list = append(list, a)
		}
	}
	if value != "" {
		list = append(list, build.Arg{Path: req.arg, Value: value})
	}
	pending[fk] = list
	m.pending = pending
	return m
}

// pendingFor returns the pending arguments of root's fields keyed as build wants (by path).
func (m Model) pendingFor(root ast.Operation) map[string][]build.Arg {
	out := map[string][]build.Arg{}
	prefix := string(root) + "/"
	for k, v := range m.pending {
		if strings.HasPrefix(k, prefix) {
			out[strings.TrimPrefix(k, prefix)] = v
		}
	}
	return out
}

// apply runs a builder change on the document and, when it works, takes the new text, clears
// the pending arguments it used, and asks the root to apply the edit.
func (m Model) apply(root ast.Operation, change func(text string, cursor int) (build.Change, error)) (Model, tea.Cmd) {
	ch, err := change(m.text, m.cursor)
	if err != nil {
		m.status, m.isErr, m.err = err.Error(), true, err
		return m, nil
	}
	m.err = nil
	// Pending values the change wrote are in the document now.
	if m.pending != nil {
		st := build.Inspect(ch.Text, max(ch.Cursor, 0), root)
		pending := map[string][]build.Arg{}
		for k, v := range m.pending {
			if strings.HasPrefix(k, string(root)+"/") && st.Selected[strings.TrimPrefix(k, string(root)+"/")] {
				continue
			}
			pending[k] = v
		}
		m.pending = pending
	}
	replaced := m.text[ch.Edit.Start:ch.Edit.End]
	cursor := ch.Cursor
	if cursor < 0 {
		cursor = min(m.cursor, len(ch.Text))
	}
	m.text, m.cursor = ch.Text, cursor
	m = m.refresh()
	msg := EditMsg{Edit: ch.Edit, Replaced: replaced, Cursor: ch.Cursor, Declared: ch.Declared}
	return m, func() tea.Msg { return msg }
}
