package editor

import "slices"

// Diagnostic marks a problem in the text, such as a GraphQL syntax error.
// Positions are 1-based and count runes, as gqlparser reports them.
type Diagnostic struct {
	Line   int
	Column int
	// EndColumn is one past the last marked column on Line. When it is not
	// after Column, the word starting at Column (or one character) is marked.
	EndColumn int
	Message   string
}

// SetDiagnostics replaces the diagnostics shown. They are not moved by later
// edits: the app is expected to re-validate and set them again.
func (m Model) SetDiagnostics(d []Diagnostic) Model {
	m.diags = slices.Clone(d)
	return m
}

// Diagnostics returns the diagnostics last set.
func (m Model) Diagnostics() []Diagnostic { return slices.Clone(m.diags) }

// DiagnosticAtCursor returns the first diagnostic whose span contains the
// cursor, so the app can show its message in the status line.
func (m Model) DiagnosticAtCursor() (Diagnostic, bool) {
	for _, d := range m.diags {
		if d.Line-1 != m.cur.row {
			continue
		}
		start, end := m.diagSpan(d)
		if m.cur.col >= start && m.cur.col <= end {
			return d, true
		}
	}
	return Diagnostic{}, false
}

// diagSpan returns the 0-based rune range [start, end) that d marks on its
// line. A span starting at or past the end of the line (an error at end of
// input) is kept as is: the view then marks the cell after the text.
func (m Model) diagSpan(d Diagnostic) (start, end int) {
	start = max(0, d.Column-1)
	if d.EndColumn > d.Column {
		return start, d.EndColumn - 1
	}
	runes := []rune(m.doc.lines[d.Line-1])
	end = start
	for end < len(runes) && isWordRune(runes[end]) {
		end++
	}
	return start, max(end, start+1)
}

// lineDiags returns the spans of the diagnostics on 0-based row, or nil.
func (m Model) lineDiags(row int) [][2]int {
	var spans [][2]int
	for _, d := range m.diags {
		if d.Line-1 == row && row < len(m.doc.lines) {
			s, e := m.diagSpan(d)
			spans = append(spans, [2]int{s, e})
		}
	}
	return spans
}
