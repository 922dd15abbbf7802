package login

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// View draws the form centred in its area.
func (m Model) View() string {
	st := m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Accent.Render("toggle-explorer"))
	b.WriteString(st.Muted.Render("  ·  log in to a Toggle GraphQL endpoint"))
	b.WriteString("\n\n")
	for _, in := range m.inputs.Get() {
		b.WriteString(in.View())
		b.WriteString("\n")
	}
	b.WriteString("\n")
	switch {
	case m.busy:
		b.WriteString(m.spinner.View() + st.Muted.Render(" logging in…"))
	case m.err != "":
		b.WriteString(st.Error.Render("✗ " + m.err))
		if m.detail != "" {
			b.WriteString("\n" + st.Warning.Render("  "+m.detail))
		}
	default:
		b.WriteString(st.Faint.Render("enter to log in · an @ in the user field means email"))
	}
	if m.hint != "" {
		b.WriteString("\n\n" + st.Faint.Render(m.hint))
	}
	box := st.Overlay.Width(min(76, max(20, m.width-4))).Render(b.String())
	out := lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
	// Place never cuts: a long server message on a short terminal would make the view taller than
	// its area, and the renderer would then scroll the form's top (the fields) off screen.
	if lines := strings.Split(out, "\n"); m.height > 0 && len(lines) > m.height {
		out = strings.Join(lines[:m.height], "\n")
	}
	return out
}
