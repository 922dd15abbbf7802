package query

import (
	"os"
	"strings"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"
)

// fixturePath locates a schema fixture. "toggle.graphql" is the fake Toggle API's own schema, read
// where it lives so these tests always follow what users of the fake see.
func fixturePath(name string) string {
	if name == "toggle.graphql" {
		return "../mockapi/schema.graphql"
	}
	return "testdata/schema/" + name
}

// loadSDLFile loads a schema fixture or fails the test.
func loadSDLFile(t testing.TB, name string) *Schema {
	t.Helper()
	s, err := LoadFile(fixturePath(name))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return s
}

// readFixture returns a fixture's text.
func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(fixturePath(name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// serverIntrospection is what a real GraphQL server (graph-gophers/graphql-go,
// which the fake API runs on) answers to introspection for the SDL.
func serverIntrospection(t testing.TB, sdl string) []byte {
	t.Helper()
	gs, err := graphql.ParseSchema(sdl, nil, graphql.UseStringDescriptions())
	if err != nil {
		t.Fatalf("graph-gophers: %v", err)
	}
	js, err := gs.ToJSON()
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// cursor splits a test case written with "|" at the cursor into the text and
// the cursor's byte offset.
func cursor(tc string) (string, int) {
	off := strings.Index(tc, "|")
	if off < 0 {
		return tc, len(tc)
	}
	return tc[:off] + tc[off+1:], off
}

// labels lists the completions' labels.
func labels(items []Completion) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}
