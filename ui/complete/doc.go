// Package complete is the query editor's completion popup and the plumbing
// for validation as you type.
//
// The popup (Model) lists completion.Item values from completion.Complete
// and emits AcceptedMsg; Overlay draws it over the rendered screen at the
// cursor. DiagnosticsFor, Debounce, LintCmd and Linter validate the document
// off the UI goroutine once typing pauses. Nothing here holds the editor or
// the schema: the workspace owns both and wires the pieces as below.
//
// # Wiring in ui/workspace
//
// Fields: popup complete.Model (complete.New(ctx), then
// popup.SetMaxWidth(editor pane width) in SetSize), lint complete.Linter,
// and schema *schema.Schema (nil until one is loaded).
//
// Keys, in handleKey, before the workspace's own bindings (tab and esc mean
// "accept" and "close" while the popup is open, not "next pane" and
// "cancel request"); ctrl+r stays global and closes the popup:
//
//	if m.focus == PaneEditor && m.popup.Visible() {
//		var cmd tea.Cmd
//		var handled bool
//		if m.popup, cmd, handled = m.popup.Update(msg); handled {
//			return m, cmd
//		}
//	}
//	if m.focus == PaneEditor && key.Matches(msg, m.popup.KeyMap.Trigger) {
//		return m.openCompletion(), nil
//	}
//
// then the existing switch, and in the PaneEditor case after
// m.editor.Update(msg):
//
//	if m.popup.Visible() {
//		m = m.requery() // typing narrows (or closes) the list
//	}
//	m.lint, cmd2 = m.lint.Changed(m.editor.Revision())
//	return m, tea.Batch(cmd, cmd2)
//
// with
//
//	func (m Model) openCompletion() Model {
//		// Stays closed when there is nothing to suggest (or no schema).
//		m.popup = m.popup.Open(complete.Complete(m.schema, m.editor.Value(), m.editor.CursorOffset()))
//		return m
//	}
//	func (m Model) requery() Model {
//		m.popup = m.popup.Refresh(complete.Complete(m.schema, m.editor.Value(), m.editor.CursorOffset()))
//		return m
//	}
//
// Close the popup (m.popup = m.popup.Close()) on focus change, mouse click,
// run and Load.
//
// Messages, in Update:
//
//	case complete.AcceptedMsg:
//		m.editor = m.editor.InsertCompletion(msg.PrefixLen, msg.Item.Insert, msg.Item.CursorBack)
//		m.lint, cmd = m.lint.Changed(m.editor.Revision())
//		return m, cmd
//	case complete.LintRequestMsg:
//		if !m.lint.Current(msg.Rev) {
//			return m, nil // typed again since: a newer request is pending
//		}
//		return m, complete.LintCmd(m.schema, m.editor.Value(), msg.Rev)
//	case complete.LintedMsg:
//		if m.lint.Current(msg.Rev) {
//			m.editor = m.editor.SetDiagnostics(msg.Diagnostics)
//		}
//		return m, nil
//
// After SetValue (New, Load) and when a schema arrives, call
// m.lint.Reset(m.editor.Revision()) and return its command: the revision
// cannot tell that the text or the schema changed. run keeps setting the
// diagnostics it computes itself; they agree with the linter's.
//
// View, after the panes are joined, only while the editor has focus and the
// popup is open:
//
//	cx, cy := m.editor.CursorScreenPos()
//	if cy >= 0 && cy < m.editor.Height() {
//		// +1, +1: the frame's left and top border (the title sits in it).
//		view = complete.Overlay(view, m.layout.editor.x+1+cx, m.layout.editor.y+1+cy, m.popup.View())
//	}
//
// Overlaying the whole workspace view, not the editor pane's, lets the popup
// spill over the variables and results panes instead of being cut at the
// editor's frame; (x, y) are relative to whatever base is passed.
//
// Help: while the popup is open the workspace's help shows m.popup (it
// implements help.KeyMap); otherwise add m.popup.KeyMap.Trigger to the
// editor's.
//
// # Cost
//
// A keystroke while the popup is open costs one Schema.Complete (which scans
// the text before the cursor) and one popup View; see BenchmarkKeystroke.
// Validation never runs on the keystroke: it waits for LintDelay of quiet
// and runs in a command.
package complete
