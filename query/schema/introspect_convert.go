package schema

import (
	"errors"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// maxTypeDepth bounds the nesting of one type reference ([[[T]]]...). Real
// schemas stop at about four; the bound only keeps hostile input cheap.
const maxTypeDepth = 32

// errIncompleteType reports a type reference cut short. The usual cause: the
// query that produced the result did not nest ofType deeply enough.
var errIncompleteType = errors.New("incomplete type reference (too little ofType nesting?)")

// converter turns a decoded introspection result into the SchemaDocument an
// SDL parse would have produced (gqlparser has no such converter), collecting
// a warning for each part it has to leave out.
type converter struct {
	builtinTypes map[string]bool // declared by gqlparser's prelude
	builtinDirs  map[string]bool
	warnings     []string
}

// convertIntrospection converts in to a schema document without the
// prelude's types and directives, which the result repeats and build adds.
func convertIntrospection(in *introSchema) (*ast.SchemaDocument, []string) {
	prelude := validator.PreludeDocument()
	c := &converter{builtinTypes: map[string]bool{}, builtinDirs: map[string]bool{}}
	for _, d := range prelude.Definitions {
		c.builtinTypes[d.Name] = true
	}
	for _, d := range prelude.Directives {
		c.builtinDirs[d.Name] = true
	}

	doc := &ast.SchemaDocument{}
	sd := &ast.SchemaDefinition{Description: deref(in.Description)}
	for _, root := range []struct {
		op   ast.Operation
		name *introName
	}{{ast.Query, in.QueryType}, {ast.Mutation, in.MutationType}, {ast.Subscription, in.SubscriptionType}} {
		if root.name != nil && root.name.Name != "" {
			sd.OperationTypes = append(sd.OperationTypes, &ast.OperationTypeDefinition{Operation: root.op, Type: root.name.Name})
		}
	}
	if len(sd.OperationTypes) > 0 {
		doc.Schema = ast.SchemaDefinitionList{sd}
	}
	doc.Definitions = make(ast.DefinitionList, 0, len(in.Types))
	for i := range in.Types {
		if def := c.definition(&in.Types[i]); def != nil {
			doc.Definitions = append(doc.Definitions, def)
		}
	}
	for i := range in.Directives {
		if d := c.directive(&in.Directives[i]); d != nil {
			doc.Directives = append(doc.Directives, d)
		}
	}
	return doc, c.warnings
}

func (c *converter) warn(msg string) { c.warnings = append(c.warnings, "introspection: "+msg) }

// definition converts one type, or returns nil for a built-in or unusable one.
func (c *converter) definition(t *introType) *ast.Definition {
	if c.builtinTypes[t.Name] || strings.HasPrefix(t.Name, "__") {
		return nil
	}
	kind := ast.DefinitionKind(t.Kind)
	switch kind {
	case ast.Scalar, ast.Object, ast.Interface, ast.Union, ast.Enum, ast.InputObject:
	default:
		c.warn("left out type " + quoteName(t.Name) + " of kind " + quoteName(t.Kind))
		return nil
	}
	if t.Name == "" {
		c.warn("left out a " + t.Kind + " type without a name")
		return nil
	}
	def := &ast.Definition{Kind: kind, Name: t.Name, Description: deref(t.Description)}
	if t.SpecifiedByURL != nil && kind == ast.Scalar {
		def.Directives = ast.DirectiveList{{
			Name:      "specifiedBy",
			Arguments: ast.ArgumentList{{Name: "url", Value: &ast.Value{Kind: ast.StringValue, Raw: *t.SpecifiedByURL}}},
			Location:  ast.LocationScalar,
		}}
	}
	switch kind {
	case ast.Object, ast.Interface:
		for i := range t.Fields {
			if f := c.field(t.Name, &t.Fields[i]); f != nil {
				def.Fields = append(def.Fields, f)
			}
		}
		def.Interfaces = c.names(t.Interfaces)
	case ast.InputObject:
		for i := range t.InputFields {
			in := &t.InputFields[i]
			if a := c.inputValue(t.Name+"."+in.Name, in, ast.LocationInputFieldDefinition); a != nil {
				def.Fields = append(def.Fields, &ast.FieldDefinition{
					Name: a.Name, Description: a.Description, Type: a.Type, DefaultValue: a.DefaultValue, Directives: a.Directives,
				})
			}
		}
	case ast.Union:
		def.Types = c.names(t.PossibleTypes)
	case ast.Enum:
		for _, v := range t.EnumValues {
			def.EnumValues = append(def.EnumValues, &ast.EnumValueDefinition{
				Name:        v.Name,
				Description: deref(v.Description),
				Directives:  deprecation(v.IsDeprecated, v.DeprecationReason, ast.LocationEnumValue),
			})
		}
	}
	return def
}

// field converts an object or interface field; nil when its type is unusable.
func (c *converter) field(owner string, f *introField) *ast.FieldDefinition {
	typ, err := typeRef(f.Type, 0)
	if err != nil {
		c.warn("left out field " + owner + "." + f.Name + ": " + err.Error())
		return nil
	}
	out := &ast.FieldDefinition{
		Name:        f.Name,
		Description: deref(f.Description),
		Type:        typ,
		Directives:  deprecation(f.IsDeprecated, f.DeprecationReason, ast.LocationFieldDefinition),
	}
	for i := range f.Args {
		if a := c.inputValue(owner+"."+f.Name+"("+f.Args[i].Name+":)", &f.Args[i], ast.LocationArgumentDefinition); a != nil {
			out.Arguments = append(out.Arguments, a)
		}
	}
	return out
}

// inputValue converts an argument or input field named what; nil when its
// type is unusable. An unreadable default value is dropped with a warning.
func (c *converter) inputValue(what string, in *introInputValue, loc ast.DirectiveLocation) *ast.ArgumentDefinition {
	typ, err := typeRef(in.Type, 0)
	if err != nil {
		c.warn("left out " + what + ": " + err.Error())
		return nil
	}
	a := &ast.ArgumentDefinition{
		Name:        in.Name,
		Description: deref(in.Description),
		Type:        typ,
		Directives:  deprecation(in.IsDeprecated, in.DeprecationReason, loc),
	}
	if in.DefaultValue != nil {
		if v, ok := parseConstValue(*in.DefaultValue); ok {
			a.DefaultValue = v
		} else {
			c.warn("dropped the default value of " + what + ": not a GraphQL value")
		}
	}
	return a
}

// directive converts a directive definition; nil for one the prelude
// declares (gqlparser's own definition is kept, so the prelude's uses of
// @deprecated stay valid whatever an older server reports).
func (c *converter) directive(d *introDirective) *ast.DirectiveDefinition {
	if c.builtinDirs[d.Name] {
		return nil
	}
	out := &ast.DirectiveDefinition{Name: d.Name, Description: deref(d.Description), IsRepeatable: d.IsRepeatable}
	for _, l := range d.Locations {
		out.Locations = append(out.Locations, ast.DirectiveLocation(l))
	}
	for i := range d.Args {
		if a := c.inputValue("@"+d.Name+"("+d.Args[i].Name+":)", &d.Args[i], ast.LocationArgumentDefinition); a != nil {
			out.Arguments = append(out.Arguments, a)
		}
	}
	return out
}

// names returns the names of named type references, skipping unnamed ones.
func (c *converter) names(refs []introTypeRef) []string {
	var out []string
	for _, r := range refs {
		if r.Name != nil && *r.Name != "" {
			out = append(out, *r.Name)
		}
	}
	return out
}

// typeRef converts a (possibly wrapped) type reference.
func typeRef(r *introTypeRef, depth int) (*ast.Type, error) {
	if r == nil {
		return nil, errors.New("no type")
	}
	if depth > maxTypeDepth {
		return nil, errors.New("type nested too deep")
	}
	if (r.Kind == "NON_NULL" || r.Kind == "LIST") && r.OfType == nil {
		return nil, errIncompleteType
	}
	switch r.Kind {
	case "NON_NULL":
		inner, err := typeRef(r.OfType, depth+1)
		if err != nil {
			return nil, err
		}
		if inner.NonNull {
			return nil, errors.New("non-null of a non-null type")
		}
		inner.NonNull = true
		return inner, nil
	case "LIST":
		inner, err := typeRef(r.OfType, depth+1)
		if err != nil {
			return nil, err
		}
		return &ast.Type{Elem: inner}, nil
	}
	if r.Name == nil || *r.Name == "" {
		return nil, errIncompleteType
	}
	return &ast.Type{NamedType: *r.Name}, nil
}

// deprecation returns the @deprecated directive for a deprecated element, or
// nil. Without a reason the directive has no argument, so its default
// ("No longer supported") applies, as in SDL.
func deprecation(deprecated bool, reason *string, loc ast.DirectiveLocation) ast.DirectiveList {
	if !deprecated {
		return nil
	}
	d := &ast.Directive{Name: "deprecated", Location: loc}
	if reason != nil {
		d.Arguments = ast.ArgumentList{{Name: "reason", Value: &ast.Value{Kind: ast.StringValue, Raw: *reason}}}
	}
	return ast.DirectiveList{d}
}

// parseConstValue parses a default value as introspection reports it (GraphQL
// value syntax, e.g. `{field: CREATED_AT, direction: ASC}`) with gqlparser, by
// placing it as the one argument of a one-field query. The checks reject text
// that would close the argument list and smuggle in more syntax, and any
// variable, which a default value cannot hold.
func parseConstValue(text string) (*ast.Value, bool) {
	doc, err := parser.ParseQuery(&ast.Source{Input: "{f(a: " + text + "\n)}"})
	if err != nil || len(doc.Operations) != 1 || len(doc.Fragments) != 0 {
		return nil, false
	}
	op := doc.Operations[0]
	if len(op.SelectionSet) != 1 {
		return nil, false
	}
	f, ok := op.SelectionSet[0].(*ast.Field)
	if !ok || f.Alias != "f" || f.Name != "f" || len(f.Directives) != 0 || len(f.SelectionSet) != 0 || len(f.Arguments) != 1 {
		return nil, false
	}
	if v := f.Arguments[0].Value; f.Arguments[0].Name == "a" && constValue(v) {
		return v, true
	}
	return nil, false
}

// constValue reports whether v holds no variable at any depth.
func constValue(v *ast.Value) bool {
	if v == nil || v.Kind == ast.Variable {
		return false
	}
	for _, c := range v.Children {
		if !constValue(c.Value) {
			return false
		}
	}
	return true
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// quoteName quotes a name from the input for a warning, bounded in length.
func quoteName(s string) string { return `"` + query.TruncateUTF8(s, 60) + `"` }
