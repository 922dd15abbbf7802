package complete

import (
	"strconv"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/toggle-explorer/toggle-explorer/query/completion"
)

// Row layout, in cells: a selection pointer, the kind marker, a space, the
// label, a two-space gap, the detail and one space of right padding.
const (
	rowChrome = 4 // pointer, marker, space before the label, right padding
	detailGap = 2
	// minInner keeps room for a few letters and the "12/200" count.
	minInner = minWidth - 2
)

// pointer marks the selected row. Colour already shows it, but not on a
// monochrome terminal or with NO_COLOR, and the goldens are ASCII.
const pointer = "›"

// View renders the popup box, or "" when it is closed. The box is as wide as
// the longest label and detail need, capped by SetMaxWidth; at most MaxRows
// items show at once. A footer line holds the selected item's description
// and, when the list scrolls, the selection's position.
func (m Model) View() string {
	if !m.visible {
		return ""
	}
	g := m.geometry()
	p := m.paint
	bd := lipgloss.RoundedBorder()
	hrule := strings.Repeat(bd.Top, g.inner)
	var b strings.Builder
	b.Grow((g.inner*3 + 96) * (m.rows() + 4))
	p.border.write(&b, bd.TopLeft+hrule+bd.TopRight)
	for i := m.list.Offset; i < m.list.Offset+m.rows(); i++ {
		b.WriteByte('\n')
		p.border.write(&b, bd.Left)
		m.writeRow(&b, g, i)
		p.border.write(&b, bd.Right)
	}
	if m.hasFooter() {
		b.WriteByte('\n')
		p.border.write(&b, bd.MiddleLeft+hrule+bd.MiddleRight)
		for line := range m.footerHeight(g.inner) {
			b.WriteByte('\n')
			p.border.write(&b, bd.Left)
			m.writeFooter(&b, g.inner, line)
			p.border.write(&b, bd.Right)
		}
	}
	b.WriteByte('\n')
	p.border.write(&b, bd.BottomLeft+strings.Repeat(bd.Bottom, g.inner)+bd.BottomRight)
	return b.String()
}

// geometry is the popup's column layout.
type geometry struct {
	inner  int // width inside the borders
	label  int // width of the label column
	detail int // width of the detail column (0: none)
}

// geometry sizes the columns from every item, not only the visible ones, so
// the box keeps its width while the selection scrolls.
func (m Model) geometry() geometry {
	labelW, detailW := 0, 0
	for _, it := range m.items {
		labelW = max(labelW, ansi.StringWidth(it.Label))
		detailW = max(detailW, ansi.StringWidth(it.Detail))
	}
	need := rowChrome + labelW
	if detailW > 0 {
		need += detailGap + detailW
	}
	g := geometry{inner: max(minInner, min(need, m.maxWidth-2))}
	avail := g.inner - rowChrome
	if detailW == 0 {
		g.label = min(labelW, avail)
		return g
	}
	// Squeezed, the label keeps at least three fifths: it is what the user
	// is matching against; the type is secondary.
	g.label = min(labelW, max(avail-detailGap-detailW, avail*3/5))
	g.detail = max(0, min(detailW, avail-g.label-detailGap))
	return g
}

// writeRow writes item i's row, exactly g.inner cells wide. The selected
// row is painted in the selection's colours from edge to edge.
func (m Model) writeRow(b *strings.Builder, g geometry, i int) {
	it := m.items[i]
	k, ptr := m.paint.normal, " "
	if i == m.list.Index {
		k, ptr = m.paint.selected, pointer
	}
	label := k.label
	if it.Deprecated {
		label = k.deprecated
	}
	text := fit(it.Label, g.label)
	k.plain.write(b, ptr)
	k.marker.write(b, kindMarker(it.Kind))
	k.plain.write(b, " ")
	label.write(b, text)
	used := 3 + ansi.StringWidth(text)
	if g.detail > 0 && it.Detail != "" {
		k.plain.write(b, strings.Repeat(" ", g.label-ansi.StringWidth(text)+detailGap))
		d := fit(it.Detail, g.detail)
		k.detail.write(b, d)
		used = 3 + g.label + detailGap + ansi.StringWidth(d)
	}
	k.plain.write(b, strings.Repeat(" ", g.inner-used))
}

