package complete

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// ink is a style reduced to the escape sequences that open and close it, so
// painting a segment is two appends instead of a lipgloss Render (which
// measured about 70% of the popup's View before this).
type ink struct{ open, close string }

// sentinel is rendered through a style to find its escape sequences.
const sentinel = "x"

// inkOf renders the sentinel with s and splits the output around it. A
// style whose output does not hold the sentinel verbatim (a Transform, say)
// paints plain rather than emit something malformed.
func inkOf(s lipgloss.Style) ink {
	out := s.Render(sentinel)
	i := strings.Index(out, sentinel)
	if i < 0 || strings.Contains(out, "\n") {
		return ink{}
	}
	return ink{open: out[:i], close: out[i+len(sentinel):]}
}

// write paints text, or nothing when it is empty.
func (k ink) write(b *strings.Builder, text string) {
	if text == "" {
		return
	}
	b.WriteString(k.open)
	b.WriteString(text)
	b.WriteString(k.close)
}

// rowInks are the inks of one row's parts.
type rowInks struct {
	plain, marker, label, deprecated, detail ink
}

// paints holds every ink the popup uses, computed once per Styles value.
// It is never modified after newPaints, so Model copies share it.
type paints struct {
	border, doc, count ink
	normal, selected   rowInks
}

// newPaints precomputes the inks of st.
func newPaints(st Styles) *paints {
	return &paints{
		border: inkOf(st.Border),
		doc:    inkOf(st.Doc),
		count:  inkOf(st.Count),
		normal: rowInks{
			marker:     inkOf(st.Marker),
			label:      inkOf(st.Label),
			deprecated: inkOf(st.Deprecated),
			detail:     inkOf(st.Detail),
		},
		selected: rowInks{
			plain:      inkOf(st.Selected),
			marker:     inkOf(st.selected(st.Marker)),
			label:      inkOf(st.selected(st.Label)),
			deprecated: inkOf(st.selected(st.Deprecated)),
			detail:     inkOf(st.selected(st.Detail)),
		},
	}
}
