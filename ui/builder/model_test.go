package builder

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// fieldChain is the node keys from the root down to the field at path.
func fieldChain(root ast.Operation, path ...string) []string {
	out := []string{string(root)}
	for i := range path {
		out = append(out, nodeKey(root, path[:i+1], nil))
	}
	return out
}

// argChain is the node keys down to an argument (then input fields) of the field at path.
func argChain(root ast.Operation, path []string, arg ...string) []string {
	out := fieldChain(root, path...)
	for i := range arg {
		out = append(out, nodeKey(root, path, arg[:i+1]))
	}
	return out
}

func TestBuildCardsByKeys(t *testing.T) {
	s := toggleSchema(t)
	text := ""
	m := newModel(s, text, 0, 120, 40)
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "data", "card_reference"))
	m, edits := press(t, m, &text, " ")
	if len(edits) != 1 {
		t.Fatalf("space gave %d edits", len(edits))
	}
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "data", "balance"))
	m, _ = press(t, m, &text, " ")
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "total"))
	m, _ = press(t, m, &text, " ")
	m = goTo(t, m, &text, argChain(ast.Query, []string{"Cards"}, "card_reference"))
	// enter opens the prompt; typing $ref makes the value a variable.
	m, _ = press(t, m, &text, "enter")
	m = typeText(t, m, &text, "$ref")
	m, edits = press(t, m, &text, "enter")
	want := "query Cards($ref: String) {\n  Cards(card_reference: $ref) {\n    data {\n      card_reference\n      balance\n    }\n    total\n  }\n}\n"
	if text != want {
		t.Fatalf("got\n%s\nwant\n%s", text, want)
	}
	if len(edits) != 1 || len(edits[0].Declared) != 1 || edits[0].Declared[0].Name != "ref" {
		t.Fatalf("edits %+v", edits)
	}
	if r, _ := m.current(); r.value != "$ref" {
		t.Fatalf("the argument row shows %q", r.value)
	}
	// Unticking balance is an edit too, and the tree follows it.
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "data", "balance"))
	m, _ = press(t, m, &text, " ")
	if strings.Contains(text, "balance") {
		t.Fatalf("balance still there:\n%s", text)
	}
	if r, _ := m.current(); r.selected {
		t.Fatal("the row still shows balance ticked")
	}
}

func TestDollarKeyMakesVariableAndHeldArguments(t *testing.T) {
	s := toggleSchema(t)
	text := ""
	m := newModel(s, text, 0, 120, 40)
	// An argument of a field not selected yet is held, then written with the first tick below.
	m = goTo(t, m, &text, argChain(ast.Query, []string{"Cards"}, "card_reference"))
	m, edits := press(t, m, &text, "$")
	if len(edits) != 0 {
		t.Fatalf("held argument edited the text: %q", text)
	}
	if r, _ := m.current(); r.value != "$card_reference" || !r.pending {
		t.Fatalf("row %+v", r)
	}
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "total"))
	_, edits = press(t, m, &text, " ")
	want := "query Cards($card_reference: String) {\n  Cards(card_reference: $card_reference) {\n    total\n  }\n}\n"
	if text != want {
		t.Fatalf("got\n%s", text)
	}
	if len(edits) != 1 || len(edits[0].Declared) != 1 {
		t.Fatalf("declared %+v", edits)
	}
}

func TestRequiredArgumentsAreAskedFor(t *testing.T) {
	s := toggleSchema(t)
	text := ""
	m := newModel(s, text, 0, 120, 40)
	m = goTo(t, m, &text, fieldChain(ast.Query, "Products", "name"))
	m, edits := press(t, m, &text, " ")
	if len(edits) != 0 || m.entry == nil || m.entry.req.arg[0] != "account_id" {
		t.Fatalf("expected a prompt for account_id, got entry %+v, text %q", m.entry, text)
	}
	m = typeText(t, m, &text, "abc")
	m, _ = press(t, m, &text, "enter")
	if m.entry == nil || m.entry.problem == "" {
		t.Fatal("a non-number for Int! should be refused in the prompt")
	}
	for range 3 {
		m, _ = press(t, m, &text, "backspace")
	}
	m = typeText(t, m, &text, "1")
	m, _ = press(t, m, &text, "enter")
	if want := "query Products {\n  Products(account_id: 1) {\n    name\n  }\n}\n"; text != want {
		t.Fatalf("got\n%s", text)
	}
}

func TestFilterKeepsAncestorsAndSpaceStillToggles(t *testing.T) {
	s := toggleSchema(t)
	text := "query Q {\n  Cards {\n    total\n  }\n}\n"
	m := newModel(s, text, 0, 120, 40)
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "data"))
	m, _ = press(t, m, &text, "right")
	m = typeText(t, m, &text, "balan")
	var names []string
	for _, r := range m.rows {
		names = append(names, r.name)
	}
	if got := strings.Join(names, " "); got != "Query Cards data balance initial_balance Mutation createBalanceAdjustment" {
		t.Fatalf("filtered rows: %s", got)
	}
	if r, _ := m.current(); r.name != "balance" {
		t.Fatalf("selection on %s, want the first match", r.name)
	}
	m, _ = press(t, m, &text, " ")
	if want := "query Q {\n  Cards {\n    total\n    data {\n      balance\n    }\n  }\n}\n"; text != want {
		t.Fatalf("got\n%s", text)
	}
	m, _ = press(t, m, &text, "esc")
	if m.filter != "" {
		t.Fatal("esc should clear the filter first")
	}
}

