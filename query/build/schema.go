package build

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// ErrComposite is returned when a field of object type is toggled on: a query must select
// one of its fields, so the builder waits for one (the tree expands it instead).
var ErrComposite = errors.New("pick one of its fields")

// ErrNotSelected is returned when an argument is set on an object field that the operation
// does not select yet: the caller keeps it and passes it as pending with the first toggle below.
var ErrNotSelected = errors.New("the field is not selected yet")

// rootDef returns the root type for an operation kind.
func rootDef(s *ast.Schema, root ast.Operation) *ast.Definition {
	switch root {
	case ast.Query:
		return s.Query
	case ast.Mutation:
		return s.Mutation
	case ast.Subscription:
		return s.Subscription
	}
	return nil
}

// fieldDefs resolves every step of path from the root type.
func fieldDefs(s *ast.Schema, root ast.Operation, path []string) ([]*ast.FieldDefinition, error) {
	def := rootDef(s, root)
	if def == nil {
		return nil, fmt.Errorf("the schema has no %s type", root)
	}
	if len(path) == 0 {
		return nil, errors.New("empty path")
	}
	out := make([]*ast.FieldDefinition, 0, len(path))
	for i, name := range path {
		if def == nil {
			return nil, fmt.Errorf("%s has no fields", strings.Join(path[:i], "."))
		}
		f := def.Fields.ForName(name)
		if f == nil {
			return nil, fmt.Errorf("%s has no field %q", def.Name, name)
		}
		out = append(out, f)
		def = s.Types[f.Type.Name()]
		if def != nil && !composite(def) {
			def = nil
		}
	}
	return out, nil
}

// composite reports whether values of def have fields to select.
func composite(def *ast.Definition) bool {
	return def.Kind == ast.Object || def.Kind == ast.Interface || def.Kind == ast.Union
}

// isLeaf reports whether a field of type t is selected without a selection set.
func isLeaf(s *ast.Schema, t *ast.Type) bool {
	def := s.Types[t.Name()]
	return def == nil || !composite(def)
}

// argType returns the type at an argument path: the argument, then input-object fields (a list
// of input objects is entered through its element).
func argType(s *ast.Schema, f *ast.FieldDefinition, path []string) (*ast.Type, error) {
	a := f.Arguments.ForName(path[0])
	if a == nil {
		return nil, fmt.Errorf("%s has no argument %q", f.Name, path[0])
	}
	t := a.Type
	for _, name := range path[1:] {
		def := s.Types[t.Name()]
		if def == nil || def.Kind != ast.InputObject {
			return nil, fmt.Errorf("%s is not an input object", t.Name())
		}
		fd := def.Fields.ForName(name)
		if fd == nil {
			return nil, fmt.Errorf("%s has no field %q", def.Name, name)
		}
		t = fd.Type
	}
	return t, nil
}
