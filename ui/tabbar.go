package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// tabLabelWidth bounds one tab's label, so nine tabs still fit at 120 columns.
const tabLabelWidth = 22

// tabBar draws the open tabs on one line: number, the query's name and ● for unsaved changes; the
// active tab stands out. When the labels do not fit, the ones farthest from the active tab give
// way to "…", so the active tab is always in sight.
func (m Model) tabBar() string {
	st := m.ctx.Styles
	tabs, active := m.Tabs()
	labels := make([]string, len(tabs))
	for i, ws := range tabs {
		label := fmt.Sprintf("%d %s", i+1, display.Line(ws.Title()))
		if ws.Modified() {
			label += " ●"
		}
		labels[i] = " " + ansi.Truncate(label, tabLabelWidth, "…") + " "
	}
	style := func(i int) lipgloss.Style {
		if i == active {
			return st.TitleFocused.Reverse(true)
		}
		return st.Muted
	}
	// Widen a window around the active tab while it fits.
	from, to := active, active+1
	width := lipgloss.Width(labels[active])
	for grew := true; grew; {
		grew = false
		if to < len(labels) && width+lipgloss.Width(labels[to])+2 <= m.ctx.Width {
			width += lipgloss.Width(labels[to])
			to++
			grew = true
		}
		if from > 0 && width+lipgloss.Width(labels[from-1])+2 <= m.ctx.Width {
			from--
			width += lipgloss.Width(labels[from])
			grew = true
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString(st.Faint.Render("…"))
	}
	for i := from; i < to; i++ {
		b.WriteString(style(i).Render(labels[i]))
	}
	if to < len(labels) {
		b.WriteString(st.Faint.Render("…"))
	}
	return ansi.Truncate(b.String(), m.ctx.Width, "…")
}
