package builder

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/build"
)

// rowKind says what a tree row stands for.
type rowKind int

const (
	rowRoot rowKind = iota
	rowField
	rowArg
)

// row is one line of the tree.
type row struct {
	kind  rowKind
	root  ast.Operation
	path  []string // field path from the root (the field itself for field rows)
	arg   []string // argument path (argument, then input fields) for argument rows
	depth int
	name  string
	typ   *ast.Type
	desc  string
	// deprecated is the deprecation reason, or "" ("No longer supported" when none given).
	deprecated string
	expandable bool
	expanded   bool
	leaf       bool
	required   bool
	selected   bool // the field is selected (field rows)
	viaFrag    bool // selected only through a fragment
	value      string
	pending    bool // value is held for a field not selected yet
}

// key identifies a node for expansion: root, field path, and argument path.
func (r row) key() string { return nodeKey(r.root, r.path, r.arg) }

func nodeKey(root ast.Operation, path, arg []string) string {
	k := string(root)
	if len(path) > 0 {
		k += "/" + build.Key(path)
	}
	if len(arg) > 0 {
		k += "(" + build.Key(arg) + ")"
	}
	return k
}

// fieldKey identifies a field for pending arguments.
func fieldKey(root ast.Operation, path []string) string { return nodeKey(root, path, nil) }

// buildRows lays out the expanded tree: each root, then for an expanded field its arguments
// before its fields, with deprecated fields after the others.
func (m Model) buildRows() []row {
	if m.schema == nil {
		return nil
	}
	s := m.schema
	var rows []row
	var fields func(root ast.Operation, def *ast.Definition, path []string, depth int)
	var args func(root ast.Operation, path, argPath []string, list []input, depth int)
	args = func(root ast.Operation, path, argPath []string, list []input, depth int) {
		for _, a := range list {
			r := m.argRow(root, path, argPath, a, depth)
			rows = append(rows, r)
			if r.expanded {
				args(root, path, r.arg, inputFields(s.Types[a.Type.Name()].Fields), depth+1)
			}
		}
	}
	fields = func(root ast.Operation, def *ast.Definition, path []string, depth int) {
		for _, f := range orderedFields(def) {
			r := m.fieldRow(root, path, f, depth)
			rows = append(rows, r)
			if r.expanded {
				args(root, r.path, nil, inputArgs(f.Arguments), depth+1)
				if !r.leaf {
					fields(root, s.Types[f.Type.Name()], r.path, depth+1)
				}
			}
		}
	}
	for _, root := range []ast.Operation{ast.Query, ast.Mutation} {
		def := rootDefinition(s, root)
		if def == nil {
			continue
		}
		r := row{kind: rowRoot, root: root, name: def.Name, depth: 0, expandable: true, desc: def.Description}
		r.expanded = m.expanded[r.key()]
		rows = append(rows, r)
		if r.expanded {
			fields(root, def, nil, 1)
		}
	}
	return rows
}

// argRow is the row of argument (or input field) a under argPath of the field at path.
func (m Model) argRow(root ast.Operation, path, argPath []string, a input, depth int) row {
	ap := appendPath(argPath, a.Name)
	r := row{kind: rowArg, root: root, path: path, arg: ap, depth: depth, name: a.Name, typ: a.Type,
		desc: a.Description, deprecated: deprecation(a.Directives),
		required: a.Type.NonNull && a.DefaultValue == nil}
	def := m.schema.Types[a.Type.Name()]
	r.expandable = def != nil && def.Kind == ast.InputObject
	r.value, r.pending = m.argValue(root, path, ap)
	if r.value == "" && m.heldBelow(root, path, ap) {
		r.value, r.pending = "{…}", true
	}
	r.expanded = r.expandable && m.expanded[r.key()]
	return r
}

// fieldRow is the row of field f under the field at path.
func (m Model) fieldRow(root ast.Operation, path []string, f *ast.FieldDefinition, depth int) row {
	p := appendPath(path, f.Name)
	k := build.Key(p)
	st := m.state[root]
	ft := m.schema.Types[f.Type.Name()]
	leaf := ft == nil || (ft.Kind != ast.Object && ft.Kind != ast.Interface && ft.Kind != ast.Union)
	r := row{kind: rowField, root: root, path: p, depth: depth, name: f.Name, typ: f.Type,
		desc: f.Description, deprecated: deprecation(f.Directives), leaf: leaf,
		selected: st.Selected[k], viaFrag: st.ViaFragment[k]}
	r.expandable = !leaf || len(f.Arguments) > 0
	r.expanded = r.expandable && m.expanded[r.key()]
	return r
}

// orderedFields lists def's fields with the deprecated ones last and introspection fields out.
func orderedFields(def *ast.Definition) []*ast.FieldDefinition {
	out := make([]*ast.FieldDefinition, 0, len(def.Fields))
	var dep []*ast.FieldDefinition
	for _, f := range def.Fields {
		switch {
		case strings.HasPrefix(f.Name, "__"):
		case deprecation(f.Directives) != "":
			dep = append(dep, f)
		default:
			out = append(out, f)
		}
	}
	return append(out, dep...)
}

// deprecation returns the reason of a @deprecated directive, or "".
func deprecation(dirs ast.DirectiveList) string {
	d := dirs.ForName("deprecated")
	if d == nil {
		return ""
	}
	if a := d.Arguments.ForName("reason"); a != nil && a.Value != nil && a.Value.Raw != "" {
		return a.Value.Raw
	}
	return "No longer supported"
}

func rootDefinition(s *ast.Schema, root ast.Operation) *ast.Definition {
	if root == ast.Mutation {
		return s.Mutation
	}
	return s.Query
}

func appendPath(p []string, name string) []string {
	out := make([]string, len(p), len(p)+1)
	copy(out, p)
	return append(out, name)
}

// argValue is what an argument holds: a pending value first (the user's latest word), else the
// document's.
func (m Model) argValue(root ast.Operation, path, arg []string) (string, bool) {
	for _, a := range m.pending[fieldKey(root, path)] {
		if build.Key(a.Path) == build.Key(arg) {
			return a.Value, true
		}
	}
	if args := m.state[root].Args[build.Key(path)]; args != nil {
		return args[build.Key(arg)], false
	}
	return "", false
}

// heldBelow reports whether a pending value is held for an input field under arg.
func (m Model) heldBelow(root ast.Operation, path, arg []string) bool {
	prefix := build.Key(arg) + "/"
	for _, a := range m.pending[fieldKey(root, path)] {
		if strings.HasPrefix(build.Key(a.Path), prefix) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII sub, ignoring case.
func containsFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for ; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

// input is an argument or an input-object field: what an argument row shows.
type input struct {
	Name, Description string
	Type              *ast.Type
	DefaultValue      *ast.Value
	Directives        ast.DirectiveList
}

func inputArgs(list ast.ArgumentDefinitionList) []input {
	out := make([]input, len(list))
	for i, a := range list {
		out[i] = input{a.Name, a.Description, a.Type, a.DefaultValue, a.Directives}
	}
	return out
}

func inputFields(list ast.FieldList) []input {
	out := make([]input, len(list))
	for i, f := range list {
		out[i] = input{f.Name, f.Description, f.Type, f.DefaultValue, f.Directives}
	}
	return out
}
