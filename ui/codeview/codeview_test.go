package codeview

import "testing"

func TestSplitPreviewLines(t *testing.T) {
	cases := []struct {
		body, doc     int
		hasVars       bool
		vars          int
		wantDoc, want int
	}{
		{20, 5, false, 0, 5, 0},  // no variables: the document takes its lines
		{20, 5, true, 3, 5, 4},   // both fit: the variables (and their title) right under it
		{12, 30, true, 10, 8, 4}, // too long: the variables get a third, the document the rest
		{6, 30, true, 10, 3, 3},  // at least MinVarsLines for the variables
		{2, 30, true, 10, 0, 2},  // never more than the pane
		{0, 5, true, 3, 0, 0},
	}
	for _, c := range cases {
		doc, vars := Split(c.body, c.doc, c.hasVars, c.vars)
		if doc != c.wantDoc || vars != c.want || doc+vars > max(c.body, 0) {
			t.Errorf("Split(%d, %d, %v, %d) = %d, %d; want %d, %d", c.body, c.doc, c.hasVars, c.vars, doc, vars, c.wantDoc, c.want)
		}
	}
}
