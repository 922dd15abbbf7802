package query

import (
	"errors"
	"reflect"
	"strings"
	"testing"
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
	want := `# Look up a card
query Balance ($ref: String! = "x") {
  Cards(card_reference: $ref, page: 1) {
    # the data
    data {
      card_reference
      balance
    }
  }
}
mutation M {
  a(s: "block")
}
fragment F on Card {
  id
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

func TestFormatRefusesToDropComments(t *testing.T) {
	in := "query A($v: Int # why v\n) {\n  a # moved, kept\n  b\n  # trailing\n}\n"
	got, err := Format(in)
	var lost *CommentLossError
	if !errors.As(err, &lost) {
		t.Fatalf("Format = %q, %v; want a *CommentLossError", got, err)
	}
	if !reflect.DeepEqual(lost.Lines, []int{1, 5}) {
		t.Errorf("lost lines = %v, want [1 5]", lost.Lines)
	}
	if !strings.Contains(err.Error(), "lines 1, 5") {
		t.Errorf("message %q does not name the lines", err)
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

func TestFormatMovesEndOfLineComments(t *testing.T) {
	got, err := Format("query A {\n  a # why a\n  b\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "query A {\n  a\n  # why a\n  b\n}\n"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
}
