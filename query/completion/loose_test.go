package completion

import (
	"slices"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// TestCompleteInALooseSchema completes in a schema no strict loader accepts
// (undefined types and directives, a broken interface).
func TestCompleteInALooseSchema(t *testing.T) {
	const sdl = `type Query {
  card(id: ID!): Card @cost(weight: 2)
  thing: Missing
}
interface Node { id: ID! }
type Card implements Node { name: String }
`
	s, err := schema.LoadSDL("broken.graphql", sdl)
	if err != nil {
		t.Fatalf("LoadSDL: %v", err)
	}
	if _, items := Complete(s, "{ card(id: 1) { ", 16); !slices.Contains(labels(items), "name") {
		t.Errorf("completion in a loose schema: %v", labels(items))
	}
}
