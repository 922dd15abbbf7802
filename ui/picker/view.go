package picker

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// Layout: the list takes two fifths of the width, within these bounds; below minPreviewWidth
// of total width the preview is dropped so the names stay readable.
const (
	minListWidth    = 28
	maxListWidth    = 50
	minPreviewWidth = 60
	dateWidth       = 6 // "15:04", "Jan 02", "2006"
)

// listWidth is the list pane's outer width.
func (m Model) listWidth() int {
	if m.width < minPreviewWidth {
		return m.width
	}
	return max(minListWidth, min(maxListWidth, m.width*2/5))
}

// previewWidth is the preview pane's outer width (0: no preview).
func (m Model) previewWidth() int { return m.width - m.listWidth() }

// listInnerWidth is the text width inside the list pane.
func (m Model) listInnerWidth() int { w, _ := common.FrameInner(m.listWidth(), m.height); return w }

// listRows is the number of rows the list shows: the pane less the filter, a blank line and the
// status line.
func (m Model) listRows() int { _, h := common.FrameInner(m.listWidth(), m.height); return max(0, h-3) }

// View draws the list and the preview side by side, and the open prompt over them.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	view := m.listPane()
	if pw := m.previewWidth(); pw > 0 {
		view = lipgloss.JoinHorizontal(lipgloss.Top, view, m.previewPane(pw))
	}
	if m.dialog.open() {
		view = prompt.Overlay(view, m.dialog.box(), m.width, m.height)
	}
	return view
}

// listPane is the filter, the rows (or the empty state) and the status line, framed.
func (m Model) listPane() string {
	st := m.ctx.Styles
	w := m.listInnerWidth()
	title := "Saved queries"
	if m.loaded {
		title = fmt.Sprintf("Saved queries %d/%d", len(m.hits), len(m.items))
	}
	lines := []string{m.filter.View(), ""}
	switch {
	case !m.loaded:
		lines = append(lines, st.Faint.Render("Loading…"))
	case len(m.items) == 0 && m.loadErr == "":
		lines = append(lines, m.emptyState(w)...)
	case len(m.hits) == 0 && len(m.items) > 0:
		lines = append(lines, st.Faint.Render(ansi.Truncate(display.Line(fmt.Sprintf("No saved query matches %q", m.filter.Value())), w, "…")))
	default:
		end := min(len(m.hits), m.list.Offset+m.listRows())
		for i := m.list.Offset; i < end; i++ {
			lines = append(lines, m.row(i, w))
		}
	}
	rows := m.listRows() + 2
	for len(lines) < rows {
		lines = append(lines, "")
	}
	lines = append(lines[:rows], m.statusLine(w))
	return common.Frame(st, title, strings.Join(lines, "\n"), m.listWidth(), m.height, true)
}

// emptyState tells where saved queries live and how to make one.
func (m Model) emptyState(w int) []string {
	dir := "the queries directory"
	if m.lib != nil {
		dir = m.lib.Dir()
	}
	text := display.Line(fmt.Sprintf("No saved queries in %s yet — ctrl+s in the editor saves one.", dir))
	var out []string
	for _, l := range strings.Split(ansi.Wrap(text, w, ""), "\n") {
		out = append(out, m.ctx.Styles.Muted.Render(l))
	}
	return out
}

// row draws hit i: marker, name with matched letters marked, ⚠ for a file that does not parse,
// and the modification date at the right.
func (m Model) row(i, w int) string {
	h := m.hits[i]
	it := m.items[h.item]
	base, hl, marker := m.styles.row, m.styles.match, "  "
	if i == m.list.Index {
		base, hl, marker = m.styles.selected, m.styles.selectedMatch, m.styles.marker.Render("▸ ")
	}
	date := formatShort(it.entry.Modified, m.ctx.Now)
	warn := ""
	if it.entry.ParseError != "" {
		warn = " ⚠"
	}
	nameW := max(1, w-2-lipgloss.Width(warn)-dateWidth-1)
	name := highlight(it.orig, h.positions, nameW, base, hl)
	pad := max(0, nameW-lipgloss.Width(name))
	return marker + name + m.styles.warn.Render(warn) + base.Render(strings.Repeat(" ", pad)) + " " +
		m.styles.date.Render(fmt.Sprintf("%*s", dateWidth, date))
}

// highlight draws name cut to width cells, the runes at positions in hl and the rest in base.
// Runs of one style are rendered together, to keep the escape sequences few.
func highlight(name []rune, positions []int, width int, base, hl lipgloss.Style) string {
	cut := []rune(ansi.Truncate(string(name), width, "…"))
	kept := len(cut) // runes of name shown; a cut name ends with "…", which is never marked
	if len(cut) < len(name) {
		kept--
	}
	marked := make([]bool, len(cut))
	for _, p := range positions {
		if p < kept {
			marked[p] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(cut); {
		j := i + 1
		for j < len(cut) && marked[j] == marked[i] {
			j++
		}
		style := base
		if marked[i] {
			style = hl
		}
		b.WriteString(style.Render(string(cut[i:j])))
		i = j
	}
	return b.String()
}

// statusLine is the last change's outcome, a listing error, or nothing.
func (m Model) statusLine(w int) string {
	st := m.ctx.Styles
	switch {
	case m.errText != "":
		return st.Error.Render(ansi.Truncate(display.Line("✗ "+m.errText), w, "…"))
	case m.loadErr != "":
		return st.Error.Render(ansi.Truncate(display.Line("✗ cannot list: "+m.loadErr), w, "…"))
	case m.note != "":
		return st.Success.Render(ansi.Truncate(display.Line("✓ "+m.note), w, "…"))
	}
	return ""
}

// previewPane draws the selected query's header, document and variables, framed.
func (m Model) previewPane(width int) string {
	st := m.ctx.Styles
	title := "Preview"
	if e, ok := m.selectedEntry(); ok {
		title = display.Line(e.Name)
	}
	lines := append([]string(nil), m.header...)
	if v := m.docView.View(); v != "" {
		lines = append(lines, v)
	}
	if v := m.varsView.View(); v != "" {
		lines = append(lines, st.Muted.Render("variables"), v)
	}
	return common.Frame(st, title, strings.Join(lines, "\n"), width, m.height, false)
}
