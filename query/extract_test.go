package query

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/internal/fixture"
)

// fragmentDoc has several operations sharing fragments, nested fragments,
// a fragment cycle, comments, a block string and non-ASCII text.
const fragmentDoc = fixture.FragmentDoc

func TestExtract(t *testing.T) {
	d := mustParse(t, fragmentDoc)
	tests := []struct {
		op   string
		want string
	}{
		{"Balance", `fragment Money on Card { balance initial_balance }

query Balance($ref: String!) {
  # the card itself
  Cards(card_reference: $ref) { data { ...CardInfo } }
}

fragment CardInfo on Card {
  card_reference
  ...Money
  product_name # «Gift» café
}`},
		{"Redeem", `fragment Money on Card { balance initial_balance }

"""
Redeem value. Descriptions may contain } braces.
"""
mutation Redeem($ref: String!) {
  createBalanceAdjustment(card_reference: $ref, value: -1000, note: """
    multi-line } note
  """) { id LineItem { Card { ...Money } } }
}`},
		{"Cycle", `query Cycle { Cards { data { ...A } } }

fragment A on Card { id ...B }

fragment B on Card { balance ...A }`},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			op, err := d.Select(tt.op)
			if err != nil {
				t.Fatal(err)
			}
			got, err := d.Extract(op)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Extract(%s) =\n%s\nwant\n%s", tt.op, got, tt.want)
			}
			re := mustParse(t, got)
			if len(re.Operations) != 1 || re.Operations[0].Name != tt.op || re.Operations[0].Kind != op.Kind {
				t.Errorf("extracted text holds %+v", re.Operations)
			}
		})
	}
}

func TestExtractSingleOperationIsVerbatim(t *testing.T) {
	// Unused fragments and surrounding comments stay: the whole text is sent so
	// that server error positions match the editor.
	text := "# comment\nfragment Unused on T { x }\n\nquery Q { a ...Used }\nfragment Used on T { y }\n# trailer\n"
	d := mustParse(t, text)
	got, err := d.Extract(d.Operations[0])
	if err != nil || got != text {
		t.Errorf("Extract = %q, %v; want the text unchanged", got, err)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name, doc, op, errPart string
	}{
		{"undefined fragment", "query A { ...Nope }\nquery B { b }", "A", `fragment "Nope" is used but not defined`},
		{"undefined fragment in a single operation", "query A { a { ...Nope } }", "A", `"Nope" is used but not defined`},
		{"undefined nested fragment", "query A { ...F }\nfragment F on T { ...G }\nquery B { b }", "A", `"G" is used but not defined`},
		{"duplicate fragment", "query A { ...F }\nfragment F on T { a }\nfragment F on T { b }\nquery B { b }", "A", `"F" is defined 2 times`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.doc)
			op, err := d.Select(tt.op)
			if err != nil {
				t.Fatal(err)
			}
			got, err := d.Extract(op)
			if err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("Extract = %q, %v; want error containing %q", got, err, tt.errPart)
			}
		})
	}

	t.Run("operation from another document", func(t *testing.T) {
		d := mustParse(t, toggleDoc)
		other := mustParse(t, "query Balance { x }\nquery B { y }")
		if _, err := d.Extract(other.Operations[0]); err == nil {
			t.Error("Extract accepted an operation of another document")
		}
	})
}

func TestExtractMappedPositions(t *testing.T) {
	d := mustParse(t, fragmentDoc)
	op, err := d.Select("Balance")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := d.ExtractMapped(op)
	if err != nil {
		t.Fatal(err)
	}
	// Every token the server could point at maps back to the same token in
	// the original text.
	for _, needle := range []string{"query Balance", "Cards(card_reference", "...CardInfo", "fragment Money", "initial_balance", "product_name", "...Money"} {
		line, col := NewTextIndex(ex.Text).lineColAt(strings.Index(ex.Text, needle))
		ol, oc, ok := ex.OriginalPosition(line, col)
		if !ok {
			t.Errorf("%s at %d:%d did not map", needle, line, col)
			continue
		}
		off, _ := d.index.offsetAt(ol, oc)
		if !strings.HasPrefix(d.Text[off:], needle) {
			t.Errorf("%s at %d:%d mapped to %d:%d, which holds %.20q", needle, line, col, ol, oc, d.Text[off:])
		}
	}
	if _, _, ok := ex.OriginalPosition(2, 1); ok { // the blank line between pieces
		t.Error("the blank line between pieces mapped to the document")
	}

	// Pieces that start mid-line shift only their first line sideways.
	oneLine := mustParse(t, "query A { a } query B { b { ...F } } fragment F on T {\n  f\n}")
	ex, err = oneLine.ExtractMapped(oneLine.Operations[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{"b {", "...F", "fragment F", "f\n"} {
		line, col := NewTextIndex(ex.Text).lineColAt(strings.Index(ex.Text, needle))
		ol, oc, ok := ex.OriginalPosition(line, col)
		off, _ := oneLine.index.offsetAt(ol, oc)
		if !ok || !strings.HasPrefix(oneLine.Text[off:], needle) {
			t.Errorf("%q at %d:%d mapped to %d:%d (%v)", needle, line, col, ol, oc, ok)
		}
	}

	single := mustParse(t, "query A {\n  a\n}")
	ex, _ = single.ExtractMapped(single.Operations[0])
	if l, c, ok := ex.OriginalPosition(2, 3); !ok || l != 2 || c != 3 {
		t.Errorf("single-operation mapping = %d:%d %v, want identity", l, c, ok)
	}
}
