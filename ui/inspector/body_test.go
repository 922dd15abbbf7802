package inspector

import (
	"strings"
	"testing"
)

// A request body shows its query as the text it is, not as a JSON string of \n escapes.
func TestRequestBodyShowsTheQueryAsText(t *testing.T) {
	body := []byte(`{"query":"query Balance($ref: String!) {\n  Cards(card_reference: $ref) { total }\n}\n","variables":{"ref":"63"},"operationName":"Balance"}`)
	got := strings.Join(requestBodyLines(body, 80), "\n")
	for _, want := range []string{"    query Balance($ref: String!) {", "      Cards(card_reference: $ref) { total }", "  operationName: \"Balance\"", "\"ref\": \"63\""} {
		if !strings.Contains(got, want) {
			t.Errorf("request body lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, `\n`) {
		t.Errorf("the query is still escaped:\n%s", got)
	}
	// Not a GraphQL request: shown as it is.
	if got := requestBodyLines([]byte("not json"), 80); len(got) != 1 || !strings.Contains(got[0], "not json") {
		t.Errorf("a plain body became %q", got)
	}
}
