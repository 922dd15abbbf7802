package build

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// State is what the operation under the cursor selects, for a tree to show ticks.
type State struct {
	// Operation names the operation the state describes ("" when anonymous or none).
	Operation string
	// Found reports whether there is an operation of the asked kind under the cursor.
	Found bool
	// Selected holds the paths selected (field names joined by "/"), directly or through
	// fragments.
	Selected map[string]bool
	// ViaFragment holds the selected paths reached only through a fragment spread.
	ViaFragment map[string]bool
	// Args holds the arguments written on each selected path: argument name (and, below an
	// input object, "name/field") to its value as GraphQL text.
	Args map[string]map[string]string
	// Variables are the operation's declared variables, name to type.
	Variables map[string]string
}

// Key joins a path the way State keys it.
func Key(path []string) string { return strings.Join(path, "/") }

// Inspect reports what the operation of kind root under the cursor selects. A text that does
// not parse, or a cursor outside any such operation, gives an empty state.
func Inspect(text string, cursor int, root ast.Operation) State {
	st := State{Selected: map[string]bool{}, ViaFragment: map[string]bool{}, Args: map[string]map[string]string{}, Variables: map[string]string{}}
	d, err := parse(text)
	if err != nil {
		return st
	}
	i := d.target(cursor, root)
	if i < 0 {
		return st
	}
	op := d.ast.Operations[i]
	st.Found, st.Operation = true, op.Name
	for _, v := range op.VariableDefinitions {
		st.Variables[v.Variable] = v.Type.String()
	}
	var visit func(set ast.SelectionSet, prefix string, viaFrag bool, seen map[string]bool)
	visit = func(set ast.SelectionSet, prefix string, viaFrag bool, seen map[string]bool) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				k := s.Name
				if prefix != "" {
					k = prefix + "/" + s.Name
				}
				if !st.Selected[k] || (!viaFrag && st.ViaFragment[k]) {
					st.ViaFragment[k] = viaFrag
				}
				st.Selected[k] = true
				if len(s.Arguments) > 0 && st.Args[k] == nil {
					args := map[string]string{}
					for _, a := range s.Arguments {
						argValues(args, a.Name, a.Value)
					}
					st.Args[k] = args
				}
				visit(s.SelectionSet, k, viaFrag, seen)
			case *ast.InlineFragment:
				visit(s.SelectionSet, prefix, viaFrag, seen)
			case *ast.FragmentSpread:
				if seen[s.Name] {
					continue
				}
				if f := d.ast.Fragments.ForName(s.Name); f != nil {
					seen[s.Name] = true
					visit(f.SelectionSet, prefix, true, seen)
					delete(seen, s.Name)
				}
			}
		}
	}
	visit(op.SelectionSet, "", false, map[string]bool{})
	for k, via := range st.ViaFragment {
		if !via {
			delete(st.ViaFragment, k)
		}
	}
	return st
}

// argValues records the value at key and, for an input object (or a list holding one), the
// values of its fields under "key/field".
func argValues(out map[string]string, key string, v *ast.Value) {
	out[key] = v.String()
	if v.Kind == ast.ListValue && len(v.Children) > 0 && v.Children[0].Value.Kind == ast.ObjectValue {
		v = v.Children[0].Value
	}
	if v.Kind == ast.ObjectValue {
		for _, c := range v.Children {
			argValues(out, key+"/"+c.Name, c.Value)
		}
	}
}
