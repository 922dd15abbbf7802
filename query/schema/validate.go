package schema

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// Diagnostic is one problem found in a document: where, what, and which
// validation rule found it.
type Diagnostic struct {
	// Line and Column are 1-based; Column counts code points. They always
	// fall inside the text (or just after its last character).
	Line, Column int
	// Message is gqlparser's message, e.g. `Cannot query field "x" on type "Card".`
	Message string
	// Rule names the validation rule ("FieldsOnCorrectType", ...); "syntax"
	// for a syntax error.
	Rule string
}

// String formats the diagnostic as "line:col: message".
func (d Diagnostic) String() string { return fmt.Sprintf("%d:%d: %s", d.Line, d.Column, d.Message) }

// RuleSyntax is the Rule of a syntax error's Diagnostic.
const RuleSyntax = "syntax"

// Validate checks text against the schema with gqlparser's validator and
// returns the problems sorted by position, or nil. A syntax error stops
// validation and is the only Diagnostic. An empty document has no problems.
// Validate never panics.
func (s *Schema) Validate(text string) (diags []Diagnostic) {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	ix := query.NewTextIndex(text)
	doc, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		se := query.NewSyntaxError(ix, err)
		return []Diagnostic{{Line: se.Line, Column: se.Column, Message: se.Message, Rule: RuleSyntax}}
	}
	errs := s.validateDoc(doc)
	diags = make([]Diagnostic, 0, len(errs))
	for _, e := range errs {
		line, col := 1, 1
		if len(e.Locations) > 0 {
			line, col = e.Locations[0].Line, e.Locations[0].Column
		}
		line, col = ix.ClampLineCol(line, col)
		diags = append(diags, Diagnostic{Line: line, Column: col, Message: e.Message, Rule: e.Rule})
	}
	slices.SortStableFunc(diags, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return diags
}

// validateDoc runs the validator, turning a panic into a diagnostic: a schema
// loaded without strict checks may hold shapes the validator never expects,
// and validation runs on every keystroke.
func (s *Schema) validateDoc(doc *ast.QueryDocument) (errs gqlerror.List) {
	defer func() {
		if r := recover(); r != nil {
			errs = gqlerror.List{{Message: fmt.Sprintf("the validator failed on this document: %v", r), Rule: "internal"}}
		}
	}()
	return validator.ValidateWithRules(s.ast, doc, s.rules)
}
