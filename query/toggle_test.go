package query

import "github.com/toggle-explorer/toggle-explorer/query/internal/fixture"

// toggleDoc holds the example operations from Toggle's API documentation.
const toggleDoc = fixture.ToggleDoc

// cardRef is a 19-digit card reference: more digits than a float64 holds.
const cardRef = "6301234567890123457"

// mustParse parses text or fails the test.
func mustParse(t interface {
	Helper()
	Fatalf(string, ...any)
}, text string) *Document {
	t.Helper()
	d, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}
