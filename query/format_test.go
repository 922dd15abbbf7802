package query

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func TestFormat(t *testing.T) {
	in := `# Look up a card
query Balance($ref:String!="x"){Cards(card_reference:$ref,page:1){
  # the data
  data{card_reference balance}}}
fragment F on Card{id}
mutation M{a(s:"""
  block
""")}`
	// Source order, a block string as written, a blank line between definitions.
	want := `# Look up a card
query Balance($ref: String! = "x") {
  Cards(card_reference: $ref, page: 1) {
    # the data
    data {
      card_reference
      balance
    }
  }
}

fragment F on Card {
  id
}

mutation M {
  a(s: """
  block
""")
}
`
	got, err := Format(in)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Format =\n%s\nwant\n%s", got, want)
	}
	// Formatting keeps the meaning: same operations, variables and fields.
	a, b := mustParse(t, in), mustParse(t, got)
	for i := range a.Operations {
		x, y := a.Operations[i], b.Operations[i]
		if x.Name != y.Name || x.Kind != y.Kind || !reflect.DeepEqual(x.Variables, y.Variables) || !reflect.DeepEqual(x.RootFields, y.RootFields) {
			t.Errorf("operation %d changed: %+v -> %+v", i, x, y)
		}
	}
	// And it is stable.
	if again, err := Format(got); err != nil || again != got {
		t.Errorf("Format is not idempotent: %q, %v", again, err)
	}
}

func TestFormatToggleExamples(t *testing.T) {
	got, err := Format(toggleDoc)
	if err != nil {
		t.Fatal(err)
	}
	d := mustParse(t, got)
	if len(d.Operations) != 3 || !strings.Contains(got, "\n  loginUser(") {
		t.Errorf("Format(toggleDoc) =\n%s", got)
	}
}

// Every comment stays, at the end of its line or on a line of its own, wherever it was: in a
// variable list, after the last field of a block.
func TestFormatKeepsEveryComment(t *testing.T) {
	in := "query A($v: Int # why v\n) {\n  a # kept here\n  b\n  # trailing\n}\n"
	want := "query A($v: Int # why v\n  ) {\n  a # kept here\n  b\n  # trailing\n}\n"
	got, err := Format(in)
	if err != nil || got != want {
		t.Fatalf("Format = %q, %v\nwant %q", got, err, want)
	}
}

// The cases: no space before the variables, blank lines between operations and inside
// a selection set kept (one at most), fragments and inline fragments, list and object values.
func TestFormatConventionalSpacing(t *testing.T) {
	in := `query Balance($ref:String!){Cards(card_reference:$ref){total}}
mutation Redeem($ref: String!) {
  createBalanceAdjustment(card_reference: $ref, value: -1000, tags: [1 2 {a: 1}]) { id


  value ...F ... on X { y } }
}
{ a }
query ($a: [[Int!]!] = [[1]]) @dir(x: 1) { b: a @skip(if: true) }`
	want := `query Balance($ref: String!) {
  Cards(card_reference: $ref) {
    total
  }
}

mutation Redeem($ref: String!) {
  createBalanceAdjustment(card_reference: $ref, value: -1000, tags: [1, 2, {a: 1}]) {
    id

    value
    ...F
    ... on X {
      y
    }
  }
}

{
  a
}

query ($a: [[Int!]!] = [[1]]) @dir(x: 1) {
  b: a @skip(if: true)
}
`
	got, err := Format(in)
	if err != nil || got != want {
		t.Fatalf("Format =\n%s%v\nwant\n%s", got, err, want)
	}
	if again, _ := Format(got); again != got {
		t.Fatalf("not idempotent:\n%s", again)
	}
}

func TestFormatErrors(t *testing.T) {
	if _, err := Format("  \n"); !errors.Is(err, ErrEmpty) {
		t.Errorf("Format(blank) error = %v, want ErrEmpty", err)
	}
	var se *SyntaxError
	if _, err := Format("query {\n  a(\n}"); !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("Format(bad) error = %v, want a SyntaxError on line 3", err)
	}
}

func TestFormatKeepsEndOfLineComments(t *testing.T) {
	got, err := Format("query A {\n  a # why a\n  b\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "query A {\n  a # why a\n  b\n}\n"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
}

// Prettify twice is prettify once, and the parsed document never changes (its canonical print,
// comments aside, is the same), whatever the input.
func FuzzFormat(f *testing.F) {
	for _, seed := range []string{
		toggleDoc,
		"query A($v: Int # c\n) {\n  a # d\n\n\n  b\n  # e\n}\n",
		"{ a(x: [1 2 {b: \"\"\"\n q\n\"\"\"}]) ...F ... on T @d { c } }\nfragment F on T { z }",
		"query ($a: [[Int!]!] = [[1]], $b: In = {x: [$c]}) @dir(x: 1) { b: a @skip(if: true) }",
		"#only\n\n# comments\n{a}",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := parser.ParseQuery(&ast.Source{Input: in})
		if err != nil {
			return
		}
		once, err := Format(in)
		if errors.Is(err, ErrEmpty) {
			return
		}
		if err != nil {
			t.Fatalf("Format(%q): %v", in, err)
		}
		twice, err := Format(once)
		if err != nil || twice != once {
			t.Fatalf("not idempotent for %q:\n%s\n---\n%s (%v)", in, once, twice, err)
		}
		after, err := parser.ParseQuery(&ast.Source{Input: once})
		if err != nil || canonical(after) != canonical(doc) {
			t.Fatalf("the document changed for %q:\n%s", in, once)
		}
	})
}
