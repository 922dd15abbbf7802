package schema

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// maxWarnings bounds Schema.Warnings: a badly broken schema could otherwise
// produce one line per field, which nobody reads.
const maxWarnings = 100

// build turns the user's schema document (without the prelude) into a Schema.
// Real schemas are imperfect (GitHub's published SDL defines two fields twice)
// and a schema that breaks a rule is still far more useful to the editor than
// none, so:
//
//  1. later duplicate definitions (types, fields, enum values, arguments,
//     directives) are dropped first, with a warning for each: strict
//     validation would refuse them, and validating once to learn that costs
//     as much as the pass that follows;
//  2. gqlparser's strict validation runs once;
//  3. if that fails, the schema is assembled without strict validation (see
//     assembleLoose), recording why.
func build(doc *ast.SchemaDocument) (*Schema, error) {
	full := validator.PreludeDocument()
	full.Merge(doc)

	warnings := repairDuplicates(full)
	restore := snapshot(full)
	schema, err := validateStrict(full)
	if err != nil {
		restore()
		warnings = append(warnings, "not every validation rule holds ("+errorText(err)+"); loaded without strict checks")
		var more []string
		schema, more = assembleLoose(full)
		warnings = append(warnings, more...)
	}
	if schema.Query == nil {
		warnings = append(warnings, "the schema has no query root type")
	}
	return newSchema(schema, warnings), nil
}

// newSchema wraps a loaded gqlparser schema with the indexes the editor uses.
func newSchema(schema *ast.Schema, warnings []string) *Schema {
	if len(warnings) > maxWarnings {
		extra := len(warnings) - maxWarnings
		warnings = append(warnings[:maxWarnings:maxWarnings], fmt.Sprintf("... and %d more warnings", extra))
	}
	s := &Schema{
		ast:      schema,
		warnings: warnings,
		rules:    rules.NewDefaultRules(),
	}
	s.types = make([]*ast.Definition, 0, len(schema.Types))
	for _, def := range schema.Types {
		s.types = append(s.types, def)
	}
	slices.SortFunc(s.types, func(a, b *ast.Definition) int { return strings.Compare(a.Name, b.Name) })
	s.directives = make([]*ast.DirectiveDefinition, 0, len(schema.Directives))
	for _, d := range schema.Directives {
		s.directives = append(s.directives, d)
	}
	slices.SortFunc(s.directives, func(a, b *ast.DirectiveDefinition) int { return strings.Compare(a.Name, b.Name) })
	return s
}

// validateStrict runs gqlparser's schema validation, turning a panic inside
// it into an error: the loader runs in the background of a TUI, and a
// third-party bug triggered by a server's odd schema must not take it down.
func validateStrict(doc *ast.SchemaDocument) (schema *ast.Schema, err error) {
	defer func() {
		if r := recover(); r != nil {
			schema, err = nil, fmt.Errorf("gqlparser failed on this schema: %v", r)
		}
	}()
	return validator.ValidateSchemaDocument(doc)
}

// snapshot records the lengths of every list that ValidateSchemaDocument
// appends to (it merges type and directive extensions into the base
// definitions in place) and returns a function that truncates them back, so a
// failed validation can be retried on the same document without duplicating
// the extensions' fields. Appends never overwrite elements below the old
// length, so truncation restores the lists exactly.
func snapshot(doc *ast.SchemaDocument) func() {
	type lengths struct{ dirs, ifaces, fields, types, typePos, enums int }
	defs := append(ast.DefinitionList(nil), doc.Definitions...)
	saved := make([]lengths, len(defs))
	for i, d := range defs {
		saved[i] = lengths{len(d.Directives), len(d.Interfaces), len(d.Fields), len(d.Types), len(d.TypePositions), len(d.EnumValues)}
	}
	dirDefs := append(ast.DirectiveDefinitionList(nil), doc.Directives...)
	dirLens := make([]int, len(dirDefs))
	for i, d := range dirDefs {
		dirLens[i] = len(d.Directives)
	}
	return func() {
		for i, d := range defs {
			l := saved[i]
			d.Directives = d.Directives[:min(l.dirs, len(d.Directives))]
			d.Interfaces = d.Interfaces[:min(l.ifaces, len(d.Interfaces))]
			d.Fields = d.Fields[:min(l.fields, len(d.Fields))]
			d.Types = d.Types[:min(l.types, len(d.Types))]
			d.TypePositions = d.TypePositions[:min(l.typePos, len(d.TypePositions))]
			d.EnumValues = d.EnumValues[:min(l.enums, len(d.EnumValues))]
		}
		for i, d := range dirDefs {
			d.Directives = d.Directives[:min(dirLens[i], len(d.Directives))]
		}
	}
}

// errorText formats a gqlparser error as "file:line:col: message" when it has
// a position, else just the message.
func errorText(err error) string {
	var gerr *gqlerror.Error
	if !errors.As(err, &gerr) {
		return err.Error()
	}
	if len(gerr.Locations) == 0 || gerr.Locations[0].Line <= 0 {
		return gerr.Message
	}
	prefix := ""
	if f, ok := gerr.Extensions["file"].(string); ok && f != "" {
		prefix = f + ":"
	}
	return prefix + strconv.Itoa(gerr.Locations[0].Line) + ":" + strconv.Itoa(gerr.Locations[0].Column) + ": " + gerr.Message
}

// posText formats a schema position as "file:line:col" ("" when unknown, as
// for a schema converted from introspection).
func posText(p *ast.Position) string {
	if p == nil || p.Line <= 0 {
		return ""
	}
	name := ""
	if p.Src != nil && p.Src.Name != "" {
		name = p.Src.Name + ":"
	}
	return name + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// at prefixes msg with the position, when known: "file:line:col: msg".
func at(p *ast.Position, msg string) string {
	if s := posText(p); s != "" {
		return s + ": " + msg
	}
	return msg
}
