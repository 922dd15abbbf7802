package schema

import (
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"
)

// assembleLoose builds an ast.Schema from doc the way gqlparser's
// ValidateSchemaDocument does (types, merged extensions, possible types,
// directives, roots, the __schema and __type fields) but without rejecting
// anything. It keeps the first of any repeated definition and makes the result
// safe for the query validator and the completer, which assume that every
// named type exists: each type referenced but never defined becomes an empty
// custom scalar, with a warning. It returns the schema and the warnings.
func assembleLoose(doc *ast.SchemaDocument) (*ast.Schema, []string) {
	var warnings []string
	s := &ast.Schema{
		Types:         map[string]*ast.Definition{},
		Directives:    map[string]*ast.DirectiveDefinition{},
		PossibleTypes: map[string][]*ast.Definition{},
		Implements:    map[string][]*ast.Definition{},
	}
	defs := make(ast.DefinitionList, 0, len(doc.Definitions))
	for _, def := range doc.Definitions {
		if s.Types[def.Name] == nil {
			s.Types[def.Name] = def
			defs = append(defs, def)
		}
	}
	for _, ext := range doc.Extensions {
		def := s.Types[ext.Name]
		if def == nil {
			def = &ast.Definition{Kind: ext.Kind, Name: ext.Name, Position: ext.Position}
			s.Types[ext.Name] = def
			defs = append(defs, def)
		}
		if def.Kind != ext.Kind {
			warnings = append(warnings, at(ext.Position, "ignored an extension of "+ext.Name+" as "+string(ext.Kind)+": it is "+string(def.Kind)))
			continue
		}
		def.Directives = append(def.Directives, ext.Directives...)
		def.Interfaces = append(def.Interfaces, ext.Interfaces...)
		def.Fields = append(def.Fields, ext.Fields...)
		def.Types = append(def.Types, ext.Types...)
		def.EnumValues = append(def.EnumValues, ext.EnumValues...)
	}
	for _, d := range doc.Directives {
		if s.Directives[d.Name] == nil || builtIn(s.Directives[d.Name].Position) {
			s.Directives[d.Name] = d
		}
	}

	if missing := undefinedTypes(s, defs); len(missing) > 0 {
		for _, name := range missing {
			s.Types[name] = &ast.Definition{Kind: ast.Scalar, Name: name, Description: "Referenced by the schema but never defined."}
		}
		warnings = append(warnings, "types referenced but never defined, treated as scalars: "+strings.Join(missing, ", "))
	}

	for _, def := range defs {
		switch def.Kind {
		case ast.Union:
			for _, t := range def.Types {
				if m := s.Types[t]; m != nil && m.Kind == ast.Object {
					s.AddPossibleType(def.Name, m)
					s.AddImplements(t, def)
				}
			}
		case ast.Object, ast.InputObject, ast.Interface:
			for _, i := range def.Interfaces {
				if iface := s.Types[i]; iface != nil && iface.Kind == ast.Interface {
					s.AddPossibleType(i, def)
					s.AddImplements(def.Name, iface)
				}
			}
			if def.Kind != ast.Interface {
				s.AddPossibleType(def.Name, def)
			}
		}
	}

	warnings = append(warnings, setRoots(s, doc)...)
	if s.Query != nil && s.Query.Fields.ForName("__schema") == nil {
		s.Query.Fields = append(s.Query.Fields, validator.QueryIntrospectionFields()...)
	}
	return s, warnings
}

// undefinedTypes lists, sorted, the names that fields, arguments, input fields
// and directive arguments use as types but no definition declares.
func undefinedTypes(s *ast.Schema, defs ast.DefinitionList) []string {
	missing := map[string]bool{}
	check := func(t *ast.Type) {
		if t != nil && s.Types[t.Name()] == nil {
			missing[t.Name()] = true
		}
	}
	for _, def := range defs {
		for _, f := range def.Fields {
			check(f.Type)
			for _, a := range f.Arguments {
				check(a.Type)
			}
		}
	}
	for _, d := range s.Directives {
		for _, a := range d.Arguments {
			check(a.Type)
		}
	}
	names := make([]string, 0, len(missing))
	for n := range missing {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// setRoots sets the root operation types from the schema definition and its
// extensions, else by the conventional names, skipping roots that are missing
// or not object types.
func setRoots(s *ast.Schema, doc *ast.SchemaDocument) []string {
	var warnings []string
	var ops ast.OperationTypeDefinitionList
	for _, sd := range doc.Schema {
		ops = append(ops, sd.OperationTypes...)
		s.SchemaDirectives = append(s.SchemaDirectives, sd.Directives...)
		if s.Description == "" {
			s.Description = sd.Description
		}
	}
	for _, sd := range doc.SchemaExtension {
		ops = append(ops, sd.OperationTypes...)
		s.SchemaDirectives = append(s.SchemaDirectives, sd.Directives...)
	}
	if len(doc.Schema) == 0 {
		for _, op := range []ast.Operation{ast.Query, ast.Mutation, ast.Subscription} {
			name := strings.ToUpper(string(op[:1])) + string(op[1:])
			if s.Types[name] != nil {
				ops = append(ops, &ast.OperationTypeDefinition{Operation: op, Type: name})
			}
		}
	}
	for _, op := range ops {
		def := s.Types[op.Type]
		if def == nil || def.Kind != ast.Object {
			warnings = append(warnings, at(op.Position, "ignored the "+string(op.Operation)+" root "+op.Type+": not an object type"))
			continue
		}
		root := map[ast.Operation]**ast.Definition{ast.Query: &s.Query, ast.Mutation: &s.Mutation, ast.Subscription: &s.Subscription}[op.Operation]
		if root != nil && *root == nil {
			*root = def
		}
	}
	return warnings
}
