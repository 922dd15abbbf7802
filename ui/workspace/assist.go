package workspace

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/ui/complete"
)

// The editor's assistance: completion in a popup, validation as you type (debounced, off the UI
// goroutine) and prettifying. See package complete for why each piece is where it is.

// openCompletion opens the popup at the cursor; it stays closed when there is nothing to suggest
// (or no schema).
func (m Model) openCompletion() Model {
	m.popup = m.popup.Open(complete.Complete(m.schema, m.editor.Value(), m.editor.CursorOffset()))
	return m
}

// requery narrows (or closes) the open popup after the text or the cursor changed.
func (m Model) requery() Model {
	m.popup = m.popup.Refresh(complete.Complete(m.schema, m.editor.Value(), m.editor.CursorOffset()))
	return m
}

// textChanged schedules validation of the query editor's new text.
func (m Model) textChanged() (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.lint, cmd = m.lint.Changed(m.editor.Revision())
	return m, cmd
}

// relint validates the whole text again (new text from SetValue, or a new schema: the revision
// alone cannot tell).
func (m Model) relint() (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.lint, cmd = m.lint.Reset(m.editor.Revision())
	return m, cmd
}

// updateAssist handles the completion and lint messages.
func (m Model) updateAssist(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case complete.AcceptedMsg:
		m.editor = m.editor.InsertCompletion(msg.PrefixLen, msg.Item.Insert, msg.Item.CursorBack)
		m, cmd := m.textChanged()
		return m, cmd, true
	case complete.LintRequestMsg:
		if !m.lint.Current(msg.Rev) {
			return m, nil, true // typed again since: a newer request is pending
		}
		return m, complete.LintCmd(m.schema, m.editor.Value(), msg.Rev), true
	case complete.LintedMsg:
		if m.lint.Current(msg.Rev) {
			m.editor = m.editor.SetDiagnostics(msg.Diagnostics)
		}
		return m, nil, true
	}
	return m, nil, false
}

// prettify reformats the query (query.Format keeps comments and blank lines). It refuses rather
// than drop a comment or change the document, and says why; the change is one undo step away.
func (m Model) prettify() (Model, tea.Cmd, string) {
	pretty, err := query.Format(m.editor.Value())
	var loss *query.CommentLossError
	switch {
	case errors.As(err, &loss):
		return m, nil, fmt.Sprintf("not prettified: the formatter would drop the comments on lines %v", loss.Lines)
	case err != nil:
		return m, nil, "not prettified: " + err.Error()
	case pretty == m.editor.Value():
		return m, nil, "already pretty"
	}
	m.editor = m.editor.ReplaceAll(pretty)
	m, cmd := m.textChanged()
	return m, cmd, "prettified (ctrl+z undoes it)"
}
