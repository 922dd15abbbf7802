package query

import (
	"errors"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Document is a syntactically valid GraphQL executable document. It is
// immutable once Parse returns it and safe to share between goroutines.
type Document struct {
	// Text is the source exactly as given to Parse.
	Text string
	// Operations are the document's operations in source order.
	Operations []Operation

	parsed    *ast.QueryDocument // Operations[i] comes from parsed.Operations[i]
	fragments []fragment         // in source order
	index     *TextIndex
}

// Operation describes one operation of a Document.
type Operation struct {
	// Name is the operation's name; empty for an anonymous operation.
	Name string
	// Kind is Query, Mutation or Subscription.
	Kind Kind
	// Line and Column locate the operation keyword (or the "{" of a shorthand
	// query), 1-based, as gqlparser reports it.
	Line, Column int
	// StartOffset and EndOffset are the byte range of the operation in
	// Document.Text, from its description (if any) to its closing brace
	// inclusive: Text[StartOffset:EndOffset].
	StartOffset, EndOffset int
	// Variables are the declared variables in order.
	Variables []VariableDef
	// RootFields are the names (not aliases) of the top-level fields, in order,
	// including those selected through inline fragments and fragment spreads at
	// the top level; each name appears once.
	RootFields []string
}

// VariableDef is one declared variable of an operation.
type VariableDef struct {
	// Name is the variable name without the "$".
	Name string
	// Type is the type in canonical GraphQL form, e.g. "String!" or "[ID!]".
	Type string
	// Required is true for a non-null type without a default value: the
	// caller must provide it.
	Required bool
	// Default is the default value in GraphQL syntax, or "" when there is none.
	Default string
}

// fragment is a fragment definition and where it sits in the text.
type fragment struct {
	name       string
	start, end int // byte range, as for Operation
	def        *ast.FragmentDefinition
}

// Parse checks the syntax of text with gqlparser (no schema needed) and
// describes its operations. A syntax error is a *SyntaxError whose position is
// always inside the text; an empty document is ErrEmpty and a document of
// fragments only is ErrNoOperation.
func Parse(text string) (*Document, error) {
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	ix := NewTextIndex(text)
	parsed, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		return nil, NewSyntaxError(ix, err)
	}
	if len(parsed.Operations) == 0 {
		if len(parsed.Fragments) == 0 {
			return nil, ErrEmpty // only comments, commas or a byte-order mark
		}
		return nil, ErrNoOperation
	}
	spans, err := definitionSpans(ix, parsed)
	if err != nil {
		return nil, err
	}
	doc := &Document{Text: text, parsed: parsed, index: ix}
	for i, f := range parsed.Fragments {
		s := spans[f.Position.Start]
		doc.fragments = append(doc.fragments, fragment{name: f.Name, start: s.start, end: s.end, def: parsed.Fragments[i]})
	}
	for _, op := range parsed.Operations {
		s := spans[op.Position.Start]
		doc.Operations = append(doc.Operations, Operation{
			Name:        op.Name,
			Kind:        kindOf(op.Operation),
			Line:        op.Position.Line,
			Column:      op.Position.Column,
			StartOffset: s.start,
			EndOffset:   s.end,
			Variables:   variableDefs(op.VariableDefinitions),
			RootFields:  rootFields(op.SelectionSet, parsed.Fragments),
		})
	}
	return doc, nil
}

// NewSyntaxError turns gqlparser's error into a *SyntaxError inside the text.
func NewSyntaxError(ix *TextIndex, err error) *SyntaxError {
	if strings.Contains(err.Error(), "<Invalid>") {
		// The parser reports a token the lexer rejected as "Unexpected
		// <Invalid>" and drops the lexer's own, clearer message ("Unterminated
		// string.", "Unexpected character..."); lexing again recovers it.
		if _, lexErr := tokenBounds(ix.text); lexErr != nil {
			err = lexErr
		}
	}
	line, col, msg := 1, 1, err.Error()
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) {
		msg = gerr.Message
		if len(gerr.Locations) > 0 {
			line, col = gerr.Locations[0].Line, gerr.Locations[0].Column
		}
	}
	line, col = ix.ClampLineCol(line, col)
	return &SyntaxError{Line: line, Column: col, Message: msg}
}

func kindOf(op ast.Operation) Kind {
	switch op {
	case ast.Mutation:
		return Mutation
	case ast.Subscription:
		return Subscription
	}
	return Query
}

func variableDefs(defs ast.VariableDefinitionList) []VariableDef {
	var out []VariableDef
	for _, d := range defs {
		v := VariableDef{Name: d.Variable, Type: d.Type.String()}
		if d.DefaultValue != nil {
			v.Default = d.DefaultValue.String()
		}
		v.Required = d.Type.NonNull && d.DefaultValue == nil
		out = append(out, v)
	}
	return out
}
