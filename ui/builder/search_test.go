package builder

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// rowKeys lists the keys of the rows on show.
func rowKeys(m Model) []string {
	out := make([]string, len(m.rows))
	for i, r := range m.rows {
		out[i] = r.key()
	}
	return out
}

// Typing finds a field nobody expanded, shows it under its ancestors, and space ticks it there;
// with the filter cleared the tree shows the ticked field in place.
func TestSearchFindsFieldsBeyondTheExpandedTree(t *testing.T) {
	s := toggleSchema(t)
	text := ""
	m := newModel(s, text, 0, 120, 40)
	if strings.Contains(strings.Join(rowKeys(m), " "), "product_name") {
		t.Fatal("the field is on show before searching")
	}
	m = typeText(t, m, &text, "product_n")
	got := strings.Join(rowKeys(m), " ")
	for _, want := range []string{"query", "query/Cards", "query/Cards/data", "query/Cards/data/product_name"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("rows %q lack %s", got, want)
		}
	}
	r, ok := m.current()
	if !ok || r.name != "product_name" {
		t.Fatalf("the selection is on %+v, not the match", r)
	}
	if v := m.View(); !strings.Contains(v, "▾ [ ] Cards") || !strings.Contains(v, "[ ] product_name") {
		t.Errorf("the match is not drawn under its ancestors:\n%s", v)
	}
	m, edits := press(t, m, &text, " ")
	if len(edits) != 1 {
		t.Fatalf("space made %d edits", len(edits))
	}
	doc, err := query.Parse(text)
	if err != nil {
		t.Fatalf("the built document does not parse: %v\n%s", err, text)
	}
	if op := doc.Operations[0]; op.Kind.String() != "query" || !strings.Contains(text, "product_name") || !strings.Contains(text, "data") {
		t.Errorf("ticked the wrong field:\n%s", text)
	}
	m, _ = press(t, m, &text, "esc")
	if m.filter != "" {
		t.Fatal("esc did not clear the filter")
	}
	if v := m.View(); !strings.Contains(v, "[x] product_name") {
		t.Errorf("with the filter cleared the ticked field is not in sight:\n%s", v)
	}
}

// cyclicSDL has types that reach themselves, and a chain longer than the search's reach.
const cyclicSDL = `
type Query { me: User, a1: A1 }
type User { name: String, friends: [User!]!, repos: [Repo!]! }
type Repo { owner: User!, title: String, forks: [Repo!]! }
type A1 { a2: A2 }
type A2 { a3: A3 }
type A3 { a4: A4 }
type A4 { deepest: String, a5: A5 }
type A5 { beyond: String }
`

// Cyclic types do not recurse: each type is opened once, at its shallowest path, and nothing is
// searched deeper than maxSearchDepth fields (a deeper field shows once expanded to).
func TestSearchIsBoundedOnCyclicTypes(t *testing.T) {
	s, err := schema.LoadSDL("cyclic.graphql", cyclicSDL)
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	m := newModel(s, text, 0, 120, 40)
	m = typeText(t, m, &text, "title")
	if got := strings.Join(rowKeys(m), " "); got != "query query/me query/me/repos query/me/repos/title" {
		t.Errorf("title found at %q, want once, at its shallowest path", got)
	}
	m, _ = press(t, m, &text, "esc")
	m = typeText(t, m, &text, "deepest")
	if got := rowKeys(m); len(got) == 0 || got[len(got)-1] != "query/a1/a2/a3/a4/deepest" {
		t.Errorf("a field %d deep is not found: %q", maxSearchDepth, got)
	}
	m, _ = press(t, m, &text, "esc")
	m = typeText(t, m, &text, "beyond")
	if len(m.rows) != 0 {
		t.Errorf("the search went past %d fields: %q", maxSearchDepth, rowKeys(m))
	}
}

// A filter matching everywhere stops at maxSearchHits and says so.
func TestSearchCapsItsMatches(t *testing.T) {
	s := githubSchema(t)
	text := ""
	m := newModel(s, text, 0, 120, 40)
	m = typeText(t, m, &text, "e")
	if !m.capped || !strings.Contains(m.View(), "the first 200 matches") {
		t.Errorf("a one-letter filter on GitHub's schema is not capped (%d rows)", len(m.rows))
	}
	m, _ = press(t, m, &text, "backspace")
	m = typeText(t, m, &text, "stargazerCount")
	if m.capped || len(m.rows) == 0 {
		t.Errorf("a precise filter: capped %v, %d rows", m.capped, len(m.rows))
	}
}
