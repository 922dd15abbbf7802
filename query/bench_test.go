package query

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// bigDocument generates a document of about the given number of lines in the
// shape performance.md describes: operations with variables and defaults,
// nested selections, arguments, input objects, aliases, fragments,
// directives and comments. It returns the text and the last operation's name.
func bigDocument(lines int) (string, string) {
	var b strings.Builder
	n := 0
	for i := 0; strings.Count(b.String(), "\n") < lines; i++ {
		n = i
		fmt.Fprintf(&b, `# Operation %[1]d: card lookup with shared fragments
query Op%[1]d($ref: String!, $page: Int = 1, $filter: CardFilter = {status: ACTIVE, tags: ["a", "b"]}) @cached(ttl: 60) {
  first: Cards(card_reference: $ref, page: $page, limit: 10, filter: $filter) {
    data {
      ...CardFields%[1]d
      LineItem { id Card { card_reference balance } }
      history(first: 5) @include(if: true) { edges { node { id value created_at } } }
    }
    total per_page
  }
}

fragment CardFields%[1]d on Card {
  card_reference
  balance # in minor units
  ...Common
}

`, i)
	}
	b.WriteString("fragment Common on Card { expiry_time used product_name }\n")
	return b.String(), fmt.Sprintf("Op%d", n)
}

func BenchmarkParseExtract(b *testing.B) {
	text, last := bigDocument(2000)
	b.SetBytes(int64(len(text)))
	b.ReportMetric(float64(strings.Count(text, "\n")), "lines")
	for b.Loop() {
		d, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		op, err := d.Select(last)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.Extract(op); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBigDocumentExtract(t *testing.T) {
	// The benchmark's document is valid and its extraction is what we expect,
	// so the benchmark measures real work.
	text, last := bigDocument(2000)
	d := mustParse(t, text)
	op, err := d.Select(last)
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Extract(op)
	if err != nil {
		t.Fatal(err)
	}
	re := mustParse(t, out)
	if len(re.Operations) != 1 || len(re.fragments) != 2 {
		t.Errorf("extracted %d operations and %d fragments", len(re.Operations), len(re.fragments))
	}
}

func BenchmarkParseVariablesJSON(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{\n")
	for i := range 50 {
		fmt.Fprintf(&sb, "  \"ref%d\": %s,\n  \"input%d\": {\"till\": \"T-%d\", \"tags\": [\"a\", \"b\"], \"value\": -1000.5, \"ok\": true},\n", i, cardRef, i, i)
	}
	sb.WriteString("  \"last\": null\n}\n")
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseVariablesJSON(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGqlparserParseQuery is the baseline: gqlparser alone on the same
// document, to show what Parse adds (span finding, variables, root fields).
func BenchmarkGqlparserParseQuery(b *testing.B) {
	text, _ := bigDocument(2000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := parser.ParseQuery(&ast.Source{Input: text}); err != nil {
			b.Fatal(err)
		}
	}
}
