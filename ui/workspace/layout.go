package workspace

// rect is a pane's box on screen.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// layout places the three panes. Wide terminals put the editors on the left and the results on
// the right; narrow ones put query and variables side by side above the results, so that each
// pane keeps a usable width down to 80 columns.
type layout struct {
	editor, vars, headers, results rect
}

// wideFrom is the width from which the side-by-side layout is used.
const wideFrom = 110

func computeLayout(width, height int) layout {
	var l layout
	if width >= wideFrom {
		left := width * 9 / 20
		varsH := max(5, height/4)
		hdrsH := max(4, height/6)
		l.editor = rect{0, 0, left, height - varsH - hdrsH}
		l.vars = rect{0, height - varsH - hdrsH, left, varsH}
		l.headers = rect{0, height - hdrsH, left, hdrsH}
		l.results = rect{left, 0, width - left, height}
		return l
	}
	// Narrow: the variables and the headers share the column beside the query, one above the
	// other.
	topH := max(8, height*2/5)
	varsW := max(24, width/3)
	hdrsH := topH / 2
	l.editor = rect{0, 0, width - varsW, topH}
	l.vars = rect{width - varsW, 0, varsW, topH - hdrsH}
	l.headers = rect{width - varsW, topH - hdrsH, varsW, hdrsH}
	l.results = rect{0, topH, width, height - topH}
	return l
}

// hit finds the pane under (x, y) and the position inside its frame's body.
func (l layout) hit(x, y int) (Pane, int, int, bool) {
	for _, c := range []struct {
		p Pane
		r rect
	}{{PaneEditor, l.editor}, {PaneVariables, l.vars}, {PaneHeaders, l.headers}, {PaneResults, l.results}} {
		if c.r.contains(x, y) {
			return c.p, x - c.r.x - 1, y - c.r.y - 1, true
		}
	}
	return 0, 0, 0, false
}
