package historyview

import (
	"encoding/json"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/codeview"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// Preview limits: an error summary is one line when recorded, but may be long; it must not push
// the document off the pane. The variables get at most a third of it.
const (
	maxErrorLines = 2
)

// previewKey is what the preview parts depend on; they are rebuilt only when it changes.
type previewKey struct {
	entry         int // index into entries, -1 for none
	width, height int
}

// withPreview builds the preview pane's parts for the selected entry: header lines and read-only
// editors holding the document and the variables. It runs in Update, so View only draws.
func (m Model) withPreview() Model {
	w, h := common.FrameInner(m.width, m.previewHeight())
	k := previewKey{entry: -1, width: w, height: h}
	e, ok := m.Selected()
	if ok {
		k.entry = m.hits[m.list.Index]
	}
	// Only an entry whose response was kept can be compared with.
	m.keys.Compare.SetEnabled(ok && e.Response != "")
	if k == m.shown {
		return m
	}
	m.shown = k
	m.header, m.docView, m.varsView = nil, editor.Model{}, editor.Model{}
	if !ok || w <= 0 || h <= 0 {
		return m
	}
	m.header = m.previewHeader(e, w)
	body := max(0, h-len(m.header))
	vars := variablesText(e.Variables)
	docH, varsH := codeview.Split(body, codeview.LineCount(e.Document), vars != "", codeview.LineCount(vars))
	m.docView = codeview.New(m.code, editor.GraphQL, e.Document, w, docH)
	if varsH > 1 {
		m.varsView = codeview.New(m.code, editor.JSON, vars, w, varsH-1)
	}
	return m
}

// previewHeader is what the pane says about the entry above its document.
func (m Model) previewHeader(e history.Entry, width int) []string {
	st := m.ctx.Styles
	clean := func(s string) string { return ansi.Truncate(display.Line(s), width, "…") }
	when := e.Time.In(m.ctx.Now.Location()).Format("2006-01-02 15:04:05")
	kind := e.OperationKind
	if kind == "" {
		kind = "operation"
	}
	lines := []string{
		clean(when + " · " + kind + " " + operationLabelName(e)),
		st.Muted.Render("status   ") + outcomeStyle(st, e.Outcome).Render(clean(formatStatus(e))) +
			st.Muted.Render(" · ") + display.Duration(e.Took()) + st.Muted.Render(" · ") + display.Size(e.Size),
		st.Muted.Render("endpoint ") + clean(e.Endpoint),
	}
	if e.Profile != "" {
		lines = append(lines, st.Muted.Render("profile  ")+clean(e.Profile))
	}
	if e.TokenFingerprint != "" {
		lines = append(lines, st.Muted.Render("token    ")+clean("fingerprint "+e.TokenFingerprint))
	}
	if e.Response != "" {
		lines = append(lines, st.Muted.Render("response ")+clean("kept · ctrl+d compares the one on show with it"))
	}
	if e.ErrorSummary != "" {
		wrapped := strings.Split(ansi.Wrap(display.Line("✗ "+e.ErrorSummary), width, ""), "\n")
		if len(wrapped) > maxErrorLines {
			wrapped = wrapped[:maxErrorLines]
			wrapped[maxErrorLines-1] = ansi.Truncate(wrapped[maxErrorLines-1], width-1, "") + "…"
		}
		for _, l := range wrapped {
			lines = append(lines, st.Error.Render(l))
		}
	}
	return append(lines, "")
}

// operationLabelName is the operation's name for the preview's first line.
func operationLabelName(e history.Entry) string {
	if e.Operation == "" {
		return "(anonymous)"
	}
	return e.Operation
}

// variablesText is the recorded variables as indented JSON ("" when there are none). They were
// masked when recorded; nothing here unmasks them.
func variablesText(vars map[string]any) string {
	if len(vars) == 0 {
		return ""
	}
	b, err := json.MarshalIndent(vars, "", "  ")
	if err != nil {
		return "" // unreachable for values decoded from JSON
	}
	return string(b)
}
