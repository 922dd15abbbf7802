// Package codeview is the read-only preview of a query and its variables shared by the saved-query
// picker and the history browser: highlighted, line-numbered, and split between the two.
package codeview

import (
	"strings"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// MinVarsLines is the least the variables get when the document and the variables do not both
// fit.
const MinVarsLines = 3

// New is a blurred editor holding text, used as a highlighted, line-numbered viewer. Each line is
// sanitised first (a file or the history may hold escape sequences); the editor draws control
// characters safely as well, so this is belt and braces.
func New(st editor.Styles, lang editor.Language, text string, w, h int) editor.Model {
	if h <= 0 {
		return editor.Model{}
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = display.Line(l)
	}
	return editor.New(editor.Options{Language: lang, Styles: st}).SetValue(strings.Join(lines, "\n")).SetSize(w, h)
}

// Split shares body lines between the document and the variables (whose share includes their
// title line). When both fit they get what they need, the variables right under the document;
// otherwise the variables get their need or a third of the pane, at least MinVarsLines, and the
// document the rest.
func Split(body, docLines int, hasVars bool, varsLines int) (docH, varsH int) {
	if hasVars {
		varsH = varsLines + 1
		if docLines+varsH > body {
			varsH = min(varsH, max(MinVarsLines, body/3))
		}
	}
	varsH = min(varsH, body)
	return min(docLines, body-varsH), varsH
}

// LineCount is the number of lines of s.
func LineCount(s string) int { return strings.Count(strings.TrimRight(s, "\n"), "\n") + 1 }
