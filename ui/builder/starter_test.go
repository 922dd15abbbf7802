package builder

import (
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

// TestBuildEveryStarterByKeys builds each starter query from an empty editor with the
// builder's keys only (arguments first, as a user fills a field's arguments before ticking
// below it, then each field in the starter's order) and compares the result with the starter,
// both parsed. The comparison ignores what the builder does not choose: the operation's name,
// comments and layout, the order of arguments, a variable's "!" (the builder declares the
// argument's own type), and a one-object list written without brackets.
func TestBuildEveryStarterByKeys(t *testing.T) {
	s := toggleSchema(t)
	files, _ := saved.ToggleStarter()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 9 {
		t.Fatalf("only %d starter queries", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want, err := parser.ParseQuery(&ast.Source{Input: files[name]})
			if err != nil {
				t.Fatal(err)
			}
			op := want.Operations[0]
			text := ""
			m := newModel(s, text, 0, 120, 40)
			m = setArgsByKeys(t, m, &text, op.Operation, nil, op.SelectionSet)
			m = tickLeavesByKeys(t, m, &text, op.Operation, nil, op.SelectionSet)
			got, err := parser.ParseQuery(&ast.Source{Input: text})
			if err != nil {
				t.Fatalf("built text does not parse: %v\n%s", err, text)
			}
			if g, w := canonical(got.Operations[0]), canonical(op); g != w {
				t.Fatalf("built\n%s\ncanonical\n%s\nwant\n%s", text, g, w)
			}
			if st, isErr := m.Status(); isErr {
				t.Fatalf("status %q", st)
			}
		})
	}
}

// setArgsByKeys gives every argument of the fields in set (and below) its value with keys.
func setArgsByKeys(t *testing.T, m Model, text *string, root ast.Operation, path []string, set ast.SelectionSet) Model {
	for _, sel := range set {
		f := sel.(*ast.Field)
		p := appendPath(path, f.Name)
		for _, a := range f.Arguments {
			m = setValueByKeys(t, m, text, root, p, []string{a.Name}, a.Value)
		}
		m = setArgsByKeys(t, m, text, root, p, f.SelectionSet)
	}
	return m
}

// setValueByKeys walks to an argument (or input field) and enters v: a variable or a scalar
// in the prompt, an enum or Boolean from the list, an object field by field.
func setValueByKeys(t *testing.T, m Model, text *string, root ast.Operation, path, arg []string, v *ast.Value) Model {
	t.Helper()
	switch v.Kind {
	case ast.ObjectValue:
		for _, c := range v.Children {
			m = setValueByKeys(t, m, text, root, path, appendPath(arg, c.Name), c.Value)
		}
		return m
	case ast.ListValue:
		if len(v.Children) == 1 && v.Children[0].Value.Kind == ast.ObjectValue {
			return setValueByKeys(t, m, text, root, path, arg, v.Children[0].Value)
		}
	}
	m = goTo(t, m, text, argChain(root, path, arg...))
	m, _ = press(t, m, text, "enter")
	if m.entry == nil {
		t.Fatalf("enter on %v opened no prompt", arg)
	}
	if m.entry.choices != nil {
		for n := 0; m.entry.choices[m.entry.choice] != v.Raw; n++ {
			if n > len(m.entry.choices) {
				t.Fatalf("%s is not among %v", v.Raw, m.entry.choices)
			}
			m, _ = press(t, m, text, "down")
		}
	} else {
		typed := v.String()
		if v.Kind == ast.StringValue {
			typed = v.Raw // the prompt quotes text for string arguments
		}
		m = typeText(t, m, text, typed)
	}
	m, _ = press(t, m, text, "enter")
	if st, isErr := m.Status(); isErr {
		t.Fatalf("setting %v: %s", arg, st)
	}
	return m
}

// tickLeavesByKeys ticks every scalar field of set (and below) in order.
func tickLeavesByKeys(t *testing.T, m Model, text *string, root ast.Operation, path []string, set ast.SelectionSet) Model {
	for _, sel := range set {
		f := sel.(*ast.Field)
		p := appendPath(path, f.Name)
		if len(f.SelectionSet) > 0 {
			m = tickLeavesByKeys(t, m, text, root, p, f.SelectionSet)
			continue
		}
		m = goTo(t, m, text, fieldChain(root, p...))
		m, _ = press(t, m, text, " ")
		if st, isErr := m.Status(); isErr {
			t.Fatalf("ticking %v: %s", p, st)
		}
	}
	return m
}

// canonical writes an operation without what the comparison ignores.
func canonical(op *ast.OperationDefinition) string {
	var b strings.Builder
	b.WriteString(string(op.Operation))
	var vars []string
	for _, v := range op.VariableDefinitions {
		vars = append(vars, "$"+v.Variable+":"+strings.TrimSuffix(v.Type.String(), "!"))
	}
	sort.Strings(vars)
	b.WriteString("(" + strings.Join(vars, ",") + ")")
	writeSet(&b, op.SelectionSet, "\n")
	return b.String()
}

func writeSet(b *strings.Builder, set ast.SelectionSet, indent string) {
	for _, sel := range set {
		f := sel.(*ast.Field)
		b.WriteString(indent + f.Alias + ":" + f.Name)
		var args []string
		for _, a := range f.Arguments {
			args = append(args, a.Name+":"+canonicalValue(a.Value))
		}
		sort.Strings(args)
		if len(args) > 0 {
			b.WriteString("(" + strings.Join(args, ",") + ")")
		}
		writeSet(b, f.SelectionSet, indent+"  ")
	}
}

func canonicalValue(v *ast.Value) string {
	switch v.Kind {
	case ast.ListValue:
		if len(v.Children) == 1 && v.Children[0].Value.Kind == ast.ObjectValue {
			return canonicalValue(v.Children[0].Value)
		}
		var parts []string
		for _, c := range v.Children {
			parts = append(parts, canonicalValue(c.Value))
		}
		return "[" + strings.Join(parts, ",") + "]"
	case ast.ObjectValue:
		var parts []string
		for _, c := range v.Children {
			parts = append(parts, c.Name+":"+canonicalValue(c.Value))
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ",") + "}"
	}
	return v.String()
}
