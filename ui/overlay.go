package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
	"github.com/toggle-explorer/toggle-explorer/ui/historyview"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/picker"
)

// overlayHeight is the height an overlay gets: everything but the notice, the status bar and the
// help line, so the token's state and the answer to an action (copied, refreshed, saved) stay in
// sight whatever is open.
func (m *Model) overlayHeight() int { return max(0, m.ctx.Height-2-max(1, m.laidNoticeRows)) }

// openPicker shows the saved-queries picker; it lists the library itself.
func (m *Model) openPicker() tea.Cmd {
	if m.opts.Library == nil {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "saved queries are not available"})
		return nil
	}
	p := picker.New(m.ctx, m.opts.Library, nil).SetSize(m.ctx.Width, m.overlayHeight())
	m.overlay = common.Wrap(p)
	return p.Init()
}

// openHistory shows the history browser and loads the newest entries in a command.
func (m *Model) openHistory() tea.Cmd {
	if m.opts.History == nil {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "history is off (--no-history)"})
		return nil
	}
	m.overlay = common.Wrap(historyview.New(m.ctx, nil, nil).SetProfile(m.profile.Name).SetSize(m.ctx.Width, m.overlayHeight()))
	return historyview.LoadCmd(m.opts.History, historyLimit)
}

// historyLimit is how many executions the history browser loads.
const historyLimit = 1000

// closeOverlay closes the open overlay; an inspector is kept for the next one to take its
// doctor report from.
func (m *Model) closeOverlay() {
	if in, ok := common.Unwrap[inspector.Model](m.overlay); ok {
		m.lastInspector = &in
	}
	m.overlay = nil
}

// updateOverlay gives a message to the open overlay, if any.
func (m *Model) updateOverlay(msg tea.Msg) tea.Cmd {
	if m.overlay == nil {
		return nil
	}
	var cmd tea.Cmd
	m.overlay, cmd = m.overlay.Update(msg)
	return cmd
}

// refreshOverlay tells the open overlay that the session or the clock moved (see
// common.RefreshMsg).
func (m *Model) refreshOverlay() tea.Cmd { return m.updateOverlay(common.RefreshMsg{}) }

// withStatus stacks a full-height view over the notice, the status bar and the help line.
func (m *Model) withStatus(view string) string {
	return lipgloss.JoinVertical(lipgloss.Left, view, m.noticeLine(), m.statusLine(), m.helpLine())
}

// openDocs shows the schema docs browser, at the field under the editor's cursor when there is
// one, or says why there is no schema.
func (m *Model) openDocs() {
	d := docs.New(m.ctx, m.schema).SetSize(m.ctx.Width, m.overlayHeight())
	switch {
	case m.schema == nil && m.schemaNote != "":
		d = d.SetUnavailable(m.schemaNote)
	case m.schema == nil:
		d = d.SetUnavailable("still loading (introspection runs in the background after login)")
	default:
		if typ, field, ok := m.workspace.FieldUnderCursor(m.schema); ok {
			d = d.Open(typ, field)
		}
	}
	m.overlay = common.Wrap(d)
}

// openBuilder shows the query builder over the editor's text, its ticks following the
// operation under the editor's cursor; from a type page of the docs (typeName != "") it opens
// at the first field of that type near the roots.
func (m *Model) openBuilder(typeName string) {
	text, cursor := m.workspace.BuildSource()
	b := builder.New(m.ctx, m.schema, text, cursor).SetSize(m.ctx.Width, m.overlayHeight())
	switch {
	case m.schema == nil && m.schemaNote != "":
		b = b.SetUnavailable(m.schemaNote)
	case m.schema == nil:
		b = b.SetUnavailable("still loading (introspection runs in the background after login)")
	case typeName != "":
		var found bool
		if b, found = b.OpenAt(typeName); !found {
			m.report(common.InfoMsg{Text: "no field of type " + typeName + " near the roots: the builder starts at Query and Mutation"})
		}
	}
	m.overlay = common.Wrap(b)
}

// applyBuild hands a builder change to the workspace's editors.
func (m *Model) applyBuild(msg builder.EditMsg) tea.Cmd {
	cmd, note := m.workspace.ApplyBuild(msg.Edit, msg.Replaced, msg.Cursor, msg.Declared)
	if note != "" {
		m.report(common.InfoMsg{Tone: common.Warning, Text: note})
	}
	return cmd
}
