package workspace

import (
	"iter"
	"regexp"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// savedRef names the saved query the editors hold, and the version read from disk, so a save can
// tell whether someone else changed the file meanwhile.
type savedRef struct {
	name    string
	version saved.Version
}

// Document returns what the editors hold: the query and the variables text.
func (m Model) Document() (text, variables string) { return m.editor.Value(), m.vars.Value() }

// Modified reports unsaved changes in either editor.
func (m Model) Modified() bool { return m.editor.Modified() || m.vars.Modified() || m.hdrs.Modified() }

// SavedName is the name of the saved query being edited ("" for a new one).
func (m Model) SavedName() string { return m.saved.name }

// SavedVersion is the on-disk version the editors started from (zero for a new query).
func (m Model) SavedVersion() saved.Version { return m.saved.version }

// MarkSaved records that the editors' text was saved as name at version.
func (m *Model) MarkSaved(name string, v saved.Version) {
	m.saved = savedRef{name: name, version: v}
	m.editor = m.editor.MarkSaved()
	m.vars = m.vars.MarkSaved()
	m.hdrs = m.hdrs.MarkSaved()
	m.base = base{query: m.editor.Value(), variables: m.vars.Value(), headers: m.hdrs.Value()}
}

// Load replaces both editors' text (a saved query, or a history entry when name is ""), which
// then counts as unmodified (a history entry is already kept in the history); the focus goes to
// the query.
func (m *Model) Load(name string, v saved.Version, text, variables string) tea.Cmd {
	m.saved = savedRef{name: name, version: v}
	// The response on show belongs to the query being replaced: the results title says so.
	m.resultStale = m.resultOf != ""
	m.editor = m.editor.SetValue(text)
	m.vars = m.vars.SetValue(variables)
	m.base = base{query: text, variables: variables, headers: m.base.headers}
	m.checkVariables()
	*m, _ = m.setFocus(PaneEditor)
	var cmd tea.Cmd
	*m, cmd = m.relint()
	return cmd
}

// Run runs the operation under the cursor, as ctrl+r does (for "re-run" from the history).
func (m Model) Run() (Model, tea.Cmd) { return m.run() }

// GotoOperation puts the query editor's cursor on the named operation, so ctrl+r runs it. It
// reports false when the document does not parse or has no such operation.
func (m *Model) GotoOperation(name string) bool {
	doc, err := query.Parse(m.editor.Value())
	if err != nil {
		return false
	}
	op, err := doc.Select(name)
	if err != nil {
		return false
	}
	m.editor = m.editor.GotoLine(op.Line, op.Column)
	return true
}

// SetSchema gives the workspace the schema for completion and validation (nil: none), and
// validates the query against it.
func (m *Model) SetSchema(s *schema.Schema) tea.Cmd {
	m.schema = s
	var cmd tea.Cmd
	*m, cmd = m.relint()
	return cmd
}

// FieldUnderCursor names the type and field at the query editor's cursor, for "docs of the field
// under the cursor".
func (m Model) FieldUnderCursor(s *schema.Schema) (typeName, field string, ok bool) {
	if s == nil {
		return "", "", false
	}
	return completion.FieldAt(s, m.editor.Value(), m.editor.CursorOffset())
}

// MoveCursor puts the query editor's cursor at line:col (1-based), scrolling it into view.
func (m *Model) MoveCursor(line, col int) { m.editor = m.editor.GotoLine(line, col) }

// firstOperationName is the name of the text's first operation, found by a cheap scan (the tab
// bar asks on every frame, and half-typed text does not parse): "" when the first operation is
// anonymous or there is none. The scan stops at the first operation, so it rarely reads far.
func firstOperationName(lines iter.Seq[string]) string {
	for line := range lines {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "{"):
			return "" // shorthand query: anonymous
		}
		if m := operationHead.FindStringSubmatch(line); m != nil {
			return m[1]
		}
		if anonymousHead.MatchString(line) {
			return ""
		}
	}
	return ""
}

// anonymousHead matches an operation keyword with no name after it.
var anonymousHead = regexp.MustCompile(`^(?:query|mutation|subscription)\s*[({]`)

// operationHead matches the start of a named operation.
var operationHead = regexp.MustCompile(`^(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)`)

// editorLines yields the query editor's lines without joining them (Value copies the whole text).
func (m Model) editorLines() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 1; i <= m.editor.Lines(); i++ {
			if !yield(m.editor.Line(i)) {
				return
			}
		}
	}
}
