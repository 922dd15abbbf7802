package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/vektah/gqlparser/v2/ast"
)

// maxValueProblems bounds the problems reported for one variable: a list of
// a thousand bad items needs one line, not a thousand.
const maxValueProblems = 10

// CheckVariables is the package's CheckVariables (missing required
// variables, undeclared names, built-in scalars, lists and non-null) plus what
// only the schema can judge: enum values, input objects (unknown fields,
// missing required fields, and every field's value, at any depth) and the
// scalars inside them. Custom scalars accept any value, since only the server
// knows their rules. Problems come in declaration order, then undeclared
// names; messages name the place (e.g. "at [0].product_id") but never show a
// value.
func (s *Schema) CheckVariables(op query.Operation, vars map[string]any) []query.Problem {
	base := query.CheckVariables(op, vars)
	byName := map[string][]query.Problem{}
	for _, p := range base {
		byName[p.Variable] = append(byName[p.Variable], p)
	}
	var out []query.Problem
	for _, v := range op.Variables {
		if ps := byName[v.Name]; len(ps) > 0 {
			out = append(out, ps...)
			delete(byName, v.Name)
			continue
		}
		val, present := vars[v.Name]
		t, ok := ParseTypeText(v.Type)
		if !present || !ok {
			continue
		}
		var msgs []string
		s.checkInput(t, val, "", &msgs)
		for _, m := range msgs {
			out = append(out, query.Problem{Variable: v.Name, Message: m})
		}
	}
	for _, p := range base { // undeclared names, in the base order
		if len(byName[p.Variable]) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// checkInput appends to out why val cannot be a value of type t, at path
// (empty at the top).
func (s *Schema) checkInput(t *ast.Type, val any, path string, out *[]string) {
	if len(*out) >= maxValueProblems {
		return
	}
	report := func(msg string) {
		if path != "" {
			msg = "at " + path + ": " + msg
		}
		*out = append(*out, msg)
	}
	if val == nil {
		if t.NonNull {
			report("is null but the type " + t.String() + " is non-null")
		}
		return
	}
	if t.Elem != nil {
		list, ok := val.([]any)
		if !ok {
			s.checkInput(t.Elem, val, path, out) // a single value is a one-item list
			return
		}
		for i, e := range list {
			s.checkInput(t.Elem, e, fmt.Sprintf("%s[%d]", path, i), out)
		}
		return
	}
	def := s.ast.Types[t.NamedType]
	if def == nil {
		return // an unknown type is the validator's to report
	}
	switch def.Kind {
	case ast.Scalar:
		if !query.Fits(def.Name, val) {
			report("expects " + t.String() + ", got " + query.JSONKind(val))
		}
	case ast.Enum:
		if str, ok := val.(string); !ok || def.EnumValues.ForName(str) == nil {
			report("expects a value of the enum " + def.Name + " (" + enumNames(def, 8) + ")")
		}
	case ast.InputObject:
		obj, ok := val.(map[string]any)
		if !ok {
			report("expects an input object " + def.Name + ", got " + query.JSONKind(val))
			return
		}
		s.checkInputObject(def, obj, path, out)
	}
}

// checkInputObject checks the fields of an input object value.
func (s *Schema) checkInputObject(def *ast.Definition, obj map[string]any, path string, out *[]string) {
	for _, f := range def.Fields {
		fv, present := obj[f.Name]
		switch {
		case present:
			s.checkInput(f.Type, fv, joinPath(path, f.Name), out)
		case f.Type.NonNull && f.DefaultValue == nil && len(*out) < maxValueProblems:
			*out = append(*out, "at "+joinPath(path, f.Name)+": required ("+f.Type.String()+") but not provided")
		}
	}
	var unknown []string
	for k := range obj {
		if def.Fields.ForName(k) == nil {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		if len(*out) >= maxValueProblems {
			return
		}
		*out = append(*out, "at "+joinPath(path, query.TruncateUTF8(k, 60))+": not a field of "+def.Name)
	}
}

// enumNames lists up to n of an enum's values for a message.
func enumNames(def *ast.Definition, n int) string {
	names := make([]string, 0, min(n, len(def.EnumValues)))
	for _, v := range def.EnumValues[:min(n, len(def.EnumValues))] {
		names = append(names, v.Name)
	}
	if len(def.EnumValues) > n {
		names = append(names, "...")
	}
	return strings.Join(names, ", ")
}

// ParseTypeText reads a type in the canonical form VariableDef.Type uses
// ("[ID!]!"): the output of ast.Type.String, not user input, so only that
// form is accepted.
func ParseTypeText(s string) (*ast.Type, bool) {
	if s == "" {
		return nil, false
	}
	if inner, ok := strings.CutSuffix(s, "!"); ok {
		t, ok := ParseTypeText(inner)
		if !ok || t.NonNull {
			return nil, false
		}
		t.NonNull = true
		return t, true
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		elem, ok := ParseTypeText(s[1 : len(s)-1])
		if !ok {
			return nil, false
		}
		return &ast.Type{Elem: elem}, true
	}
	if !query.IsName(s) {
		return nil, false
	}
	return &ast.Type{NamedType: s}, true
}

// joinPath appends a field name to a value path: "items[0]" + "id" gives
// "items[0].id", "" + "id" gives "id".
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
