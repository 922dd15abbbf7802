package build

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// doc is a parsed text with its tokens.
type doc struct {
	text string
	ast  *ast.QueryDocument
	t    *tokens
}

// parse parses text; an empty or blank text is a document without definitions.
func parse(text string) (*doc, error) {
	d := &doc{text: text, ast: &ast.QueryDocument{}}
	if strings.TrimSpace(text) == "" {
		d.t = &tokens{text: text, byRune: map[int]int{}}
		return d, nil
	}
	q, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		var gerr *gqlerror.Error
		if errors.As(err, &gerr) && len(gerr.Locations) > 0 {
			return nil, fmt.Errorf("the query has a syntax error at %d:%d (%s): fix it first", gerr.Locations[0].Line, gerr.Locations[0].Column, gerr.Message)
		}
		return nil, fmt.Errorf("the query has a syntax error (%v): fix it first", err)
	}
	t, err := lex(text)
	if err != nil {
		return nil, err
	}
	d.ast, d.t = q, t
	return d, nil
}

// opRange returns the byte range of operation i, from its first token to its closing brace.
func (d *doc) opRange(i int) (start, end int, parts opParts) {
	op := d.ast.Operations[i]
	first := d.t.at(op.Position)
	parts = d.t.operation(first)
	return d.t.list[first].start, d.t.list[d.t.match[parts.braceL]].end, parts
}

// target returns the index of the operation of kind root under the cursor, or -1. A cursor
// between operations (a comment above one, as when a file was just opened) means the first
// operation after it, as running does.
func (d *doc) target(cursor int, root ast.Operation) int {
	for i, op := range d.ast.Operations {
		start, end, _ := d.opRange(i)
		if cursor <= end {
			if op.Operation == root && (cursor >= start || d.onlyBlankBetween(cursor, start)) {
				return i
			}
			return -1
		}
	}
	return -1
}

// onlyBlankBetween reports whether the text from a to b holds no other definition (white
// space, commas and comments only): the tokens between belong to no definition.
func (d *doc) onlyBlankBetween(a, b int) bool {
	for _, tk := range d.t.list {
		if tk.start >= a && tk.end <= b && tk.start < b {
			return false
		}
	}
	return true
}

// findField returns the field named name directly in set, preferring one without an alias.
func findField(set ast.SelectionSet, name string) *ast.Field {
	var aliased *ast.Field
	for _, sel := range set {
		f, ok := sel.(*ast.Field)
		if !ok || f.Name != name {
			continue
		}
		if f.Alias == "" || f.Alias == f.Name {
			return f
		}
		if aliased == nil {
			aliased = f
		}
	}
	return aliased
}

// walk follows path from set through direct fields; it returns the fields found, which may be
// fewer than the path when a step is not selected directly.
func walk(set ast.SelectionSet, path []string) []*ast.Field {
	var out []*ast.Field
	for _, name := range path {
		f := findField(set, name)
		if f == nil {
			break
		}
		out = append(out, f)
		set = f.SelectionSet
	}
	return out
}

// Edit replaces Text[Start:End] (byte offsets into the old text) with New.
type Edit struct {
	Start, End int
	New        string
}

// Apply returns text with the edit made.
func (e Edit) Apply(text string) string { return text[:e.Start] + e.New + text[e.End:] }

// diff returns the smallest single edit turning old into new.
func diff(old, new string) Edit {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	return Edit{Start: p, End: len(old) - s, New: new[p : len(new)-s]}
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(text string, off int) int {
	return strings.LastIndexByte(text[:off], '\n') + 1
}

// lineEnd returns the offset of the end of the line holding off (before its line break).
func lineEnd(text string, off int) int {
	if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
		e := off + i
		if e > 0 && text[e-1] == '\r' {
			e--
		}
		return e
	}
	return len(text)
}

// indentAt returns the white space starting the line holding off.
func indentAt(text string, off int) string {
	ls := lineStart(text, off)
	i := ls
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return text[ls:i]
}

// blankBefore reports whether only white space precedes off on its line.
func blankBefore(text string, off int) bool {
	return strings.TrimLeft(text[lineStart(text, off):off], " \t") == ""
}
