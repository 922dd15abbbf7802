package workspace

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/query/tabstate"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// base is what the editors held when last opened or saved: a restart restores it under unsaved
// changes, so ● and undo survive.
type base struct{ query, variables, headers string }

// Snapshot describes the workspace for the tabs file: text, cursors, scroll positions, focus and
// the saved query it edits. The result is not part of it: a response may hold data that has no
// business on disk, and it is one ctrl+r away.
func (m Model) Snapshot() tabstate.Tab {
	t := tabstate.Tab{
		Name:            m.saved.name,
		Query:           m.editor.Value(),
		Variables:       m.vars.Value(),
		Focus:           m.focus.String(),
		QueryCursor:     cursorOf(m.editor),
		VariablesCursor: cursorOf(m.vars),
		Headers:         m.hdrs.Value(),
		HeadersCursor:   cursorOf(m.hdrs),
	}
	if !m.saved.version.IsZero() {
		t.SavedVersion = m.saved.version.String()
	}
	if m.editor.Modified() {
		q := m.base.query
		t.BaseQuery = &q
	}
	if m.vars.Modified() {
		v := m.base.variables
		t.BaseVariables = &v
	}
	if m.hdrs.Modified() {
		h := m.base.headers
		t.BaseHeaders = &h
	}
	return t
}

func cursorOf(e editor.Model) tabstate.Cursor {
	line, col := e.Cursor()
	return tabstate.Cursor{Line: line, Column: col, Top: e.Top()}
}

// Restore puts a tab from the tabs file back: its text over its base (so unsaved changes show as
// such), cursors, scroll positions and focus. v is the saved query's version when its files are
// unchanged since (zero otherwise). Call it once the workspace has its size, so the scroll
// positions hold.
func (m *Model) Restore(t tabstate.Tab, v saved.Version) tea.Cmd {
	m.saved = savedRef{name: t.Name, version: v}
	m.editor = restoreEditor(m.editor, t.Query, t.BaseQuery, t.QueryCursor)
	m.vars = restoreEditor(m.vars, t.Variables, t.BaseVariables, t.VariablesCursor)
	m.hdrs = restoreEditor(m.hdrs, t.Headers, t.BaseHeaders, t.HeadersCursor)
	m.base = base{query: t.Query, variables: t.Variables, headers: t.Headers}
	if t.BaseHeaders != nil {
		m.base.headers = *t.BaseHeaders
	}
	if t.BaseQuery != nil {
		m.base.query = *t.BaseQuery
	}
	if t.BaseVariables != nil {
		m.base.variables = *t.BaseVariables
	}
	m.checkVariables()
	m.checkHeaders()
	focus := PaneEditor
	for p := PaneEditor; p < paneCount; p++ {
		if p.String() == t.Focus {
			focus = p
		}
	}
	*m, _ = m.setFocus(focus)
	var cmd tea.Cmd
	*m, cmd = m.relint()
	return cmd
}

// restoreEditor sets text (over baseText as one undoable change when there is one), then the
// cursor and the scroll position.
func restoreEditor(e editor.Model, text string, baseText *string, c tabstate.Cursor) editor.Model {
	if baseText != nil {
		e = e.SetValue(*baseText).ReplaceAll(text)
	} else {
		e = e.SetValue(text)
	}
	return e.GotoLine(c.Line, c.Column).SetTop(c.Top)
}
