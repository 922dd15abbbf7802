package build

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// Change is the outcome of one builder action.
type Change struct {
	// Edit turns the old text into Text: one byte range and its replacement.
	Edit Edit
	// Text is the whole new text.
	Text string
	// Cursor is a byte offset into Text inside the operation changed (where its definition
	// starts), so that the next action goes to the same operation; -1 when the operation was
	// removed.
	Cursor int
	// Declared lists the variables the change declared, for the variables pane.
	Declared []Variable
}

// Toggle adds the field at path (field names from the root of kind root) to the operation of
// that kind under the cursor, or removes it when it is selected there. Without such an
// operation it appends a new one named after the path's first field. New fields get the
// arguments in pending (keyed by Key(path prefix)), and variables they use are declared.
// Removing a field also removes parents left with nothing selected (the operation itself when
// its last field goes) and the declarations of variables no longer used.
func Toggle(s *ast.Schema, text string, cursor int, root ast.Operation, path []string, pending map[string][]Arg) (Change, error) {
	defs, err := fieldDefs(s, root, path)
	if err != nil {
		return Change{}, err
	}
	d, err := parse(text)
	if err != nil {
		return Change{}, err
	}
	i := d.target(cursor, root)
	if i >= 0 {
		found := walk(d.ast.Operations[i].SelectionSet, path)
		if len(found) == len(path) {
			return remove(d, i, path, found)
		}
		if st := Inspect(text, cursor, root); st.Selected[Key(path)] {
			return Change{}, fmt.Errorf("%s is selected through a fragment: edit the fragment to change it", strings.Join(path, "."))
		}
	}
	if !isLeaf(s, defs[len(defs)-1].Type) {
		return Change{}, ErrComposite
	}
	var newText string
	if i >= 0 {
		newText, err = add(s, d, i, path, defs, pending)
	} else {
		newText, i = appendOperation(s, d, root, path, defs, pending)
	}
	if err != nil {
		return Change{}, err
	}
	var vars []boundArg
	for k := range path {
		for _, a := range pending[Key(path[:k+1])] {
			vars = append(vars, boundArg{defs[k], a})
		}
	}
	return finish(s, text, newText, i, vars, nil)
}

// boundArg is an argument value with the field it is written on.
type boundArg struct {
	field *ast.FieldDefinition
	arg   Arg
}

// finish declares the variables used in args, prunes the candidates no longer used, checks the
// result parses, and builds the Change.
func finish(s *ast.Schema, old, text string, opIndex int, args []boundArg, candidates map[string]bool) (Change, error) {
	var declared []Variable
	// Declare in a stable order: the order the arguments were given.
	for _, b := range args {
		name, ok := variableName(b.arg.Value)
		if !ok {
			continue
		}
		t, err := argType(s, b.field, b.arg.Path)
		if err != nil {
			return Change{}, err
		}
		var added bool
		text, added, err = declare(text, opIndex, name, t.String())
		if err != nil {
			return Change{}, fmt.Errorf("internal error: %w", err)
		}
		if added {
			declared = append(declared, Variable{Name: name, Type: t})
		}
	}
	if len(candidates) > 0 {
		var err error
		if text, err = prune(text, opIndex, candidates); err != nil {
			return Change{}, fmt.Errorf("internal error: %w", err)
		}
	}
	d, err := parse(text)
	if err != nil {
		return Change{}, fmt.Errorf("the change would not parse (%v); nothing was changed", err)
	}
	cursor := -1
	if opIndex >= 0 && opIndex < len(d.ast.Operations) {
		cursor, _, _ = d.opRange(opIndex)
	}
	return Change{Edit: diff(old, text), Text: text, Cursor: cursor, Declared: declared}, nil
}

// variableName returns the name of a "$name" value.
func variableName(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if len(v) < 2 || v[0] != '$' {
		return "", false
	}
	return v[1:], true
}

// add inserts path[k:] into operation i, where path[:k] is already selected.
func add(s *ast.Schema, d *doc, i int, path []string, defs []*ast.FieldDefinition, pending map[string][]Arg) (string, error) {
	op := d.ast.Operations[i]
	found := walk(op.SelectionSet, path)
	k := len(found)
	t := d.t
	var braceL int
	if k == 0 {
		_, _, p := d.opRange(i)
		braceL = p.braceL
	} else {
		fp := t.field(t.at(found[k-1].Position))
		if fp.braceL < 0 {
			return "", fmt.Errorf("%s has no selection set to add to", strings.Join(path[:k], "."))
		}
		braceL = fp.braceL
	}
	return insertSelection(d.text, t, braceL, func(lay layout) string {
		return renderPath(s, path, defs, k, pending, lay)
	}), nil
}

