package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
	"github.com/toggle-explorer/toggle-explorer/ui/historyview"
	"github.com/toggle-explorer/toggle-explorer/ui/picker"
)

// overlay is the full-screen pane shown over the workspace, if any. One at a time: opening one
// closes the other.
type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayInspector
	overlayPicker
	overlayHistory
	overlayDocs
	overlayBuilder
)

// String names the overlay.
func (o overlay) String() string {
	switch o {
	case overlayHelp:
		return "help"
	case overlayInspector:
		return "inspector"
	case overlayPicker:
		return "saved queries"
	case overlayHistory:
		return "history"
	case overlayDocs:
		return "docs"
	case overlayBuilder:
		return "builder"
	}
	return "none"
}

// overlayHeight is the height an overlay gets: everything but the notice, the status bar and the
// help line, so the token's state and the answer to an action (copied, refreshed, saved) stay in
// sight whatever is open.
func (m Model) overlayHeight() int { return max(0, m.ctx.Height-3) }

// openPicker shows the saved-queries picker; it lists the library itself.
func (m Model) openPicker() (Model, tea.Cmd) {
	if m.opts.Library == nil {
		m.say(noticeWarn, "saved queries are not available")
		return m, nil
	}
	m.picker = picker.New(m.ctx, m.opts.Library, nil).SetSize(m.ctx.Width, m.overlayHeight())
	m.overlay = overlayPicker
	return m, m.picker.Init()
}

// openHistory shows the history browser and loads the newest entries in a command.
func (m Model) openHistory() (Model, tea.Cmd) {
	if m.opts.History == nil {
		m.say(noticeWarn, "history is off (--no-history)")
		return m, nil
	}
	m.history = historyview.New(m.ctx, nil, nil).SetSize(m.ctx.Width, m.overlayHeight())
	m.overlay = overlayHistory
	return m, historyview.LoadCmd(m.opts.History, historyLimit)
}

// historyLimit is how many executions the history browser loads.
const historyLimit = 1000

// updateOverlay gives a message to the open overlay.
func (m Model) updateOverlay(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.overlay {
	case overlayInspector:
		return m.updateInspector(msg)
	case overlayPicker:
		m.picker, cmd = m.picker.Update(msg)
	case overlayHistory:
		m.history, cmd = m.history.Update(msg)
	case overlayDocs:
		m.docs, cmd = m.docs.Update(msg)
	case overlayBuilder:
		m.builder, cmd = m.builder.Update(msg)
	}
	return m, cmd
}

// overlayView draws the open overlay above the status bar.
func (m Model) overlayView() string {
	switch m.overlay {
	case overlayInspector:
		return m.inspector.View()
	case overlayPicker:
		return m.picker.View()
	case overlayHistory:
		return m.history.View()
	case overlayDocs:
		return m.docs.View()
	case overlayBuilder:
		return m.builder.View()
	}
	return ""
}

// overlayHelp is the open overlay's key help.
func (m Model) overlayKeys() (help.KeyMap, bool) {
	switch m.overlay {
	case overlayInspector:
		return m.inspector.Help(), true
	case overlayPicker:
		return m.picker.Help(), true
	case overlayHistory:
		return m.history.Help(), true
	case overlayDocs:
		return m.docs.Help(), true
	case overlayBuilder:
		return m.builder.Help(), true
	}
	return nil, false
}

// withStatus stacks a full-height view over the notice, the status bar and the help line.
func (m Model) withStatus(view string) string {
	return lipgloss.JoinVertical(lipgloss.Left, view, m.noticeLine(), m.statusLine(), m.helpLine())
}

// openDocs shows the schema docs browser, at the field under the editor's cursor when there is
// one, or says why there is no schema.
func (m Model) openDocs() Model {
	m.docs = docs.New(m.ctx, m.schema).SetSize(m.ctx.Width, m.overlayHeight())
	switch {
	case m.schema == nil && m.schemaNote != "":
		m.docs = m.docs.SetUnavailable(m.schemaNote)
	case m.schema == nil:
		m.docs = m.docs.SetUnavailable("still loading (introspection runs in the background after login)")
	default:
		if typ, field, ok := m.workspace.FieldUnderCursor(m.schema); ok {
			m.docs = m.docs.Open(typ, field)
		}
	}
	m.overlay = overlayDocs
	return m
}

// openBuilder shows the query builder over the editor's text, its ticks following the
// operation under the editor's cursor; from a type page of the docs (typeName != "") it opens
// at the first field of that type near the roots.
func (m Model) openBuilder(typeName string) Model {
	text, cursor := m.workspace.BuildSource()
	m.builder = builder.New(m.ctx, m.schema, text, cursor).SetSize(m.ctx.Width, m.overlayHeight())
	switch {
	case m.schema == nil && m.schemaNote != "":
		m.builder = m.builder.SetUnavailable(m.schemaNote)
	case m.schema == nil:
		m.builder = m.builder.SetUnavailable("still loading (introspection runs in the background after login)")
	case typeName != "":
		var found bool
		if m.builder, found = m.builder.OpenAt(typeName); !found {
			m.say(noticeInfo, "no field of type "+display.Line(typeName)+" near the roots: the builder starts at Query and Mutation")
		}
	}
	m.overlay = overlayBuilder
	return m
}

// applyBuild hands a builder change to the workspace's editors.
func (m Model) applyBuild(msg builder.EditMsg) (Model, tea.Cmd) {
	cmd, note := m.workspace.ApplyBuild(msg.Edit, msg.Replaced, msg.Cursor, msg.Declared)
	if note != "" {
		m.say(noticeWarn, "⚠ "+note)
	}
	return m, cmd
}
