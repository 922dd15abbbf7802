package builder

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// View draws the builder: the filter line, the tree, and a two-line footer (the argument
// prompt, or the status and the selected node's description).
func (m Model) View() string {
	if m.width < 4 || m.height < 4 {
		return ""
	}
	w, h := common.FrameInner(m.width, m.height)
	w = max(1, w-2) // one cell of margin on each side
	var lines []string
	title := "Query builder"
	if m.schema == nil {
		lines = append(lines, fit(" "+m.st.err.Render("No schema: "+clean(m.reason)), w+1))
		return common.Frame(m.ctx.Styles, title, strings.Join(lines, "\n"), m.width, m.height, true)
	}
	if st := m.state; st != nil {
		for _, op := range []string{st["query"].Operation, st["mutation"].Operation} {
			if op != "" {
				title += " · " + clean(op)
				break
			}
		}
	}
	if m.filter != "" {
		lines = append(lines, " "+m.st.filter.Render("filter: "+m.filter+"▏")+m.st.faint.Render(matches(len(m.rows), m.capped)))
	} else {
		lines = append(lines, " "+m.st.faint.Render(fit("type to filter · space ticks a field · enter expands or edits an argument · $ makes it a variable", w)))
	}
	lh := h - 3
	for i := m.scroll; i < len(m.rows) && i < m.scroll+lh; i++ {
		lines = append(lines, m.rowLine(m.rows[i], i == m.sel, w))
	}
	if len(m.rows) == 0 {
		lines = append(lines, " "+m.st.faint.Render("nothing matches "+m.filter))
	}
	for len(lines) < h-2 {
		lines = append(lines, "")
	}
	lines = append(lines, m.footer(w)...)
	return common.Frame(m.ctx.Styles, title, strings.Join(lines, "\n"), m.width, m.height, true)
}

// matches counts the rows the filter shows, and says when it stopped at maxSearchHits.
func matches(n int, capped bool) string {
	more := ""
	if capped {
		more = " (the first " + itoa(maxSearchHits) + " matches: type more)"
	}
	if n == 1 {
		return "  1 row" + more
	}
	return "  " + itoa(n) + " rows" + more
}

// rowLine draws one row: a cursor mark, the indentation, the expansion mark, a tick box for
// fields, the name and type, then the deprecation and the description's first line.
func (m Model) rowLine(r row, selected bool, w int) string {
	st := m.st
	var b strings.Builder
	if selected {
		b.WriteString("›")
	} else {
		b.WriteString(" ")
	}
	b.WriteString(strings.Repeat("  ", max(0, r.depth)))
	switch {
	case r.expanded:
		b.WriteString("▾ ")
	case r.expandable:
		b.WriteString("▸ ")
	default:
		b.WriteString("  ")
	}
	name := clean(r.name)
	switch r.kind {
	case rowRoot:
		b.WriteString(lipgloss.NewStyle().Bold(true).Render(name))
	case rowField:
		switch {
		case r.viaFrag:
			b.WriteString(st.selected.Render("[~]"))
		case r.selected:
			b.WriteString(st.selected.Render("[x]"))
		default:
			b.WriteString("[ ]")
		}
		b.WriteString(" ")
		if selected {
			name = st.sel.Render(name)
		}
		b.WriteString(name + " " + st.typ.Render(clean(r.typ.String())))
	case rowArg:
		label := name + ":"
		if selected {
			label = st.sel.Render(label)
		}
		b.WriteString(st.arg.Render("◦ ") + label + " " + st.typ.Render(clean(r.typ.String())))
		if r.value != "" {
			b.WriteString(" = " + st.value.Render(clean(r.value)))
			if r.pending {
				b.WriteString(st.pending.Render(" (held)"))
			}
		} else if r.required {
			b.WriteString(st.pending.Render(" required"))
		}
	}
	if r.deprecated != "" {
		b.WriteString(" " + st.deprecated.Render("deprecated"))
	}
	line := b.String()
	if desc := firstLine(r.desc); desc != "" {
		if room := w - lipgloss.Width(line) - 2; room > 8 {
			line += "  " + st.desc.Render(fit(clean(desc), room))
		}
	}
	return fit(line, w+1)
}

// footer is the prompt when open, else the status and the selected node's details.
func (m Model) footer(w int) []string {
	st := m.st
	if e := m.entry; e != nil {
		label := " " + clean(strings.Join(e.req.arg, ".")) + " (" + clean(e.req.typ.String()) + "): "
		var first string
		if e.choices != nil {
			var parts []string
			for i, c := range e.choices {
				if i == e.choice {
					parts = append(parts, st.sel.Render("‹"+c+"›"))
				} else {
					parts = append(parts, " "+c+" ")
				}
			}
			first = label + strings.Join(parts, "")
		} else {
			in := e.input
			in.Width = max(1, w-lipgloss.Width(label)-1)
			first = label + in.View()
		}
		second := " " + st.faint.Render("enter sets · $ makes it a variable · esc cancels")
		if e.problem != "" {
			second = " " + st.err.Render(clean(e.problem))
		} else if n := len(e.queue); e.toggle != nil {
			second = " " + st.faint.Render("required by "+clean(e.toggle[len(e.toggle)-1])+" ("+itoa(n)+" more after this) · enter sets · $ variable · esc cancels")
		}
		return []string{fit(first, w+1), fit(second, w+1)}
	}
	var status string
	if m.status != "" {
		if m.isErr {
			status = " " + st.err.Render("✗ "+clean(m.status))
		} else {
			status = " " + st.faint.Render(clean(m.status))
		}
	}
	detail := ""
	if r, ok := m.current(); ok {
		switch {
		case r.deprecated != "":
			detail = " " + st.deprecated.Render("deprecated: "+clean(firstLine(r.deprecated)))
		case r.kind == rowField && r.viaFrag:
			detail = " " + st.faint.Render("selected through a fragment: edit the fragment to change it")
		}
	}
	return []string{fit(status, w+1), fit(detail, w+1)}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// clean escapes text from the schema or the document before it reaches the terminal.
func clean(s string) string { return display.Line(s) }

func fit(s string, w int) string { return ansi.Truncate(s, max(0, w), "…") }

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
