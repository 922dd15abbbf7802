package completion

import (
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/internal/fixture"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// loadSDLFile loads a schema fixture or fails the test.
func loadSDLFile(t testing.TB, name string) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile(fixture.Path(name))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return s
}

// cursor splits a test case written with "|" at the cursor into the text and
// the cursor's byte offset.
func cursor(tc string) (string, int) { return fixture.Cursor(tc) }

// labels lists the completions' labels.
func labels(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}
