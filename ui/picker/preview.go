package picker

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/codeview"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// Preview layout limits: a parse warning can be long (a full gqlparser message), but it must
// not push the document off the pane.
const (
	maxWarningLines = 3
)

// previewKey is what the preview views depend on; they are rebuilt only when it changes, so
// moving the selection costs one rebuild and redrawing costs none.
type previewKey struct {
	name          string
	width, height int
	state         int // 0 none, 1 pending, 2 error, 3 ready
	gen           int
}

// withPreviewViews builds the preview pane's parts for the selection: the header lines and
// read-only editors holding the document and the variables, sized to the pane.
func (m Model) withPreviewViews() Model {
	e, selected := m.selectedEntry()
	w, h := common.FrameInner(m.previewWidth(), m.height)
	p, cached := m.previews[e.Name]
	k := previewKey{name: e.Name, width: w, height: h, gen: m.gen}
	switch {
	case !selected:
	case p.pending:
		k.state = 1
	case p.err != nil:
		k.state = 2
	case cached:
		k.state = 3
	}
	if k == m.shown {
		return m
	}
	m.shown = k
	m.header, m.docView, m.varsView = nil, editor.Model{}, editor.Model{}
	if !selected || w <= 0 || h <= 0 {
		return m
	}
	m.header = m.previewHeader(e, p, w)
	if k.state != 3 {
		return m
	}
	body := max(0, h-len(m.header))
	docH, varsH := codeview.Split(body, codeview.LineCount(p.saved.Text), strings.TrimSpace(p.saved.Variables) != "", codeview.LineCount(p.saved.Variables))
	m.docView = codeview.New(m.styles.code, editor.GraphQL, p.saved.Text, w, docH)
	if varsH > 1 {
		m.varsView = codeview.New(m.styles.code, editor.JSON, p.saved.Variables, w, varsH-1)
	}
	return m
}

// previewHeader is what the pane says about the query above its text: operations, modification
// time, and the warning (from the listing, or from reading it) if any.
func (m Model) previewHeader(e saved.Entry, p cached, width int) []string {
	st := m.ctx.Styles
	lines := []string{
		st.Muted.Render("operations ") + operations(e, m.op, st.Accent),
		st.Muted.Render("modified   ") + formatFull(e.Modified, m.ctx.Now),
	}
	warning := e.ParseError
	if p.saved.Warning != "" {
		warning = p.saved.Warning
	}
	if warning != "" {
		wrapped := strings.Split(ansi.Wrap(display.Line("⚠ "+warning), width, ""), "\n")
		if len(wrapped) > maxWarningLines {
			wrapped = wrapped[:maxWarningLines]
			wrapped[maxWarningLines-1] = ansi.Truncate(wrapped[maxWarningLines-1], width-1, "") + "…"
		}
		for _, l := range wrapped {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	switch {
	case p.pending:
		lines = append(lines, "", st.Faint.Render("Loading…"))
	case p.err != nil:
		lines = append(lines, "", st.Error.Render(ansi.Truncate(display.Line("✗ "+p.err.Error()), width, "…")))
	default:
		lines = append(lines, "")
	}
	return lines
}

// operations lists the document's operations for the header, the one chosen with tab marked
// when there are several.
func operations(e saved.Entry, chosen int, mark lipgloss.Style) string {
	switch {
	case e.ParseError != "":
		return "?"
	case len(e.Operations) == 0:
		return "none (empty document)"
	}
	names := make([]string, len(e.Operations))
	for i, op := range e.Operations {
		names[i] = display.Line(op)
		if op == "" {
			names[i] = "(anonymous)"
		}
		if len(e.Operations) > 1 && i == chosen {
			names[i] = mark.Render("[" + names[i] + "]")
		}
	}
	s := strings.Join(names, ", ")
	if len(e.Operations) > 1 {
		s += "  (tab picks)"
	}
	return s
}