func TestTreeReflectsDocumentAndDeprecatedLast(t *testing.T) {
	s := toggleSchema(t)
	text := "query A { Accounts { total } }\n\nquery B {\n  Cards { data { ...F } }\n}\nfragment F on Card { balance }\n"
	m := newModel(s, text, strings.Index(text, "query B")+3, 120, 40)
	m = goTo(t, m, &text, fieldChain(ast.Query, "Cards", "data", "balance"))
	r, _ := m.current()
	if !r.selected || !r.viaFrag {
		t.Fatalf("balance through a fragment: %+v", r)
	}
	for _, r := range m.rows {
		if r.kind == rowField && r.depth == 1 && r.name == "Accounts" && r.selected {
			t.Fatal("Accounts belongs to the other operation")
		}
	}
	m, _ = press(t, m, &text, " ")
	if st, isErr := m.Status(); !isErr || !strings.Contains(st, "fragment") {
		t.Fatalf("status %q", st)
	}
}

func TestDeprecatedFieldsComeLastAndAreMarked(t *testing.T) {
	s, err := schema.LoadSDL("t.graphql", `type Query {
  "old way" old: Int @deprecated(reason: "use new")
  "new way" new: Int
  other: String
}`)
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(s, "", 0, 80, 24)
	var names []string
	for _, r := range m.rows {
		names = append(names, r.name)
	}
	if got := strings.Join(names, " "); got != "Query new other old" {
		t.Fatalf("rows %s", got)
	}
	text := ""
	m = goTo(t, m, &text, fieldChain(ast.Query, "old"))
	v := m.View()
	if !strings.Contains(v, "old Int deprecated") || !strings.Contains(v, "deprecated: use new") {
		t.Fatalf("deprecation not shown:\n%s", v)
	}
}

func TestEnumArgumentOffersValuesAndBecomesVariable(t *testing.T) {
	s, err := schema.LoadSDL("t.graphql", `type Query { items(order: Order = ASC, first: Int!): [Item] }
enum Order { ASC DESC }
type Item { id: ID }`)
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	m := newModel(s, text, 0, 80, 24)
	m = goTo(t, m, &text, fieldChain(ast.Query, "items", "id"))
	m, _ = press(t, m, &text, " ")
	if m.entry == nil || m.entry.req.arg[0] != "first" {
		t.Fatal("the required argument first was not asked for")
	}
	m = typeText(t, m, &text, "5")
	m, _ = press(t, m, &text, "enter")
	m = goTo(t, m, &text, argChain(ast.Query, []string{"items"}, "order"))
	m, _ = press(t, m, &text, "enter")
	if m.entry == nil || strings.Join(m.entry.choices, " ") != "ASC DESC" {
		t.Fatalf("enum prompt %+v", m.entry)
	}
	if v := m.View(); !strings.Contains(v, "‹ASC›") {
		t.Fatalf("choices not shown:\n%s", v)
	}
	m, _ = press(t, m, &text, "down", "enter")
	if want := "query Items {\n  items(first: 5, order: DESC) {\n    id\n  }\n}\n"; text != want {
		t.Fatalf("got\n%s", text)
	}
	m, edits := press(t, m, &text, "$")
	if want := "query Items($order: Order) {\n  items(first: 5, order: $order) {\n    id\n  }\n}\n"; text != want {
		t.Fatalf("got\n%s", text)
	}
	if len(edits) != 1 || len(edits[0].Declared) != 1 || edits[0].Declared[0].Type.String() != "Order" {
		t.Fatalf("edits %+v", edits)
	}
	// del clears the argument, and the unused variable goes with it.
	press(t, m, &text, "delete")
	if want := "query Items {\n  items(first: 5) {\n    id\n  }\n}\n"; text != want {
		t.Fatalf("got\n%s", text)
	}
}

func TestOpenAtTypeExpandsToItsFirstField(t *testing.T) {
	s := toggleSchema(t)
	m, ok := newModel(s, "", 0, 120, 40).OpenAt("Card")
	if !ok {
		t.Fatal("Card not found")
	}
	if r, _ := m.current(); r.key() != "query/Cards/data" || !r.expanded {
		t.Fatalf("selected %s (expanded %v), want query/Cards/data expanded", r.key(), r.expanded)
	}
	if _, ok := newModel(s, "", 0, 120, 40).OpenAt("ReversalItemInput"); ok {
		t.Fatal("an input type has no field to open at")
	}
	if m, ok := newModel(s, "", 0, 120, 40).OpenAt("Mutation"); !ok {
		t.Fatal("a root type opens at its root")
	} else if r, _ := m.current(); r.key() != "mutation" {
		t.Fatalf("selected %s", r.key())
	}
}
