package schema

import (
	"bytes"
	"strings"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"
)

func TestIntrospectionQueryIsAcceptedByServers(t *testing.T) {
	// graph-gophers/graphql-go is what the fake API runs on; gqlparser's
	// prelude follows the current spec.
	sdl := readFixture(t, "toggle.graphql")
	gs, err := graphql.ParseSchema(sdl, nil, graphql.UseStringDescriptions())
	if err != nil {
		t.Fatal(err)
	}
	if errs := gs.Validate(IntrospectionQuery); len(errs) != 0 {
		t.Fatalf("graph-gophers rejects the query: %v", errs)
	}
	if d := loadSDLFile(t, "toggle.graphql").Validate(IntrospectionQuery); len(d) != 0 {
		t.Fatalf("gqlparser rejects the query: %v", d)
	}
}

func TestLoadIntrospectionMatchesTheSDL(t *testing.T) {
	for _, name := range []string{"toggle.graphql", "kitchen.graphql"} {
		sdl := readFixture(t, name)
		want := loadSDLFile(t, name)
		js := serverIntrospection(t, sdl)
		for _, shape := range [][]byte{js, append(append([]byte(`{"data":`), js...), '}')} {
			got, err := LoadIntrospection(shape)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(got.Warnings()) != 0 {
				t.Errorf("%s: warnings: %v", name, got.Warnings())
			}
			assertSameDocs(t, want, got)
		}
	}
}

func TestLoadIntrospectionKeepsDefaultsAndDeprecations(t *testing.T) {
	s, err := LoadIntrospection(serverIntrospection(t, readFixture(t, "kitchen.graphql")))
	if err != nil {
		t.Fatal(err)
	}
	root, _ := s.TypeDoc("Root")
	var cards FieldDoc
	for _, f := range root.Fields {
		if f.Name == "cards" {
			cards = f
		}
	}
	if len(cards.Args) != 3 || cards.Args[2].Default != "{state:ACTIVE,range:{to:5}}" {
		t.Fatalf("cards args = %+v", cards.Args)
	}
	state, _ := s.TypeDoc("CardState")
	if state.EnumValues[2].Deprecated != "Use FROZEN." || state.EnumValues[0].Description != "Usable." {
		t.Fatalf("CardState = %+v", state.EnumValues)
	}
}

func TestLoadIntrospectionErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"disabled", `{"errors":[{"message":"GraphQL introspection is not allowed"}]}`, "the server refused introspection: GraphQL introspection is not allowed"},
		{"unauthorized", `{"data":null,"errors":[{"message":"Unauthorized"},{"message":"b"},{"message":"c"},{"message":"d"}]}`, "the server refused introspection: Unauthorized; b; c; and 1 more"},
		{"no schema", `{"data":{"Cards":null}}`, "not an introspection result: no __schema in it"},
		{"empty object", `{}`, "not an introspection result"},
		{"not json", `<html>`, "not valid JSON: 1:1:"},
		{"truncated", `{"__schema": {"types": [`, "not valid JSON"},
		{"wrong shape", `{"__schema": {"types": 3}}`, "wrong shape: __schema.types is number"},
		{"long message", `{"errors":[{"message":"` + strings.Repeat("x", 500) + `"}]}`, "xxx…"},
	}
	for _, tc := range cases {
		_, err := LoadIntrospection([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
		if err != nil && len(err.Error()) > 400 {
			t.Errorf("%s: error is %d bytes long", tc.name, len(err.Error()))
		}
	}
	big := bytes.Repeat([]byte(" "), MaxBytes+1)
	if _, err := LoadIntrospection(big); err == nil || !strings.Contains(err.Error(), "over the 64 MiB limit") {
		t.Errorf("too large: %v", err)
	}
}

func TestLoadIntrospectionToleratesBrokenParts(t *testing.T) {
	const js = `{"__schema": {
  "queryType": {"name": "Query"},
  "types": [
    {"kind": "OBJECT", "name": "Query", "fields": [
      {"name": "a", "args": [], "type": {"kind": "SCALAR", "name": "Int"}},
      {"name": "a", "args": [], "type": {"kind": "SCALAR", "name": "String"}},
      {"name": "shallow", "args": [], "type": {"kind": "LIST", "ofType": null}},
      {"name": "b", "args": [
        {"name": "x", "type": {"kind": "SCALAR", "name": "Int"}, "defaultValue": "1) { hacked"},
        {"name": "y", "type": {"kind": "NON_NULL", "ofType": {"kind": "SCALAR", "name": "Int"}}, "defaultValue": "3"}
      ], "type": {"kind": "OBJECT", "name": "Thing"}}
    ], "interfaces": []},
    {"kind": "WEIRD", "name": "Odd"},
    {"kind": "SCALAR", "name": "String"},
    {"kind": "OBJECT", "name": "__Type", "fields": []}
  ],
  "directives": [{"name": "skip", "locations": ["FIELD"], "args": []}]
}}`
	s, err := LoadIntrospection([]byte(js))
	if err != nil {
		t.Fatalf("LoadIntrospection: %v", err)
	}
	w := strings.Join(s.Warnings(), "\n")
	for _, part := range []string{
		"introspection: left out field Query.shallow: incomplete type reference",
		"introspection: dropped the default value of Query.b(x:)",
		`introspection: left out type "Odd" of kind "WEIRD"`,
		"field Query.a is defined more than once",
		"treated as scalars: Thing",
	} {
		if !strings.Contains(w, part) {
			t.Errorf("warnings lack %q:\n%s", part, w)
		}
	}
	q := s.AST().Query
	if a := q.Fields.ForName("a"); a.Type.String() != "Int" {
		t.Errorf("a kept as %s, want the first (Int)", a.Type)
	}
	b := q.Fields.ForName("b")
	if b.Arguments[0].DefaultValue != nil || b.Arguments[1].DefaultValue.String() != "3" {
		t.Errorf("b's defaults: %v, %v", b.Arguments[0].DefaultValue, b.Arguments[1].DefaultValue)
	}
	if d := s.Validate("{ a b(y: 1) }"); len(d) != 0 {
		t.Errorf("Validate: %v", d)
	}
}

func TestParseConstValue(t *testing.T) {
	good := map[string]string{
		`1`: `1`, `-2.5e3`: `-2.5e3`, `"a\"b"`: `"a\"b"`, `ACTIVE`: `ACTIVE`, `null`: `null`, `true`: `true`,
		`[1, 2]`: `[1,2]`, `{a: 1, b: [X]}`: `{a:1,b:[X]}`, `"""block"""`: `"block"`, `1 # trailing comment`: `1`,
	}
	for in, want := range good {
		v, ok := parseConstValue(in)
		if !ok || v.String() != want {
			t.Errorf("parseConstValue(%q) = %v, %v; want %s", in, v, ok, want)
		}
	}
	for _, in := range []string{``, `$x`, `[$x]`, `1) { hacked`, `1, b: 2`, `1) @skip(if: true`, `1) f2(a: 1`, `{`, `1)}{g(a: 1`, `"unterminated`} {
		if v, ok := parseConstValue(in); ok {
			t.Errorf("parseConstValue(%q) accepted: %v", in, v)
		}
	}
}
