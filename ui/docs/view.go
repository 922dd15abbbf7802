package docs

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// chromeLines is what the frame's inside spends around the content: the search line, the
// breadcrumb, a rule and the footer.
const chromeLines = 4

// title is the frame's title.
const title = "Schema docs"

// View draws the browser in its width×height frame: the search input, the breadcrumb, the page
// (or the search results) and a footer.
func (m Model) View() string {
	if m.width < 12 || m.height < chromeLines+4 {
		return ""
	}
	w, rows := m.contentWidth(), m.contentHeight()
	var lines []string
	if m.schema == nil {
		lines = m.emptyLines(w)
	} else {
		lines = make([]string, 0, rows+chromeLines)
		lines = append(lines, m.searchLine(w), m.crumbLine(w), m.styles().Rule.Render(strings.Repeat("─", w)))
		content, total := m.contentLines(w, rows)
		lines = append(lines, content...)
		for range rows - len(content) {
			lines = append(lines, "")
		}
		lines = append(lines, m.footer(w, total))
	}
	for i, l := range lines {
		lines[i] = " " + l
	}
	return common.Frame(m.ctx.Styles, title, strings.Join(lines, "\n"), m.width, m.height, true)
}

// emptyLines is the empty state: why there is no schema, and how to leave.
func (m Model) emptyLines(w int) []string {
	st := m.styles()
	lines := []string{""}
	for _, l := range wrapText("No schema: "+m.reason, w, "") {
		lines = append(lines, st.Warning.Render(l))
	}
	lines = append(lines, "")
	for _, l := range wrapText("The docs need the server's schema (by introspection) or a schema file. esc closes.", w, "") {
		lines = append(lines, st.Faint.Render(l))
	}
	return lines
}

// searchLine is the search input, with the result count on the right while searching.
func (m Model) searchLine(w int) string {
	right := ""
	if m.searching() {
		right = m.styles().Faint.Render(m.countText())
	}
	left := fit(m.input.View(), w-ansi.StringWidth(right)-1)
	return pad(left, w-ansi.StringWidth(right)) + right
}

// crumbLine is the breadcrumb; a long one loses its start, the current page stays in view.
func (m Model) crumbLine(w int) string {
	st := m.styles()
	parts := m.breadcrumb()
	for i := range parts {
		parts[i] = clean(parts[i])
	}
	sep := " › "
	plain := strings.Join(parts, sep)
	if ansi.StringWidth(plain) > w {
		plain = ansi.TruncateLeft(plain, ansi.StringWidth(plain)-w+1, "…")
	}
	return st.Muted.Render(plain)
}

// contentLines is the visible part of the results, the home page or the type page, and the
// type page's length in lines (0 for the others).
func (m Model) contentLines(w, rows int) ([]string, int) {
	switch {
	case m.searching():
		return m.searchLines(w), 0
	case m.cur.typeName == "":
		return m.homeLines(w, rows), 0
	}
	var all []string
	for _, b := range m.typeBlocks(w) {
		all = append(all, b.lines...)
	}
	from := clamp(m.cur.scroll, 0, max(0, len(all)-rows))
	return all[from:min(len(all), from+rows)], len(all)
}

// homeLines draws the visible home rows only: the list can hold thousands of types.
func (m Model) homeLines(w, rows int) []string {
	st := m.styles()
	from := clamp(m.cur.scroll, 0, max(0, len(m.home)-rows))
	shown := m.home[from:min(len(m.home), from+rows)]
	lines := make([]string, 0, len(shown))
	for i, r := range shown {
		switch r.kind {
		case rowSpacer:
			lines = append(lines, "")
		case rowHeader:
			lines = append(lines, st.Section.Render(fit(r.name, w)))
		default:
			desc := r.desc
			if r.note != "" {
				desc = strings.TrimSuffix(r.note+" · "+desc, " · ")
			}
			rest := ""
			if desc != "" {
				rest = strings.Repeat(" ", max(0, m.nameCol-ansi.StringWidth(clean(r.name)))+2) + desc
			}
			lines = append(lines, m.sigLines("", r.name, rest, from+i == m.cur.row, false, false, w, 0)...)
		}
	}
	return lines
}

// footer is the last note (a type that does not exist), else where the page is; total is the
// type page's length in lines.
func (m Model) footer(w, total int) string {
	st := m.styles()
	if m.status != "" {
		return st.Warning.Render(fit(m.status, w))
	}
	rows := m.contentHeight()
	switch {
	case m.searching():
		return ""
	case m.cur.typeName == "":
		n := 0
		for _, r := range m.home {
			if r.kind == rowLink {
				n++
			}
		}
		text := strconv.Itoa(n) + " entries · " + m.keys.BuiltIns.Help().Key + " " + m.keys.BuiltIns.Help().Desc
		return st.Faint.Render(fit(text, w))
	}
	if total <= rows {
		return ""
	}
	from := clamp(m.cur.scroll, 0, total-rows)
	return st.Faint.Render(fit("lines "+strconv.Itoa(from+1)+"–"+strconv.Itoa(min(total, from+rows))+" of "+strconv.Itoa(total), w))
}