// hasFooter reports whether the box has a footer: when any item has a
// description (so the box does not change height as the selection moves),
// or when the list scrolls.
func (m Model) hasFooter() bool {
	if len(m.items) > MaxRows {
		return true
	}
	for _, it := range m.items {
		if it.Doc != "" {
			return true
		}
	}
	return false
}

// maxDocLines is how many lines a description may wrap onto in the footer; a longer one ends
// in "…" on the last of them.
const maxDocLines = 3

// countText is the selection's position when the list scrolls ("3/40"), else "".
func (m Model) countText() string {
	if len(m.items) <= MaxRows {
		return ""
	}
	return strconv.Itoa(m.list.Index+1) + "/" + strconv.Itoa(len(m.items))
}

// docRoom is the footer's width for the description: a space either side, and room for the
// widest position count when the list scrolls, so wrapping does not move as the selection does.
func (m Model) docRoom(inner int) int {
	room := inner - 2
	if len(m.items) > MaxRows {
		n := len(strconv.Itoa(len(m.items)))
		room -= 2*n + 2
	}
	return max(1, room)
}

// docLines wraps a description to w cells on at most maxDocLines lines, instead of cutting it
// at the popup's edge.
func docLines(doc string, w int) []string {
	if doc == "" {
		return nil
	}
	// Line breaks in a description are the schema author's wrapping, not paragraphs to keep.
	doc = strings.Join(strings.Fields(doc), " ")
	lines := strings.Split(ansi.Wrap(fit(doc, len(doc)+1), w, " "), "\n")
	if len(lines) > maxDocLines {
		lines = lines[:maxDocLines]
		lines[maxDocLines-1] = fit(lines[maxDocLines-1]+" …", w)
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…") // a word longer than the line
	}
	return lines
}

// footerHeight is the footer's line count: enough for the longest description of any item (so
// the box keeps its height as the selection moves), at least one.
func (m Model) footerHeight(inner int) int {
	h := 1
	room := m.docRoom(inner)
	for _, it := range m.items {
		if h == maxDocLines {
			break
		}
		h = max(h, len(docLines(it.Doc, room)))
	}
	return h
}

// writeFooter writes footer line n: the selected item's description (wrapped) and, on the first
// line when the list scrolls, its position, exactly inner cells wide.
func (m Model) writeFooter(b *strings.Builder, inner, n int) {
	count := ""
	if n == 0 {
		count = m.countText()
	}
	doc := ""
	if lines := docLines(m.items[m.list.Index].Doc, m.docRoom(inner)); n < len(lines) {
		doc = lines[n]
	}
	b.WriteByte(' ')
	m.paint.doc.write(b, doc)
	b.WriteString(strings.Repeat(" ", max(0, inner-2-ansi.StringWidth(doc)-len(count))))
	m.paint.count.write(b, count)
	b.WriteByte(' ')
}

// fit cuts s to w cells, ending in "…" when it had to cut. Control and bidi
// characters and invalid UTF-8 are escaped first (display.Line): labels and
// descriptions come from the server's schema and must not reach the
// terminal raw, nor upset the width count.
func fit(s string, w int) string {
	return ansi.Truncate(display.Line(s), w, "…")
}

// kindMarker is the one-letter tag of a kind.
func kindMarker(k completion.Kind) string {
	switch k {
	case completion.Field:
		return "f"
	case completion.Argument:
		return "a"
	case completion.EnumValue:
		return "e"
	case completion.InputField:
		return "i"
	case completion.Variable:
		return "v"
	case completion.Fragment:
		return "F"
	case completion.Type:
		return "T"
	case completion.Keyword:
		return "k"
	case completion.Directive:
		return "@"
	}
	return "?"
}
