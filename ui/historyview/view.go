package historyview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Layout: warnings on top, then the list (two fifths of the rest, at least minListHeight), then
// the preview. Below minPreviewHeight the preview is dropped and the list takes it all.
const (
	maxWarningLines  = 3
	minListHeight    = 6
	minPreviewHeight = 6
	whenWidth        = 10 // "15:04:05" or "2006-01-02"
	statusWidth      = 16 // "401 unauthorized"
	durationWidth    = 8  // "12.3 s", "2m05s"
	sizeWidth        = 9  // "1023 KiB", display.Size's widest
)

// warningLines are the load's warnings as drawn: at most maxWarningLines, the last one saying
// how many more there are.
func (m Model) warningLines() []string {
	ws := m.warnings
	if len(ws) > maxWarningLines {
		more := fmt.Sprintf("… and %d more warnings", len(ws)-maxWarningLines+1)
		ws = append(append([]string(nil), ws[:maxWarningLines-1]...), more)
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = m.ctx.Styles.Warning.Render(ansi.Truncate(display.Line("⚠ "+w), m.width, "…"))
	}
	return out
}

// listHeight is the list pane's outer height.
func (m Model) listHeight() int {
	rest := max(0, m.height-len(m.warningLines()))
	if rest-max(minListHeight, rest*2/5) < minPreviewHeight {
		return rest
	}
	return max(minListHeight, rest*2/5)
}

// previewHeight is the preview pane's outer height (0: no preview).
func (m Model) previewHeight() int {
	return max(0, m.height-len(m.warningLines())-m.listHeight())
}

// listRows is how many entries the list shows: its pane less the filter line.
func (m Model) listRows() int {
	_, h := common.FrameInner(m.width, m.listHeight())
	return max(0, h-1)
}

// View draws the warnings, the list and the preview.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	parts := append(m.warningLines(), m.listPane())
	if ph := m.previewHeight(); ph > 0 {
		parts = append(parts, m.previewPane(ph))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// listPane is the filter and the rows (or why there are none), framed.
func (m Model) listPane() string {
	st := m.ctx.Styles
	w, _ := common.FrameInner(m.width, 0)
	title := "History"
	if m.loaded {
		title = fmt.Sprintf("History %d/%d", len(m.hits), len(m.entries))
	}
	if m.scoped {
		title += " · profile " + display.Line(m.profile) + " (tab: all)"
	}
	lines := []string{m.filter.View()}
	say := func(style lipgloss.Style, s string) {
		lines = append(lines, style.Render(ansi.Truncate(display.Line(s), w, "…")))
	}
	switch {
	case !m.loaded:
		say(st.Faint, "Loading…")
	case m.loadErr != "":
		say(st.Error, "✗ cannot read the history: "+m.loadErr)
	case len(m.entries) == 0:
		say(st.Muted, "No history yet — every request you run is recorded here.")
	case len(m.hits) == 0:
		say(st.Faint, fmt.Sprintf("No entry matches %q", m.filter.Value()))
	default:
		end := min(len(m.hits), m.list.Offset+m.listRows())
		for i := m.list.Offset; i < end; i++ {
			lines = append(lines, m.row(i, w))
		}
	}
	return common.Frame(st, title, strings.Join(lines, "\n"), m.width, m.listHeight(), true)
}

// row draws hit i: marker, time, operation, outcome, duration and size. Narrow panes drop the
// duration and size first.
func (m Model) row(i, w int) string {
	st := m.ctx.Styles
	e := m.entries[m.hits[i]]
	marker, opStyle := "  ", lipgloss.NewStyle()
	if i == m.list.Index {
		marker, opStyle = st.Accent.Render("▸ "), st.Accent
	}
	tail := durationWidth + sizeWidth
	opW := w - 2 - whenWidth - 2 - statusWidth - 1 - tail
	if opW < 8 {
		tail, opW = 0, max(1, opW+tail)
	}
	op := ansi.Truncate(display.Line(operationLabel(e)+m.whereLabel(e)), opW, "…")
	status := ansi.Truncate(display.Line(formatStatus(e)), statusWidth, "…")
	out := marker + st.Faint.Render(fmt.Sprintf("%-*s", whenWidth, formatWhen(e.Time, m.ctx.Now))) + "  " +
		opStyle.Render(op) + strings.Repeat(" ", max(0, opW-lipgloss.Width(op))) + " " +
		outcomeStyle(st, e.Outcome).Render(status) + strings.Repeat(" ", max(0, statusWidth-lipgloss.Width(status)))
	if tail > 0 {
		out += st.Muted.Render(fmt.Sprintf("%*s%*s", durationWidth, display.Duration(e.Took()), sizeWidth, display.Size(e.Size)))
	}
	return out
}

// previewPane draws the selected entry's header, document and variables, framed.
func (m Model) previewPane(height int) string {
	st := m.ctx.Styles
	lines := append([]string(nil), m.header...)
	if v := m.docView.View(); v != "" {
		lines = append(lines, v)
	}
	if v := m.varsView.View(); v != "" {
		lines = append(lines, st.Muted.Render("variables (as recorded, secrets masked)"), v)
	}
	return common.Frame(st, "Entry", strings.Join(lines, "\n"), m.width, height, false)
}
