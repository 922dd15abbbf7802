package historyview

import (
	"encoding/json"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// Preview limits: an error summary is one line when recorded, but may be long; it must not push
// the document off the pane. The variables get at most a third of it.
const (
	maxErrorLines = 2
	minVarsLines  = 3
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
		k.entry = m.hits[m.cursor]
	}
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
	docH, varsH := split(body, lineCount(e.Document), vars != "", lineCount(vars))
	m.docView = codeView(m.code, editor.GraphQL, e.Document, w, docH)
	if varsH > 1 {
		m.varsView = codeView(m.code, editor.JSON, vars, w, varsH-1)
	}
	return m
}

// previewHeader is what the pane says about the entry above its document.
func (m Model) previewHeader(e query.HistoryEntry, width int) []string {
	st := m.ctx.Styles
	clean := func(s string) string { return ansi.Truncate(results.Sanitize(s), width, "…") }
	when := e.Time.In(m.ctx.Now.Location()).Format("2006-01-02 15:04:05")
	kind := e.OperationKind
	if kind == "" {
		kind = "operation"
	}
	lines := []string{
		clean(when + " · " + kind + " " + operationLabelName(e)),
		st.Muted.Render("status   ") + outcomeStyle(st, e.Outcome).Render(clean(formatStatus(e))) +
			st.Muted.Render(" · ") + formatDuration(e.DurationMS) + st.Muted.Render(" · ") + formatSize(e.Size),
		st.Muted.Render("endpoint ") + clean(e.Endpoint),
	}
	if e.TokenFingerprint != "" {
		lines = append(lines, st.Muted.Render("token    ")+clean("fingerprint "+e.TokenFingerprint))
	}
	if e.ErrorSummary != "" {
		wrapped := strings.Split(ansi.Wrap(results.Sanitize("✗ "+e.ErrorSummary), width, ""), "\n")
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
func operationLabelName(e query.HistoryEntry) string {
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

// codeView is a blurred editor holding text, used as a highlighted, line-numbered viewer. Each
// line is sanitised first; the editor also draws control characters safely.
func codeView(st editor.Styles, lang editor.Language, text string, w, h int) editor.Model {
	if h <= 0 {
		return editor.Model{}
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = results.Sanitize(l)
	}
	return editor.New(editor.Options{Language: lang, Styles: st}).SetValue(strings.Join(lines, "\n")).SetSize(w, h)
}

// split shares body lines between the document and the variables (whose share includes their
// title line). When both fit they get what they need, the variables right under the document;
// otherwise the variables get their need or a third of the pane, at least minVarsLines, and the
// document the rest.
func split(body, docLines int, hasVars bool, varsLines int) (docH, varsH int) {
	if hasVars {
		varsH = varsLines + 1
		if docLines+varsH > body {
			varsH = min(varsH, max(minVarsLines, body/3))
		}
	}
	varsH = min(varsH, body)
	return min(docLines, body-varsH), varsH
}

// lineCount is the number of lines of s.
func lineCount(s string) int { return strings.Count(strings.TrimRight(s, "\n"), "\n") + 1 }
