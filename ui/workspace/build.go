package workspace

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/build"
)

// ApplyBuild applies a change of the query builder: the edit to the query editor as one undo
// step with the cursor moved to cursor (a byte offset; negative leaves it after the edit), and
// the variables it declared to the variables pane with placeholders (also one undo step there).
// replaced is the text the edit expects to replace. It returns the validation command, and a note when the variables could not be added (their
// text is not a JSON object: it is left alone).
func (m *Model) ApplyBuild(e build.Edit, replaced string, cursor int, declared []build.Variable) (tea.Cmd, string) {
	if text := m.editor.Value(); e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != replaced {
		// The builder edits what the editor held when it opened; refuse rather than garble.
		return nil, "the query changed under the builder: nothing applied (open it again)"
	}
	m.editor = m.editor.ReplaceRange(e.Start, e.End, e.New, cursor)
	note := ""
	if len(declared) > 0 && m.schema != nil {
		vars, err := build.AddVariables(m.schema.AST(), m.vars.Value(), declared)
		if err != nil {
			note = err.Error()
		} else {
			m.vars = m.vars.ReplaceAll(vars)
			m.checkVariables()
		}
	}
	var cmd tea.Cmd
	*m, cmd = m.textChanged()
	return cmd, note
}

// BuildSource returns what the query builder starts from: the query text and the editor's
// cursor as a byte offset.
func (m Model) BuildSource() (string, int) { return m.editor.Value(), m.editor.CursorOffset() }
