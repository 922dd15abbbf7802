package complete

import (
	"errors"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// DiagnosticsFor checks text and returns what the editor should underline.
// With a schema it runs its Validate: the syntax check, then every
// validation rule. Without one (nil: not loaded yet, or introspection is
// disabled) only the syntax is checked. Each diagnostic marks the whole
// token at its position (a name, a string, a number, a variable), or the
// cell after the text for an error at its very end. An empty document, or
// one holding only fragments, has no diagnostics: neither is a mistake
// while typing. It never panics, whatever the text.
func DiagnosticsFor(s *schema.Schema, text string) []editor.Diagnostic {
	var found []schema.Diagnostic
	if s != nil {
		found = s.Validate(text)
	} else {
		var se *query.SyntaxError
		if _, err := query.Parse(text); errors.As(err, &se) {
			found = []schema.Diagnostic{{Line: se.Line, Column: se.Column, Message: se.Message, Rule: schema.RuleSyntax}}
		}
	}
	if len(found) == 0 {
		return nil
	}
	lines := splitLines(text)
	out := make([]editor.Diagnostic, 0, len(found))
	for _, d := range found {
		line := ""
		if d.Line >= 1 && d.Line <= len(lines) {
			line = lines[d.Line-1]
		}
		out = append(out, mark(d, []rune(line)))
	}
	return out
}

// splitLines splits text at the line terminators GraphQL knows (\n, \r\n
// and a lone \r), so line numbers agree with the ones query reports. The
// editor only ever holds \n, but the text may come from elsewhere.
func splitLines(text string) []string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return strings.Split(text, "\n")
}

// mark turns d into an editor diagnostic spanning the token at its
// position. gqlparser places a string value's errors just inside its opening
// quote, and an unterminated string's at the end of the line; both then
// mark the whole literal, from its quote.
func mark(d schema.Diagnostic, line []rune) editor.Diagnostic {
	out := editor.Diagnostic{Line: d.Line, Column: d.Column, Message: d.Message}
	if start, end, ok := stringAround(line, d.Column-1); ok {
		out.Column, out.EndColumn = start+1, end+1
		return out
	}
	out.EndColumn = d.Column + tokenLen(line, d.Column-1)
	return out
}

// stringAround finds the string literal of line that rune index i falls in,
// after its opening quote (or at the end of the line, for one left open),
// and returns its rune range. Comments are skipped. A block string opened on
// an earlier line is not seen: the line is scanned on its own.
func stringAround(line []rune, i int) (start, end int, ok bool) {
	for j := 0; j < len(line); j++ {
		switch line[j] {
		case '#':
			return 0, 0, false
		case '"':
			end, closed := stringEnd(line, j)
			if j < i && (i < end || !closed && i == len(line)) {
				return j, end, true
			}
			j = end - 1
		}
	}
	return 0, 0, false
}

// tokenLen returns how many runes the GraphQL token starting at rune index i
// of line spans: a name, a $variable, an @directive, a number, a string (to
// its closing quote, or the end of the line for a block string or an
// unterminated one), a "..." spread, or one punctuator. Past the end of the
// line it is 1, so the cell after the text is marked.
func tokenLen(line []rune, i int) int {
	if i < 0 || i >= len(line) {
		return 1
	}
	n := len(line)
	name := func(j int) int {
		for j < n && isNameRune(line[j]) {
			j++
		}
		return j
	}
	end := i + 1
	switch r := line[i]; {
	case isNameStart(r):
		end = name(i + 1)
	case r == '$' || r == '@':
		end = name(i + 1)
	case r == '-' || r >= '0' && r <= '9':
		end = i + 1
		for end < n && (isNameRune(line[end]) || line[end] == '.' || line[end] == '+' || line[end] == '-') {
			end++
		}
	case r == '"':
		end, _ = stringEnd(line, i)
	case r == '.' && i+2 < n && line[i+1] == '.' && line[i+2] == '.':
		end = i + 3
	}
	return end - i
}

// stringEnd returns the rune index just after the string literal starting
// at line[i] == '"', and whether it closes on this line. A block string, or
// an unterminated string, that does not close runs to the end of the line:
// the rest is either more of it or the mistake itself.
func stringEnd(line []rune, i int) (end int, closed bool) {
	n := len(line)
	if i+2 < n && line[i+1] == '"' && line[i+2] == '"' {
		for j := i + 3; j+2 < n; j++ {
			switch {
			case line[j] == '\\' && j+3 < n && line[j+1] == '"' && line[j+2] == '"' && line[j+3] == '"':
				j += 3 // \""" is an escaped triple quote
			case line[j] == '"' && line[j+1] == '"' && line[j+2] == '"':
				return j + 3, true
			}
		}
		return n, false
	}
	for j := i + 1; j < n; j++ {
		switch line[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		}
	}
	return n, false
}

// isNameStart reports whether r may start a GraphQL name.
func isNameStart(r rune) bool { return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isNameRune reports whether r may continue a GraphQL name.
func isNameRune(r rune) bool { return isNameStart(r) || r >= '0' && r <= '9' }
