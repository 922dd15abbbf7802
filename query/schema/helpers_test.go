package schema

import (
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/internal/fixture"
)

// loadSDLFile loads a schema fixture or fails the test.
func loadSDLFile(t testing.TB, name string) *Schema {
	t.Helper()
	s, err := LoadFile(fixture.Path(name))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return s
}

// readFixture returns a fixture's text.
func readFixture(t testing.TB, name string) string { return fixture.Read(t, name) }

// serverIntrospection is what a real GraphQL server answers to introspection
// for the SDL.
func serverIntrospection(t testing.TB, sdl string) []byte {
	return fixture.ServerIntrospection(t, sdl)
}

// toggleDoc holds the example operations from Toggle's API documentation.
const toggleDoc = fixture.ToggleDoc

// mustParse parses text or fails the test.
func mustParse(t testing.TB, text string) *query.Document {
	t.Helper()
	d, err := query.Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}
