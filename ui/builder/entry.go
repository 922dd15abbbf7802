package builder

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/build"
)

// request is one argument to ask for.
type request struct {
	root ast.Operation
	path []string // the field
	arg  []string // the argument, then input fields
	typ  *ast.Type
}

// entry is the argument prompt: a text input, or a choice among an enum's values (and
// Boolean's). When it asks for a field's required arguments, queue holds the ones still to
// ask and toggle the field to tick once all are given.
type entry struct {
	req     request
	input   textinput.Model
	choices []string
	choice  int
	queue   []request
	toggle  []string
	problem string
}

// newEntry opens the prompt for req, with the current value (if any) to edit.
func (m Model) newEntry(req request, current string) *entry {
	e := &entry{req: req}
	if def := m.schema.Types[req.typ.Name()]; req.typ.Elem == nil && def != nil {
		switch {
		case def.Kind == ast.Enum:
			for _, v := range def.EnumValues {
				e.choices = append(e.choices, v.Name)
			}
		case def.Name == "Boolean":
			e.choices = []string{"true", "false"}
		}
	}
	for i, c := range e.choices {
		if c == current {
			e.choice = i
		}
	}
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 4096
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Cursor.Style = m.ctx.Styles.Accent
	in.Placeholder = placeholderFor(req.typ)
	in.SetValue(unquote(current))
	in.Focus()
	e.input = in
	return e
}

// placeholderFor hints what to type for a value of type t.
func placeholderFor(t *ast.Type) string {
	switch {
	case t.Elem != nil:
		return "a list, e.g. [1, 2], or $name for a variable"
	case t.NamedType == "Int" || t.NamedType == "Float":
		return "a number, or $name for a variable"
	}
	return "text (quoted for you), or $name for a variable"
}

// unquote shows a GraphQL string value as its text, for editing.
func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		if s, err := strconv.Unquote(v); err == nil {
			return s
		}
	}
	return v
}

// literal turns what was typed for a value of type t into GraphQL text: "$name" is a variable,
// "" clears, numbers and Booleans are checked, text for string-like scalars is quoted, and
// input objects and lists are taken as written (the builder checks the result parses).
func literal(s *ast.Schema, t *ast.Type, typed string) (string, error) {
	v := strings.TrimSpace(typed)
	switch {
	case v == "", v == "null":
		return v, nil
	case strings.HasPrefix(v, "$"):
		if !isName(v[1:]) {
			return "", fmt.Errorf("%q is not a variable name (letters, digits and _)", v[1:])
		}
		return v, nil
	case t.Elem != nil:
		return v, nil
	}
	def := s.Types[t.NamedType]
	switch {
	case t.NamedType == "Int":
		if _, err := strconv.ParseInt(v, 10, 32); err != nil {
			return "", fmt.Errorf("%s wants a whole number", t.String())
		}
		return v, nil
	case t.NamedType == "Float":
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return "", fmt.Errorf("%s wants a number", t.String())
		}
		return v, nil
	case t.NamedType == "Boolean":
		if v != "true" && v != "false" {
			return "", fmt.Errorf("Boolean wants true or false")
		}
		return v, nil
	case def != nil && def.Kind == ast.Enum:
		if def.EnumValues.ForName(v) == nil {
			return "", fmt.Errorf("%s has no value %s", def.Name, v)
		}
		return v, nil
	case def != nil && def.Kind == ast.InputObject:
		return v, nil
	}
	return quote(v), nil
}

// quote writes s as a GraphQL string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// variableFor names a variable for an argument: the argument's (or input field's) name, with a
// number when the operation already declares that name with another type.
func (m Model) variableFor(req request) string {
	base := req.arg[len(req.arg)-1]
	vars := m.state[req.root].Variables
	name := base
	for n := 2; vars[name] != "" && vars[name] != req.typ.String(); n++ {
		name = base + strconv.Itoa(n)
	}
	return name
}

// missingRequired lists the required arguments of the fields of path that the operation does
// not select yet and that have no pending value.
func (m Model) missingRequired(root ast.Operation, path []string) []request {
	def := rootDefinition(m.schema, root)
	st := m.state[root]
	var out []request
	for i := range path {
		if def == nil {
			break
		}
		f := def.Fields.ForName(path[i])
		if f == nil {
			break
		}
		p := path[:i+1]
		if !st.Selected[build.Key(p)] {
			for _, a := range f.Arguments {
				if !a.Type.NonNull || a.DefaultValue != nil {
					continue
				}
				if v, _ := m.argValue(root, p, []string{a.Name}); v != "" || m.heldBelow(root, p, []string{a.Name}) {
					continue
				}
				out = append(out, request{root: root, path: append([]string(nil), p...), arg: []string{a.Name}, typ: a.Type})
			}
		}
		def = m.schema.Types[f.Type.Name()]
	}
	return out
}
