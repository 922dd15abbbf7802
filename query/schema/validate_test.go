package schema

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestValidate(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	cases := []struct {
		name, text string
		want       []string // Diagnostic.String() + " [" + Rule + "]"
	}{
		{"valid", toggleDoc, nil},
		{"empty", "  \n# only a comment\n", nil},
		{"int given a string", "query {\n  Cards(limit: \"ten\") { total }\n}\n",
			// gqlparser places a string value at its first character,
			// just inside the quote.
			[]string{`2:17: Int cannot represent non-integer value: "ten" [ValuesOfCorrectType]`}},
		{"unknown field and missing argument", "{\n  Cards { total nope }\n  Products { id }\n}",
			[]string{
				`2:17: Cannot query field "nope" on type "CardPage". [FieldsOnCorrectType]`,
				`3:3: Field "Products" argument "account_id" of type "Int!" is required, but it was not provided. [ProvidedRequiredArguments]`,
			}},
		{"variable of the wrong type", "query($r: Int) {\n  Cards(card_reference: $r) { total }\n}",
			[]string{`2:25: Variable "$r" of type "Int" used in position expecting type "String". [VariablesInAllowedPosition]`}},
		{"undeclared variable", "{ Cards(limit: $n) { total } }",
			[]string{`1:16: Variable "$n" is not defined. [NoUndefinedVariables]`}},
		{"syntax error", "{ Cards(limit: ) { total } }",
			[]string{`1:16: Unexpected ) [syntax]`}},
		{"unterminated string", "{ Cards(card_reference: \"abc",
			[]string{`1:29: Unterminated string. [syntax]`}}, // where the text ends
		{"columns count code points", "{ Cards(card_reference: \"é\", limit: \"x\") { total } }",
			[]string{`1:38: Int cannot represent non-integer value: "x" [ValuesOfCorrectType]`}},
	}
	for _, tc := range cases {
		var got []string
		for _, d := range s.Validate(tc.text) {
			got = append(got, d.String()+" ["+d.Rule+"]")
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestValidateIsSafeConcurrently(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text := fmt.Sprintf("{ Cards(limit: %d) { total nope%d } }", i, i)
			if d := s.Validate(text); len(d) != 1 || !strings.Contains(d[0].Message, fmt.Sprintf("nope%d", i)) {
				t.Errorf("goroutine %d: %v", i, d)
			}
		}()
	}
	wg.Wait()
}

func TestSchemaCheckVariables(t *testing.T) {
	s := loadSDLFile(t, "kitchen.graphql")
	doc := mustParse(t, `query Q($f: CardFilter, $st: CardState!, $fs: [CardFilter!], $when: DateTime, $n: Int, $need: ID!) {
  items(filter: $f) { __typename }
  cards(state: $st, limit: $n, filter: $f) { id }
  a: items(filter: $f) { __typename }
  node(id: $need) { id }
  b: cards(filter: $f) { issuedAt }
}`)
	op := doc.Operations[0]
	cases := []struct {
		name string
		vars map[string]any
		want []string
	}{
		{"all good", map[string]any{
			"f":    map[string]any{"state": "FROZEN", "states": []any{"ACTIVE"}, "range": map[string]any{"to": 3}, "refs": "one", "since": 12},
			"st":   "ACTIVE",
			"fs":   []any{map[string]any{}},
			"when": map[string]any{"custom": "scalars take anything"},
			"need": "1",
		}, nil},
		{"enum", map[string]any{"st": "PURPLE", "need": "1"},
			[]string{"$st: expects a value of the enum CardState (ACTIVE, FROZEN, CLOSED)"}},
		{"enum given a number", map[string]any{"st": 3, "need": "1"},
			[]string{"$st: expects a value of the enum CardState (ACTIVE, FROZEN, CLOSED)"}},
		{"input object", map[string]any{"st": "ACTIVE", "need": "1",
			"f": map[string]any{"state": "NOPE", "range": map[string]any{"from": "x"}, "bogus": 1, "states": []any{"ACTIVE", nil}}},
			[]string{
				"$f: at state: expects a value of the enum CardState (ACTIVE, FROZEN, CLOSED)",
				"$f: at states[1]: is null but the type CardState! is non-null",
				"$f: at range.from: expects Int, got a string",
				"$f: at range.to: required (Int!) but not provided",
				"$f: at bogus: not a field of CardFilter",
			}},
		{"list of input objects", map[string]any{"st": "ACTIVE", "need": "1", "fs": []any{map[string]any{"range": 5}}},
			[]string{"$fs: at [0].range: expects an input object Range, got an integer"}},
		{"base problems are kept", map[string]any{"n": "ten", "ghost": 1},
			[]string{
				"$st: required (CardState!) but not provided",
				"$n: expects Int, got a string",
				"$need: required (ID!) but not provided",
				"$ghost: not declared by query Q",
			}},
	}
	for _, tc := range cases {
		var got []string
		for _, p := range s.CheckVariables(op, tc.vars) {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestSchemaCheckVariablesNeverShowsValues(t *testing.T) {
	s := loadSDLFile(t, "kitchen.graphql")
	op := mustParse(t, `query($f: CardFilter, $st: CardState) { items(filter: $f) { __typename } cards(state: $st) { id } }`).Operations[0]
	const canary = "hunter2-canary"
	probs := s.CheckVariables(op, map[string]any{
		"st": canary,
		"f":  map[string]any{"state": canary, "range": map[string]any{"to": canary}, "refs": []any{map[string]any{"x": canary}}},
	})
	if len(probs) < 3 {
		t.Fatalf("expected problems, got %v", probs)
	}
	for _, p := range probs {
		if strings.Contains(p.String(), canary) {
			t.Errorf("problem shows the value: %s", p)
		}
	}
}

func TestParseTypeText(t *testing.T) {
	for _, in := range []string{"Int", "Int!", "[Int]", "[Int!]!", "[[ID!]]!"} {
		if ty, ok := ParseTypeText(in); !ok || ty.String() != in {
			t.Errorf("ParseTypeText(%q) = %v, %v", in, ty, ok)
		}
	}
	for _, in := range []string{"", "!", "Int!!", "[Int", "[]", "1x", "[Int!]!!"} {
		if ty, ok := ParseTypeText(in); ok {
			t.Errorf("ParseTypeText(%q) accepted: %v", in, ty)
		}
	}
}
