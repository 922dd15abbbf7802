package build

import (
	"strings"
	"unicode"

	"github.com/vektah/gqlparser/v2/ast"
)

// Arg is an argument value to write: Path is the argument's name followed by input-object field
// names (a list of input objects is entered through its first element); Value is GraphQL text
// ("26", "\"GBP\"", "$ref", an enum value), or "" to remove the argument.
type Arg struct {
	Path  []string
	Value string
}

// argNode is one level of arguments being rendered: a value, or named children.
type argNode struct {
	name     string
	value    string
	children []*argNode
}

func (n *argNode) child(name string) *argNode {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	c := &argNode{name: name}
	n.children = append(n.children, c)
	return c
}

// argTree groups args by path, in the order given; later values win.
func argTree(args []Arg) *argNode {
	root := &argNode{}
	for _, a := range args {
		if a.Value == "" || len(a.Path) == 0 {
			continue
		}
		n := root
		for _, p := range a.Path {
			n = n.child(p)
		}
		n.value, n.children = a.Value, nil
	}
	return root
}

// renderValue writes node n whose position has type t: its value, or an object of its
// children, wrapped in a list when t is a list.
func renderValue(s *ast.Schema, n *argNode, t *ast.Type) string {
	if n.value != "" {
		return n.value
	}
	var def *ast.Definition
	if t != nil {
		def = s.Types[t.Name()]
	}
	parts := make([]string, 0, len(n.children))
	for _, c := range n.children {
		var ct *ast.Type
		if def != nil {
			if fd := def.Fields.ForName(c.name); fd != nil {
				ct = fd.Type
			}
		}
		parts = append(parts, c.name+": "+renderValue(s, c, ct))
	}
	obj := "{ " + strings.Join(parts, ", ") + " }"
	if t != nil && t.Elem != nil {
		return "[" + obj + "]"
	}
	return obj
}

// renderArgs writes "(a: 1, b: { c: 2 })" for args on field f, or "" when there are none.
func renderArgs(s *ast.Schema, f *ast.FieldDefinition, args []Arg) string {
	tree := argTree(args)
	if len(tree.children) == 0 {
		return ""
	}
	parts := make([]string, 0, len(tree.children))
	for _, c := range tree.children {
		var t *ast.Type
		if a := f.Arguments.ForName(c.name); a != nil {
			t = a.Type
		}
		parts = append(parts, c.name+": "+renderValue(s, c, t))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// layout says how new selections are written: on their own lines at indent (one unit deeper
// per level), or inline.
type layout struct {
	multi        bool
	indent, unit string
}

// renderPath writes the fields of defs[k:] nested, each with its pending arguments.
func renderPath(s *ast.Schema, path []string, defs []*ast.FieldDefinition, k int, pending map[string][]Arg, lay layout) string {
	var b strings.Builder
	var write func(i int, indent string)
	write = func(i int, indent string) {
		b.WriteString(path[i])
		b.WriteString(renderArgs(s, defs[i], pending[Key(path[:i+1])]))
		if i+1 == len(path) {
			return
		}
		if lay.multi {
			b.WriteString(" {\n" + indent + lay.unit)
			write(i+1, indent+lay.unit)
			b.WriteString("\n" + indent + "}")
		} else {
			b.WriteString(" { ")
			write(i+1, indent)
			b.WriteString(" }")
		}
	}
	write(k, lay.indent)
	return b.String()
}

// operationName names a new operation after its first field: "Cards", "CreateOrder"; a name
// already used gets a number.
func operationName(d *ast.QueryDocument, field string) string {
	r := []rune(field)
	r[0] = unicode.ToUpper(r[0])
	base := string(r)
	name := base
	for n := 2; d.Operations.ForName(name) != nil || d.Fragments.ForName(name) != nil; n++ {
		name = base + itoa(n)
	}
	return name
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
