package build

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// Variable is a variable the builder declared.
type Variable struct {
	Name string
	Type *ast.Type
}

// valueVars adds the variables used in v to out.
func valueVars(v *ast.Value, out map[string]bool) {
	if v == nil {
		return
	}
	if v.Kind == ast.Variable {
		out[v.Raw] = true
	}
	for _, c := range v.Children {
		valueVars(c.Value, out)
	}
}

// selectionVars adds the variables used in set (arguments and directives, through fragments).
func selectionVars(d *ast.QueryDocument, set ast.SelectionSet, out map[string]bool, seen map[string]bool) {
	dirs := func(ds ast.DirectiveList) {
		for _, dir := range ds {
			for _, a := range dir.Arguments {
				valueVars(a.Value, out)
			}
		}
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				valueVars(a.Value, out)
			}
			dirs(s.Directives)
			selectionVars(d, s.SelectionSet, out, seen)
		case *ast.InlineFragment:
			dirs(s.Directives)
			selectionVars(d, s.SelectionSet, out, seen)
		case *ast.FragmentSpread:
			dirs(s.Directives)
			if f := d.Fragments.ForName(s.Name); f != nil && !seen[s.Name] {
				seen[s.Name] = true
				selectionVars(d, f.SelectionSet, out, seen)
			}
		}
	}
}

// opVars returns the variables operation i uses.
func opVars(d *doc, i int) map[string]bool {
	out := map[string]bool{}
	op := d.ast.Operations[i]
	for _, dir := range op.Directives {
		for _, a := range dir.Arguments {
			valueVars(a.Value, out)
		}
	}
	selectionVars(d.ast, op.SelectionSet, out, map[string]bool{})
	return out
}

// declare adds "$name: typ" to operation i of text unless a variable of that name exists; it
// reports whether it added one.
func declare(text string, i int, name, typ string) (string, bool, error) {
	d, err := parse(text)
	if err != nil {
		return text, false, err
	}
	op := d.ast.Operations[i]
	if op.VariableDefinitions.ForName(name) != nil {
		return text, false, nil
	}
	_, _, p := d.opRange(i)
	t := d.t
	def := "$" + name + ": " + typ
	switch {
	case p.parenL >= 0:
		at := t.list[t.match[p.parenL]-1].end
		return text[:at] + ", " + def + text[at:], true, nil
	case p.name >= 0:
		at := t.list[p.name].end
		return text[:at] + "(" + def + ")" + text[at:], true, nil
	case p.keyword >= 0:
		at := t.list[p.keyword].end
		return text[:at] + " (" + def + ")" + text[at:], true, nil
	}
	at := t.list[p.braceL].start
	return text[:at] + "query (" + def + ") " + text[at:], true, nil
}

// prune removes the declarations of the candidate variables operation i no longer uses.
func prune(text string, i int, candidates map[string]bool) (string, error) {
	for _, name := range sortedKeys(candidates) {
		d, err := parse(text)
		if err != nil {
			return text, err
		}
		if opVars(d, i)[name] {
			continue
		}
		op := d.ast.Operations[i]
		vd := op.VariableDefinitions.ForName(name)
		if vd == nil {
			continue
		}
		t := d.t
		_, _, p := d.opRange(i)
		closeP := t.match[p.parenL]
		first := t.at(vd.Position)
		if first < 0 {
			continue
		}
		last := first + 1
		for last+1 < closeP && !(t.is(last+1, lexer.Dollar) && depth(t, p.parenL, last+1) == 1) {
			last++
		}
		var start, end int
		switch {
		case len(op.VariableDefinitions) == 1:
			start, end = t.list[p.parenL].start, t.list[closeP].end
			if start > 0 && text[start-1] == ' ' && end < len(text) && text[end] == ' ' {
				start--
			}
		case last+1 < closeP:
			start, end = t.list[first].start, t.list[last+1].start
		default:
			start, end = t.list[first-1].end, t.list[last].end
		}
		text = text[:start] + text[end:]
	}
	return text, nil
}

// depth counts the brackets open at token j, starting after the token open.
func depth(t *tokens, open, j int) int {
	n := 0
	for k := open; k < j; k++ {
		switch t.list[k].kind {
		case lexer.ParenL, lexer.BracketL, lexer.BraceL:
			n++
		case lexer.ParenR, lexer.BracketR, lexer.BraceR:
			n--
		}
	}
	return n
}
