package build

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// SetArg writes arg on the field at path in the operation of kind root under the cursor,
// replacing a value already there (or removing it when arg.Value is ""), and declares a
// variable it uses with the type of its position. On a leaf field not yet selected it selects
// the field with the argument (and the pending ones); on an object field not yet selected it
// returns ErrNotSelected.
func SetArg(s *ast.Schema, text string, cursor int, root ast.Operation, path []string, arg Arg, pending map[string][]Arg) (Change, error) {
	defs, err := fieldDefs(s, root, path)
	if err != nil {
		return Change{}, err
	}
	f := defs[len(defs)-1]
	if len(arg.Path) == 0 {
		return Change{}, errors.New("no argument named")
	}
	t, err := argType(s, f, arg.Path)
	if err != nil {
		return Change{}, err
	}
	if name, ok := variableName(arg.Value); ok && !validName(name) {
		return Change{}, fmt.Errorf("%q is not a variable name (letters, digits and _, not starting with a digit)", name)
	}
	d, err := parse(text)
	if err != nil {
		return Change{}, err
	}
	i := d.target(cursor, root)
	var found []*ast.Field
	if i >= 0 {
		found = walk(d.ast.Operations[i].SelectionSet, path)
	}
	if len(found) < len(path) {
		if arg.Value == "" {
			return Change{}, ErrNotSelected
		}
		if !isLeaf(s, f.Type) {
			return Change{}, ErrNotSelected
		}
		merged := map[string][]Arg{}
		for k, v := range pending {
			merged[k] = v
		}
		merged[Key(path)] = append(append([]Arg(nil), merged[Key(path)]...), arg)
		return Toggle(s, text, cursor, root, path, merged)
	}
	field := found[len(found)-1]
	newText, old, err := writeArg(s, d, field, f, arg, t)
	if err != nil {
		return Change{}, err
	}
	candidates := map[string]bool{}
	valueVars(old, candidates)
	if name, ok := variableName(arg.Value); ok {
		delete(candidates, name)
	}
	return finish(s, text, newText, i, []boundArg{{f, arg}}, candidates)
}

// validName reports whether s is a GraphQL name.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// writeArg returns the text with arg written on field, and the value it replaced (nil if none).
func writeArg(s *ast.Schema, d *doc, field *ast.Field, f *ast.FieldDefinition, arg Arg, t *ast.Type) (string, *ast.Value, error) {
	text, tk := d.text, d.t
	fp := tk.field(tk.at(field.Position))
	a := field.Arguments.ForName(arg.Path[0])
	if a == nil {
		if arg.Value == "" {
			return text, nil, nil
		}
		rendered := strings.TrimSuffix(strings.TrimPrefix(renderArgs(s, f, []Arg{arg}), "("), ")")
		if fp.parenL >= 0 {
			at := tk.list[tk.match[fp.parenL]-1].end
			return text[:at] + ", " + rendered + text[at:], nil, nil
		}
		at := tk.list[fp.name].end
		return text[:at] + "(" + rendered + ")" + text[at:], nil, nil
	}
	// Descend through input objects as far as the text goes.
	items := argItems(field.Arguments)
	idx := indexOf(items, a.Name)
	v := a.Value
	var argT *ast.Type
	if ad := f.Arguments.ForName(a.Name); ad != nil {
		argT = ad.Type
	}
	container := fp.parenL
	consumed := 1
	for ; consumed < len(arg.Path); consumed++ {
		depthI := consumed
		if v.Kind == ast.ListValue && len(v.Children) > 0 && v.Children[0].Value.Kind == ast.ObjectValue {
			v = v.Children[0].Value
		}
		if v.Kind != ast.ObjectValue {
			break // a variable, null or scalar: replaced by an object below
		}
		def := s.Types[argT.Name()]
		name := arg.Path[depthI]
		var childT *ast.Type
		if def != nil {
			if fd := def.Fields.ForName(name); fd != nil {
				childT = fd.Type
			}
		}
		open := tk.at(v.Position)
		children := childItems(v.Children)
		ci := indexOf(children, name)
		if ci < 0 {
			if arg.Value == "" {
				return text, nil, nil
			}
			rendered := renderValue(s, argTree([]Arg{{Path: arg.Path[depthI:], Value: arg.Value}}), nil)
			rendered = strings.TrimSuffix(strings.TrimPrefix(rendered, "{ "), " }")
			if len(v.Children) == 0 {
				closeB := tk.match[open]
				return text[:tk.list[open].end] + " " + rendered + " " + text[tk.list[closeB].start:], nil, nil
			}
			at := tk.list[tk.match[open]-1].end
			return text[:at] + ", " + rendered + text[at:], nil, nil
		}
		items, idx, container = children, ci, open
		v, argT = v.Children[ci].Value, childT
	}
	// v is the value to replace (or remove, with its name).
	if arg.Value == "" && consumed < len(arg.Path) {
		return text, nil, nil // the field to remove is not there
	}
	vs := tk.at(v.Position)
	if vs < 0 {
		return "", nil, fmt.Errorf("internal error: no token for the value of %s", strings.Join(arg.Path, "."))
	}
	ve := tk.valueEnd(vs)
	if arg.Value != "" {
		newV := arg.Value
		if consumed < len(arg.Path) {
			// The value there is not an object (a variable, null): an object replaces it.
			newV = renderValue(s, argTree([]Arg{{Path: arg.Path[consumed:], Value: arg.Value}}), argT)
		}
		return text[:tk.list[vs].start] + newV + text[tk.list[ve].end:], v, nil
	}
	// Remove "name: value" with one separator; the parentheses too when it was the only one.
	item := items[idx]
	first := tk.at(item.pos)
	closeT := tk.match[container]
	var start, end int
	switch {
	case len(items) == 1 && tk.is(container, lexer.ParenL):
		start, end = tk.list[container].start, tk.list[closeT].end
	case len(items) == 1:
		start, end = tk.list[container].end, tk.list[closeT].start
		return text[:start] + text[end:], v, nil
	case idx+1 < len(items):
		start, end = tk.list[first].start, tk.list[tk.at(items[idx+1].pos)].start
	default:
		start, end = tk.list[first-1].end, tk.list[ve].end
	}
	return text[:start] + text[end:], v, nil
}

// item is a named value in arguments or an object, with where its name starts.
type item struct {
	name string
	pos  *ast.Position
}

func argItems(args ast.ArgumentList) []item {
	out := make([]item, len(args))
	for i, a := range args {
		out[i] = item{name: a.Name, pos: a.Position}
	}
	return out
}

func childItems(cs ast.ChildValueList) []item {
	out := make([]item, len(cs))
	for i, c := range cs {
		out[i] = item{name: c.Name, pos: c.Position}
	}
	return out
}

func indexOf(items []item, name string) int {
	for i, it := range items {
		if it.name == name {
			return i
		}
	}
	return -1
}