// insertSelection adds a selection after the last one of the set opened at braceL, on its own
// line when the set spans lines (after a comment ending the last line), inline otherwise.
func insertSelection(text string, t *tokens, braceL int, render func(layout) string) string {
	braceR := t.match[braceL]
	last := t.list[braceR-1]
	open := t.list[braceL]
	multi := strings.Contains(text[open.end:t.list[braceL+1].start], "\n")
	if !multi {
		return text[:last.end] + " " + render(layout{}) + text[last.end:]
	}
	indent := indentAt(text, t.list[braceL+1].start)
	unit := strings.TrimPrefix(indent, indentAt(text, open.start))
	if unit == "" || unit == indent {
		unit = "  "
	}
	at := last.end
	if le := lineEnd(text, last.end); le < t.list[braceR].start {
		at = le // keep a comment after the last selection with it
	}
	return text[:at] + "\n" + indent + render(layout{multi: true, indent: indent, unit: unit}) + text[at:]
}

// appendOperation adds a new operation for path at the end of the text and returns the text
// and the operation's index.
func appendOperation(s *ast.Schema, d *doc, root ast.Operation, path []string, defs []*ast.FieldDefinition, pending map[string][]Arg) (string, int) {
	name := operationName(d.ast, path[0])
	body := renderPath(s, path, defs, 0, pending, layout{multi: true, indent: "  ", unit: "  "})
	op := string(root) + " " + name + " {\n  " + body + "\n}\n"
	trimmed := strings.TrimRight(nameAnonymous(d), " \t\r\n")
	if trimmed == "" {
		return op, 0
	}
	return trimmed + "\n\n" + op, len(d.ast.Operations)
}

// nameAnonymous names an anonymous operation after its first field, since an anonymous
// operation must be the only one in its document.
func nameAnonymous(d *doc) string {
	text := d.text
	for i := len(d.ast.Operations) - 1; i >= 0; i-- {
		op := d.ast.Operations[i]
		if op.Name != "" {
			continue
		}
		first := "Query"
		if len(op.SelectionSet) > 0 {
			if f, ok := op.SelectionSet[0].(*ast.Field); ok {
				first = f.Name
			}
		}
		name := operationName(d.ast, first)
		_, _, p := d.opRange(i)
		if p.keyword < 0 {
			at := d.t.list[p.braceL].start
			text = text[:at] + "query " + name + " " + text[at:]
		} else {
			at := d.t.list[p.keyword].end
			text = text[:at] + " " + name + text[at:]
		}
	}
	return text
}

// remove takes the field at path out of operation i, with the parents it leaves empty.
func remove(d *doc, i int, path []string, found []*ast.Field) (Change, error) {
	last := found[len(found)-1]
	if last.Alias != "" && last.Alias != last.Name {
		return Change{}, fmt.Errorf("%s is selected under the alias %q: the builder leaves aliases as written", strings.Join(path, "."), last.Alias)
	}
	j := len(found) - 1
	for j > 0 && len(found[j-1].SelectionSet) == 1 {
		j--
	}
	op := d.ast.Operations[i]
	candidates := map[string]bool{}
	if j == 0 && len(op.SelectionSet) == 1 {
		return removeOperation(d, i)
	}
	selectionVars(d.ast, ast.SelectionSet{found[j]}, candidates, map[string]bool{})
	text := removeField(d.text, d.t, d.t.at(found[j].Position))
	return finish(nil, d.text, text, i, nil, candidates)
}

// removeField cuts the field starting at token first out of text with the space around it:
// whole lines when it stands on its own lines, else the separator on one side.
func removeField(text string, t *tokens, first int) string {
	fp := t.field(first)
	start, end := t.list[first].start, t.list[fp.last].end
	next := fp.last + 1
	switch {
	case blankBefore(text, start) && t.list[next].start > lineEnd(text, end):
		start = lineStart(text, start)
		end = lineEnd(text, end)
		if end < len(text) && text[end] == '\r' {
			end++
		}
		if end < len(text) && text[end] == '\n' {
			end++
		}
	case !t.is(next, lexer.BraceR):
		end = t.list[next].start
	default:
		start = t.list[first-1].end
	}
	return text[:start] + text[end:]
}

// removeOperation removes operation i whole, with the blank lines after it.
func removeOperation(d *doc, i int) (Change, error) {
	start, end, p := d.opRange(i)
	t := d.t
	if p.first > 0 && (t.is(p.first-1, lexer.String) || t.is(p.first-1, lexer.BlockString)) {
		start = t.list[p.first-1].start
	}
	text := d.text
	rest := strings.TrimLeft(text[end:], " \t\r\n")
	var out string
	if rest == "" {
		out = strings.TrimRight(text[:start], " \t\r\n")
		if out != "" {
			out += "\n"
		}
	} else {
		out = text[:start] + rest
	}
	return Change{Edit: diff(text, out), Text: out, Cursor: -1}, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
