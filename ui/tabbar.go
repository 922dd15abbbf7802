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
func (m *Model) tabBar() string {
	st := m.ctx.Styles
	labels, from, to := m.tabBarLayout()
	var b strings.Builder
	if from > 0 {
		b.WriteString(st.Faint.Render("…"))
	}
	for i := from; i < to; i++ {
		style := st.Muted
		if i == m.tabs.active {
			style = st.TitleFocused.Reverse(true)
		}
		b.WriteString(style.Render(labels[i]))
	}
	if to < len(labels) {
		b.WriteString(st.Faint.Render("…"))
	}
	return ansi.Truncate(b.String(), m.ctx.Width, "…")
}

// tabBarLayout is the tabs' labels and the window [from, to) of them on show: widened around the
// active tab while it fits.
func (m *Model) tabBarLayout() (labels []string, from, to int) {
	tabs, active := m.Tabs()
	labels = make([]string, len(tabs))
	for i, ws := range tabs {
		label := fmt.Sprintf("%d %s", i+1, display.Line(ws.Title()))
		if ws.Modified() {
			label += " ●"
		}
		labels[i] = " " + ansi.Truncate(label, tabLabelWidth, "…") + " "
	}
	from, to = active, active+1
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
	return labels, from, to
}

// tabAt is the tab whose label is at column x of the tab bar.
func (m *Model) tabAt(x int) (int, bool) {
	labels, from, to := m.tabBarLayout()
	left := 0
	if from > 0 {
		left = 1 // the "…"
	}
	for i := from; i < to; i++ {
		w := lipgloss.Width(labels[i])
		if x >= left && x < left+w {
			return i, true
		}
		left += w
	}
	return 0, false
}
