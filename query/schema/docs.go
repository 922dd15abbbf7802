package schema

import (
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// defaultDeprecation is the reason @deprecated gives when none is written.
const defaultDeprecation = "No longer supported"

// TypeDoc is everything the docs pane shows about one named type.
type TypeDoc struct {
	// Name is the type's name.
	Name string
	// Kind is "object", "interface", "union", "enum", "input object" or
	// "scalar".
	Kind string
	// Description is the type's description, possibly several lines.
	Description string
	// Fields are the fields of an object or interface, or the input fields of
	// an input object, in schema order (introspection's __schema and __type
	// are left out).
	Fields []FieldDoc
	// EnumValues are an enum's values in schema order.
	EnumValues []EnumValueDoc
	// Interfaces are the interfaces an object or interface implements.
	Interfaces []string
	// PossibleTypes are a union's members, or the object types implementing
	// an interface, sorted.
	PossibleTypes []string
	// SpecifiedBy is a custom scalar's @specifiedBy URL, if any.
	SpecifiedBy string
	// BuiltIn is true for the types every schema has (String, Int, ...).
	BuiltIn bool
}

// FieldDoc documents a field or an input field.
type FieldDoc struct {
	// Name is the field's name.
	Name string
	// Type is the field's type in GraphQL notation, e.g. "[Card!]!".
	Type string
	// Signature is the field as it would be written in SDL without the
	// description, e.g. "Cards(card_reference: String, page: Int): CardPage".
	Signature string
	// Description is the field's description.
	Description string
	// Default is an input field's default value in GraphQL syntax, or "".
	Default string
	// Deprecated is the deprecation reason; "" when not deprecated.
	Deprecated string
	// Args are the field's arguments in schema order.
	Args []ArgDoc
}

// ArgDoc documents an argument.
type ArgDoc struct {
	// Name is the argument's name.
	Name string
	// Type is the argument's type in GraphQL notation.
	Type string
	// Default is the default value in GraphQL syntax, or "".
	Default string
	// Description is the argument's description.
	Description string
	// Deprecated is the deprecation reason; "" when not deprecated.
	Deprecated string
	// Required is true for a non-null type without a default: a query that
	// selects the field must give it.
	Required bool
}

// EnumValueDoc documents an enum value.
type EnumValueDoc struct {
	// Name is the value as written in a query.
	Name string
	// Description is the value's description.
	Description string
	// Deprecated is the deprecation reason; "" when not deprecated.
	Deprecated string
}

// TypeDoc describes the named type, or reports false when the schema has no
// such type.
func (s *Schema) TypeDoc(name string) (TypeDoc, bool) {
	def := s.ast.Types[name]
	if def == nil {
		return TypeDoc{}, false
	}
	d := TypeDoc{
		Name:        def.Name,
		Kind:        KindName(def.Kind),
		Description: def.Description,
		Interfaces:  append([]string(nil), def.Interfaces...),
		BuiltIn:     def.BuiltIn,
	}
	for _, f := range def.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		d.Fields = append(d.Fields, fieldDoc(def, f))
	}
	for _, v := range def.EnumValues {
		d.EnumValues = append(d.EnumValues, EnumValueDoc{Name: v.Name, Description: v.Description, Deprecated: DeprecationReason(v.Directives)})
	}
	if def.IsAbstractType() {
		for _, p := range s.ast.PossibleTypes[def.Name] {
			if p.Name != def.Name {
				d.PossibleTypes = append(d.PossibleTypes, p.Name)
			}
		}
		sort.Strings(d.PossibleTypes)
	}
	if sb := def.Directives.ForName("specifiedBy"); sb != nil {
		if url := sb.Arguments.ForName("url"); url != nil && url.Value != nil {
			d.SpecifiedBy = url.Value.Raw
		}
	}
	return d, true
}

// fieldDoc documents field f of def.
func fieldDoc(def *ast.Definition, f *ast.FieldDefinition) FieldDoc {
	fd := FieldDoc{
		Name:        f.Name,
		Type:        f.Type.String(),
		Signature:   fieldSignature(def, f),
		Description: f.Description,
		Deprecated:  DeprecationReason(f.Directives),
	}
	if f.DefaultValue != nil {
		fd.Default = f.DefaultValue.String()
	}
	for _, a := range f.Arguments {
		fd.Args = append(fd.Args, argDoc(a))
	}
	return fd
}

// argDoc documents an argument.
func argDoc(a *ast.ArgumentDefinition) ArgDoc {
	ad := ArgDoc{
		Name:        a.Name,
		Type:        a.Type.String(),
		Description: a.Description,
		Deprecated:  DeprecationReason(a.Directives),
		Required:    a.Type.NonNull && a.DefaultValue == nil,
	}
	if a.DefaultValue != nil {
		ad.Default = a.DefaultValue.String()
	}
	return ad
}

// fieldSignature writes a field as in SDL: "name(a: T = 1, b: U): R" for an
// object field, "name: T = default" for an input field.
func fieldSignature(def *ast.Definition, f *ast.FieldDefinition) string {
	var b strings.Builder
	b.WriteString(f.Name)
	if len(f.Arguments) > 0 {
		b.WriteByte('(')
		for i, a := range f.Arguments {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(ArgSignature(a))
		}
		b.WriteByte(')')
	}
	b.WriteString(": ")
	b.WriteString(f.Type.String())
	if def.Kind == ast.InputObject && f.DefaultValue != nil {
		b.WriteString(" = ")
		b.WriteString(f.DefaultValue.String())
	}
	return b.String()
}

// ArgSignature writes "name: Type" or "name: Type = default".
func ArgSignature(a *ast.ArgumentDefinition) string {
	if a.DefaultValue != nil {
		return a.Name + ": " + a.Type.String() + " = " + a.DefaultValue.String()
	}
	return a.Name + ": " + a.Type.String()
}

// DeprecationReason returns the reason of an @deprecated directive in dirs,
// the default reason when it gives none, or "" when there is no @deprecated.
func DeprecationReason(dirs ast.DirectiveList) string {
	d := dirs.ForName("deprecated")
	if d == nil {
		return ""
	}
	if r := d.Arguments.ForName("reason"); r != nil && r.Value != nil && r.Value.Raw != "" {
		return r.Value.Raw
	}
	return defaultDeprecation
}

// KindName names a type kind the way the docs pane shows it.
func KindName(k ast.DefinitionKind) string {
	switch k {
	case ast.Object:
		return "object"
	case ast.Interface:
		return "interface"
	case ast.Union:
		return "union"
	case ast.Enum:
		return "enum"
	case ast.InputObject:
		return "input object"
	}
	return "scalar"
}

// sdlKeyword is the SDL keyword that introduces a type of kind k.
func sdlKeyword(k ast.DefinitionKind) string {
	switch k {
	case ast.Object:
		return "type"
	case ast.Interface:
		return "interface"
	case ast.Union:
		return "union"
	case ast.Enum:
		return "enum"
	case ast.InputObject:
		return "input"
	}
	return "scalar"
}
