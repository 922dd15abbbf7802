package build

import (
	"os"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// toggleSchema loads the fake Toggle API's schema, the one the builder meets first.
func toggleSchema(t testing.TB) *ast.Schema {
	t.Helper()
	data, err := os.ReadFile("../../mockapi/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(data)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mustValid fails unless text parses and validates against s.
func mustValid(t testing.TB, s *ast.Schema, text string) {
	t.Helper()
	if _, err := gqlparser.LoadQuery(s, text); err != nil {
		t.Fatalf("invalid document: %v\n%s", err, text)
	}
}
