package build

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestToggleBuildsCardsFromEmpty(t *testing.T) {
	s := toggleSchema(t)
	text, cur := "", 0
	step := func(path []string, pending map[string][]Arg) {
		t.Helper()
		ch, err := Toggle(s, text, cur, ast.Query, path, pending)
		if err != nil {
			t.Fatal(err)
		}
		if got := ch.Edit.Apply(text); got != ch.Text {
			t.Fatalf("edit does not produce the text:\n%q\n%q", got, ch.Text)
		}
		text, cur = ch.Text, ch.Cursor
	}
	step([]string{"Cards", "data", "card_reference"}, nil)
	step([]string{"Cards", "data", "balance"}, nil)
	step([]string{"Cards", "total"}, nil)
	ch, err := SetArg(s, text, cur, ast.Query, []string{"Cards"}, Arg{Path: []string{"card_reference"}, Value: "$ref"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `query Cards($ref: String) {
  Cards(card_reference: $ref) {
    data {
      card_reference
      balance
    }
    total
  }
}
`
	if ch.Text != want {
		t.Fatalf("got\n%s\nwant\n%s", ch.Text, want)
	}
	if len(ch.Declared) != 1 || ch.Declared[0].Name != "ref" || ch.Declared[0].Type.String() != "String" {
		t.Fatalf("declared %+v", ch.Declared)
	}
	mustValid(t, s, ch.Text)
	// Unticking everything takes the operation away; the arguments' variable goes with it.
	text, cur = ch.Text, ch.Cursor
	step([]string{"Cards", "total"}, nil)
	step([]string{"Cards", "data", "balance"}, nil)
	if want := "query Cards($ref: String) {\n  Cards(card_reference: $ref) {\n    data {\n      card_reference\n    }\n  }\n}\n"; text != want {
		t.Fatalf("got\n%s", text)
	}
	step([]string{"Cards", "data", "card_reference"}, nil)
	if text != "" {
		t.Fatalf("got %q, want empty", text)
	}
}

func TestToggleKeepsFormattingCommentsAndOtherOperations(t *testing.T) {
	s := toggleSchema(t)
	doc := `# my notes
query A {
  Cards { # cards
    total   # how many
  }
}

fragment Bits on Card { balance }

mutation M { createReversal(merchant_transaction_reference: "x", merchant_id: 1, ReversalItems: {line_item_id: 1}) { id } }
`
	ch, err := Toggle(s, doc, 15, ast.Query, []string{"Cards", "per_page"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `# my notes
query A {
  Cards { # cards
    total   # how many
    per_page
  }
}

fragment Bits on Card { balance }

mutation M { createReversal(merchant_transaction_reference: "x", merchant_id: 1, ReversalItems: {line_item_id: 1}) { id } }
`
	if ch.Text != want {
		t.Fatalf("got\n%s", ch.Text)
	}
	if ch.Edit.Start < len("# my notes\nquery A {\n  Cards { # cards\n") || len(ch.Edit.New) > len("\n    per_page") {
		t.Fatalf("edit is not small: %+v", ch.Edit)
	}
	// Inline selection sets stay inline.
	at := len(want) - 10
	ch, err = Toggle(s, want, at, ast.Mutation, []string{"createReversal", "value"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want2 := `{line_item_id: 1}) { id value } }`; !contains(ch.Text, want2) {
		t.Fatalf("got\n%s", ch.Text)
	}
}

func TestToggleFragmentsAndAliases(t *testing.T) {
	s := toggleSchema(t)
	doc := "query Q {\n  Cards {\n    data { ...Bits }\n    n: total\n  }\n}\nfragment Bits on Card { balance }\n"
	st := Inspect(doc, 3, ast.Query)
	if !st.Selected["Cards/data/balance"] || !st.ViaFragment["Cards/data/balance"] || st.ViaFragment["Cards/data"] {
		t.Fatalf("state %+v", st)
	}
	if !st.Selected["Cards/total"] {
		t.Fatal("aliased field not reported selected")
	}
	if _, err := Toggle(s, doc, 3, ast.Query, []string{"Cards", "data", "balance"}, nil); err == nil {
		t.Fatal("unticking a fragment's field should be refused")
	}
	if _, err := Toggle(s, doc, 3, ast.Query, []string{"Cards", "total"}, nil); err == nil {
		t.Fatal("unticking an aliased field should be refused")
	}
	ch, err := Toggle(s, doc, 3, ast.Query, []string{"Cards", "data", "used"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "    data { ...Bits used }\n"; !contains(ch.Text, want) {
		t.Fatalf("got\n%s", ch.Text)
	}
}

func TestToggleObjectFieldAsksForAField(t *testing.T) {
	s := toggleSchema(t)
	if _, err := Toggle(s, "", 0, ast.Query, []string{"Cards"}, nil); err != ErrComposite {
		t.Fatalf("err = %v", err)
	}
	if _, err := Toggle(s, "{ Cards { total } ", 0, ast.Query, []string{"Cards", "total"}, nil); err == nil {
		t.Fatal("a syntax error should be reported")
	}
}

func TestSetArgNestedInputAndRemoval(t *testing.T) {
	s := toggleSchema(t)
	text := "mutation R {\n  createReversal(merchant_id: 26) {\n    id\n  }\n}\n"
	set := func(path []string, v string) {
		t.Helper()
		ch, err := SetArg(s, text, 0, ast.Mutation, []string{"createReversal"}, Arg{Path: path, Value: v}, nil)
		if err != nil {
			t.Fatal(err)
		}
		text = ch.Text
	}
	set([]string{"ReversalItems", "line_item_id"}, "$line")
	set([]string{"ReversalItems", "shipping_refund"}, "false")
	set([]string{"merchant_transaction_reference"}, "$txn")
	set([]string{"merchant_id"}, "27")
	want := "mutation R($line: Int, $txn: String) {\n  createReversal(merchant_id: 27, ReversalItems: [{ line_item_id: $line, shipping_refund: false }], merchant_transaction_reference: $txn) {\n    id\n  }\n}\n"
	if text != want {
		t.Fatalf("got\n%s\nwant\n%s", text, want)
	}
	set([]string{"merchant_transaction_reference"}, "")
	set([]string{"ReversalItems", "line_item_id"}, "")
	want = "mutation R {\n  createReversal(merchant_id: 27, ReversalItems: [{ shipping_refund: false }]) {\n    id\n  }\n}\n"
	if text != want {
		t.Fatalf("got\n%s\nwant\n%s", text, want)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestCursorAboveAnOperationMeansThatOperation(t *testing.T) {
	doc := "# notes\n\nquery A {\n  Cards { total }\n}\n\n# next\nmutation M { createReversal(merchant_id: 1) { id } }\n"
	if st := Inspect(doc, 0, ast.Query); !st.Found || !st.Selected["Cards/total"] {
		t.Fatalf("cursor on the comment above A: %+v", st)
	}
	if st := Inspect(doc, 0, ast.Mutation); st.Found {
		t.Fatal("the mutation is not the operation after the cursor")
	}
	at := len("# notes\n\nquery A {\n  Cards { total }\n}\n\n# ne")
	if st := Inspect(doc, at, ast.Mutation); !st.Found || !st.Selected["createReversal/id"] {
		t.Fatalf("cursor on the comment above M: %+v", st)
	}
	if st := Inspect(doc, at, ast.Query); st.Found {
		t.Fatal("A is before the cursor")
	}
}

func TestInspectReportsNestedArgumentValues(t *testing.T) {
	doc := `mutation M { createReversal(merchant_id: 26, ReversalItems: [{ line_item_id: $line, shipping_refund: false }]) { id } }`
	st := Inspect(doc, 0, ast.Mutation)
	args := st.Args["createReversal"]
	if args["merchant_id"] != "26" || args["ReversalItems/line_item_id"] != "$line" || args["ReversalItems/shipping_refund"] != "false" {
		t.Fatalf("args %v", args)
	}
}

func TestVariablesTakeTheTypeOfTheirOwnField(t *testing.T) {
	s, err := gqlparser.LoadSchema(&ast.Source{Input: `type Query { outer(n: Int): Outer }
type Outer { inner(n: String): Int }`})
	if err != nil {
		t.Fatal(err)
	}
	pending := map[string][]Arg{
		"outer":       {{Path: []string{"n"}, Value: "$a"}},
		"outer/inner": {{Path: []string{"n"}, Value: "$b"}},
	}
	ch, err := Toggle(s, "", 0, ast.Query, []string{"outer", "inner"}, pending)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ch.Text, "query Outer($a: Int, $b: String)") {
		t.Fatalf("got\n%s", ch.Text)
	}
	mustValid(t, s, ch.Text)
}
