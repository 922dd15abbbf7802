package docs

import (
	"strconv"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// runSearch searches the schema for the input's text and selects the first result. Search
// ranks exact, prefix then substring matches, and "Type.field" looks inside matching types.
func (m Model) runSearch() Model {
	m.resSel, m.resScroll = 0, 0
	m.results, m.more = nil, false
	q := strings.TrimSpace(m.input.Value())
	if q == "" || m.schema == nil {
		return m
	}
	// One more than shown tells whether there are more.
	m.results = m.schema.Search(q, searchLimit+1)
	if len(m.results) > searchLimit {
		m.results, m.more = m.results[:searchLimit], true
	}
	return m
}

// previewRows is how many rows the selected result's description gets under the list.
const previewRows = 3

// searchLayout splits the content rows between the results list and the preview below it
// (a rule and up to previewRows of description), leaving the list at least half.
func (m Model) searchLayout() (listRows, preview int) {
	rows := m.contentHeight()
	preview = min(previewRows, max(0, rows/2-1))
	if len(m.results) == 0 || preview == 0 {
		return rows, 0
	}
	return rows - preview - 1, preview
}

// shortKind is the result kind column's text.
func shortKind(kind string) string {
	switch kind {
	case "input field":
		return "input"
	case "argument":
		return "arg"
	case "enum value":
		return "value"
	}
	return kind
}

// kindCol is the width of the result kind column ("value" and "field" are the widest).
const kindCol = 6

// entryPath names a result the way a breadcrumb would: "Card", "Card.balance",
// "Query.Cards(page)" or "CardState.ACTIVE".
func entryPath(e schema.DocEntry) string {
	switch {
	case e.Field == "":
		return e.Type
	case e.Arg != "":
		return e.Type + "." + e.Field + "(" + e.Arg + ")"
	}
	return e.Type + "." + e.Field
}

// searchLines draws the visible results and the selected one's description.
func (m Model) searchLines(width int) []string {
	st := m.styles()
	if len(m.results) == 0 {
		return []string{st.Faint.Render(fit("No matches for “"+clean(strings.TrimSpace(m.input.Value()))+"”.", width))}
	}
	listRows, preview := m.searchLayout()
	from := clamp(m.resScroll, 0, max(0, len(m.results)-listRows))
	shown := m.results[from:min(len(m.results), from+listRows)]
	pathCol := 0
	for _, e := range shown {
		pathCol = max(pathCol, lenRunes(entryPath(e)))
	}
	pathCol = min(pathCol, width/2)

	lines := make([]string, 0, listRows+preview+1)
	for i, e := range shown {
		lines = append(lines, m.resultLine(e, from+i == m.resSel, width, pathCol))
	}
	if preview == 0 {
		return lines
	}
	for len(lines) < listRows {
		lines = append(lines, "")
	}
	lines = append(lines, st.Rule.Render(strings.Repeat("─", width)))
	e := m.results[m.resSel]
	desc := wrapText(e.Description, width, "")
	if e.Deprecated != "" {
		desc = append(wrapText("deprecated: "+e.Deprecated, width, ""), desc...)
	}
	if len(desc) == 0 {
		desc = []string{st.Faint.Render("No description.")}
	}
	if len(desc) > preview {
		desc = desc[:preview]
		desc[preview-1] = fit(desc[preview-1]+" …", width)
	}
	return append(lines, desc...)
}

// resultLine is one result: kind, path, then the rest of the signature (what the path does
// not already say) and the description's first line. The path is struck through when the
// element is deprecated.
func (m Model) resultLine(e schema.DocEntry, selected bool, width, pathCol int) string {
	st := m.styles()
	path := fit(clean(entryPath(e)), pathCol)
	detail := clean(entryDetail(e))
	if e.Deprecated != "" {
		detail = strings.TrimSpace("deprecated · " + detail)
	}
	if d := firstLine(e.Description); d != "" {
		detail = strings.TrimSpace(detail + "  " + st.Faint.Render(d))
	}
	line := m.marker(selected) + st.Kind.Render(pad(shortKind(e.Kind), kindCol)) +
		pad(m.nameStyle(selected, e.Deprecated != "").Render(path), pathCol+2) + st.Type.Render(detail)
	return fit(line, width)
}

// entryDetail is the part of a result's signature its path does not show: a type's keyword
// (and a union's members), a field's arguments and type, an argument's type and default.
func entryDetail(e schema.DocEntry) string {
	switch e.Kind {
	case "type":
		return e.Signature
	case "enum value":
		return ""
	case "argument":
		rest := strings.TrimPrefix(e.Signature, e.Type+"."+e.Field+"("+e.Arg)
		return strings.TrimSuffix(rest, ")")
	}
	return strings.TrimPrefix(e.Signature, e.Field)
}

// countText is the result count for the search line: "12 matches", or "200+ matches".
func (m Model) countText() string {
	n := strconv.Itoa(len(m.results))
	if m.more {
		n += "+"
	}
	if len(m.results) == 1 {
		return n + " match"
	}
	return n + " matches"
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}
