package workspace

import tea "github.com/charmbracelet/bubbletea"

// EditTarget is the text an external editor would edit: the focused query, variables or headers pane, its
// text and the file extension that lets the editor highlight it. ok is false on the results pane.
func (m Model) EditTarget() (pane Pane, text, ext string, ok bool) {
	switch m.focus {
	case PaneEditor:
		return PaneEditor, m.editor.Value(), ".graphql", true
	case PaneVariables:
		return PaneVariables, m.vars.Value(), ".json", true
	case PaneHeaders:
		return PaneHeaders, m.hdrs.Value(), ".headers", true
	}
	return m.focus, "", "", false
}

// ReplaceText puts text from an external editor into pane as one undoable change (so it shows as
// unsaved, and ctrl+z brings the old text back), and checks it as typing would.
func (m *Model) ReplaceText(pane Pane, text string) tea.Cmd {
	switch pane {
	case PaneEditor:
		m.editor = m.editor.ReplaceAll(text)
		var cmd tea.Cmd
		*m, cmd = m.textChanged()
		return cmd
	case PaneVariables:
		m.vars = m.vars.ReplaceAll(text)
		m.checkVariables()
	case PaneHeaders:
		m.hdrs = m.hdrs.ReplaceAll(text)
		m.checkHeaders()
	}
	return nil
}
