package complete

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// reset ends any style the text before it left open, so the popup is not
// painted in the colour of the token it covers.
const reset = "\x1b[m"

// Overlay draws popup over base, a rendered view, with the popup's top-left
// corner just below cell (x, y), the cursor's cell in base. When the popup
// does not fit below the cursor it goes above it; when it fits on neither
// side it takes the roomier one and is cut. It moves left when it would
// pass base's right edge, and is cut to base's width, so the result has
// base's size. Both strings may hold ANSI escape sequences: each touched line
// is spliced cell-wise as the part of base left of the popup, the popup's
// line, and the part of base right of it, with the styles of base restored
// after the popup.
func Overlay(base string, x, y int, popup string) string {
	if popup == "" || base == "" {
		return base
	}
	lines := strings.Split(base, "\n")
	pop := strings.Split(popup, "\n")
	width := 0
	for _, l := range lines {
		width = max(width, ansi.StringWidth(l))
	}
	pw := 0
	for _, l := range pop {
		pw = max(pw, ansi.StringWidth(l))
	}
	top, shown := placeRows(len(lines), len(pop), y)
	left := max(0, min(x, width-pw))
	seg := min(pw, width-left)
	if seg <= 0 {
		return base
	}
	for r := range shown {
		row := top + r
		if row < 0 || row >= len(lines) {
			continue
		}
		lines[row] = splice(lines[row], left, seg, pop[r])
	}
	return strings.Join(lines, "\n")
}

// placeRows returns the base row where the popup's first line goes and how
// many of its lines are shown, for a base of height h, a popup of ph lines
// and the cursor on row y.
func placeRows(h, ph, y int) (top, shown int) {
	below, above := h-(y+1), y
	switch {
	case ph <= below:
		return y + 1, ph
	case ph <= above:
		return y - ph, ph
	case below >= above:
		// Cut at the bottom: the first items and the top border stay.
		return y + 1, max(0, below)
	default:
		// Above, from the top of base down to the cursor's row, cut at the
		// bottom for the same reason.
		return 0, max(0, above)
	}
}

// splice replaces cells [left, left+w) of line with the first w cells of
// over, padding over to w cells and line to left cells when they are short.
// A wide character of line cut by either edge is replaced by spaces so every
// cell keeps its column.
func splice(line string, left, w int, over string) string {
	lw := ansi.StringWidth(line)
	var b strings.Builder
	b.Grow(len(line) + len(over) + 2*len(reset) + 8)

	head := ansi.Truncate(line, left, "")
	b.WriteString(head)
	if hw := ansi.StringWidth(head); hw < left {
		b.WriteString(strings.Repeat(" ", left-hw))
	}
	if strings.IndexByte(line, '\x1b') >= 0 {
		b.WriteString(reset)
	}

	over = ansi.Truncate(over, w, "")
	b.WriteString(over)
	if ow := ansi.StringWidth(over); ow < w {
		b.WriteString(strings.Repeat(" ", w-ow))
	}
	if strings.IndexByte(over, '\x1b') >= 0 {
		b.WriteString(reset)
	}

	end := left + w
	if lw <= end {
		return b.String()
	}
	// TruncateLeft keeps the escape sequences it skips, so the tail comes
	// back in the style it had at the cut.
	tail := ansi.TruncateLeft(line, end, "")
	if ansi.StringWidth(tail) > lw-end {
		// A wide character straddles the popup's right edge: drop it and
		// keep its visible half as a blank.
		tail = ansi.TruncateLeft(line, end+1, " ")
	}
	b.WriteString(tail)
	return b.String()
}
