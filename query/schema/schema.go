package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// MaxBytes caps a schema file or an introspection response. GitHub's
// public schema is 5 MB pretty-printed; anything beyond this is more likely a
// wrong file (or a hostile server) than a schema, and would cost hundreds of
// megabytes to decode.
const MaxBytes = 64 << 20

// Schema is a loaded GraphQL schema together with what the editor needs to
// answer quickly: a search index for the docs pane (built on the first search:
// `check` never searches, and on GitHub's schema the index costs a sixth of the
// load) and the validation rules. It is immutable once loaded and safe to
// share between goroutines.
type Schema struct {
	ast        *ast.Schema
	warnings   []string
	indexOnce  sync.Once
	index      *searchIndex // guarded by indexOnce: read it through searchIndex()
	rules      *rules.Rules
	types      []*ast.Definition          // sorted by name, for completion
	directives []*ast.DirectiveDefinition // sorted by name
}

// SortedTypes returns every type, sorted by name. Callers must not modify it.
func (s *Schema) SortedTypes() []*ast.Definition { return s.types }

// SortedDirectives returns every directive, sorted by name.
func (s *Schema) SortedDirectives() []*ast.DirectiveDefinition { return s.directives }

// AST returns the underlying gqlparser schema. Callers must not modify it.
func (s *Schema) AST() *ast.Schema { return s.ast }

// Warnings lists what the loader had to repair or relax to load the schema
// (a field defined twice, a type referenced but never defined, ...), in the
// order found. It is empty for a schema that passed strict validation.
func (s *Schema) Warnings() []string { return append([]string(nil), s.warnings...) }

// Roots returns the names of the query, mutation and subscription root types;
// a root the schema does not have is "".
func (s *Schema) Roots() (query, mutation, subscription string) {
	if s.ast.Query != nil {
		query = s.ast.Query.Name
	}
	if s.ast.Mutation != nil {
		mutation = s.ast.Mutation.Name
	}
	if s.ast.Subscription != nil {
		subscription = s.ast.Subscription.Name
	}
	return query, mutation, subscription
}

// SDL prints the schema as SDL (types and directives sorted by name, built-in
// definitions left out), with descriptions.
func (s *Schema) SDL() string {
	var buf bytes.Buffer
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchema(s.ast)
	return buf.String()
}

// LoadSDL parses and loads a schema written in SDL. name labels positions in
// errors and warnings (usually the file name). A syntax error is an error of
// the form "name:line:col: message" wrapping a *SyntaxError. A schema that
// parses but breaks a validation rule still loads: see Warnings.
func LoadSDL(name, text string) (*Schema, error) {
	if len(text) > MaxBytes {
		return nil, fmt.Errorf("%s: the schema is %s, over the %s limit", name, display.Size(int64(len(text))), display.Size(MaxBytes))
	}
	doc, err := parser.ParseSchema(&ast.Source{Name: name, Input: text})
	if err != nil {
		return nil, fmt.Errorf("%s:%w", name, schemaSyntaxError(text, err))
	}
	return build(doc)
}

// schemaSyntaxError turns a parser error into a *SyntaxError placed inside text.
func schemaSyntaxError(text string, err error) *query.SyntaxError {
	ix := query.NewTextIndex(text)
	line, col, msg := 1, 1, err.Error()
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) {
		msg = gerr.Message
		if len(gerr.Locations) > 0 {
			line, col = gerr.Locations[0].Line, gerr.Locations[0].Column
		}
	}
	line, col = ix.ClampLineCol(line, col)
	return &query.SyntaxError{Line: line, Column: col, Message: msg}
}

// LoadFile loads a schema from a file holding either SDL or an introspection
// result (JSON, as {"data":{"__schema":...}} or {"__schema":...}), told apart
// by the first byte that is not white space: "{" means JSON, because SDL never
// starts with a brace. Files over MaxBytes are refused before reading.
func LoadFile(path string) (*Schema, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxBytes {
		return nil, fmt.Errorf("schema %s is %s, over the %s limit", path, display.Size(info.Size()), display.Size(MaxBytes))
	}
	// Read one byte past the cap so a file that grew after Stat is caught too.
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", path, err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("schema %s is over the %s limit", path, display.Size(MaxBytes))
	}
	if looksLikeJSON(data) {
		s, err := LoadIntrospection(data)
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", path, err)
		}
		return s, nil
	}
	return LoadSDL(path, string(data))
}

// looksLikeJSON reports whether the first significant byte (after white
// space and a byte-order mark) is "{".
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{'
}
