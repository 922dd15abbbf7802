package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Frame draws body inside a rounded border of exactly width×height cells, with title set into the
// top edge ("╭─ Query ───╮"). Body lines are cut or padded to the inner width and the body to the
// inner height, so a pane can never push the layout out of shape.
func Frame(st *Styles, title, body string, width, height int, focused bool) string {
	if width < 2 || height < 2 {
		return ""
	}
	border, titleStyle := st.Pane, st.Title
	if focused {
		border, titleStyle = st.PaneFocused, st.TitleFocused
	}
	edge := lipgloss.NewStyle().Foreground(border.GetBorderTopForeground())
	b := lipgloss.RoundedBorder()
	inner := width - 2

	var out strings.Builder
	out.Grow((width + 8) * height)
	// Top edge with the title.
	top := b.Top
	label := ""
	if title != "" && inner > 4 {
		label = ansi.Truncate(" "+title+" ", inner-2, "…")
	}
	fill := max(0, inner-1-lipgloss.Width(label))
	out.WriteString(edge.Render(b.TopLeft + top))
	out.WriteString(titleStyle.Render(label))
	out.WriteString(edge.Render(strings.Repeat(top, fill) + b.TopRight))

	lines := strings.Split(body, "\n")
	left, right := edge.Render(b.Left), edge.Render(b.Right)
	for i := range height - 2 {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		if w := lipgloss.Width(line); w > inner {
			line = ansi.Truncate(line, inner, "")
		} else if w < inner {
			line += strings.Repeat(" ", inner-w)
		}
		out.WriteString("\n" + left + line + right)
	}
	out.WriteString("\n" + edge.Render(b.BottomLeft+strings.Repeat(b.Bottom, inner)+b.BottomRight))
	return out.String()
}

// FrameInner is the body size Frame leaves inside a width×height box.
func FrameInner(width, height int) (int, int) { return max(0, width-2), max(0, height-2) }
