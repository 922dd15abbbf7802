package completion

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/internal/fixture"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

func FuzzComplete(f *testing.F) {
	s := loadSDLFile(f, "kitchen.graphql")
	seeds := []string{
		"{ cards(state: |", "query($a: [Int!]! = [1], $b: CardFilter = {state: ACTIVE}) { items(filter: $|",
		"fragment F on Card { id }\n{ items { ... on Card { ...|", "{ cards @cost(weight: 1) { tags } node(id: \"é\\u00e9\") { |",
		"{ items(filter: {range: {from: 1, |", `{ search(text: """block \""" still"""|`, "# comment\n{ cards { ba|",
		"{ cards(limit: 1e|", "'\x00\"\\q ) ] } { cards { |", "query Q @include(if: $x) { ...on Root { node(id: 1) { id } } }|",
	}
	for i, seed := range seeds {
		text, off := cursor(seed)
		f.Add(text, off+i%2) // some seeds past the cursor, one byte further
		f.Add(text, -1)
	}
	f.Fuzz(func(t *testing.T, text string, offset int) {
		prefix, items := Complete(s, text, offset)
		if len(items) > maxCompletions {
			t.Fatalf("%d items", len(items))
		}
		off := clampOffset(text, offset)
		if !strings.HasSuffix(text[:off], prefix) {
			t.Fatalf("prefix %q is not the text before the cursor %q", prefix, text[:off])
		}
		for _, it := range items {
			if it.CursorBack < 0 || it.CursorBack > len(it.Insert) {
				t.Fatalf("CursorBack %d outside %q", it.CursorBack, it.Insert)
			}
		}
		FieldAt(s, text, offset)
	})
}

// FuzzCompleteOnLoadedSDL checks that whatever schema LoadSDL accepts,
// completion can work with.
func FuzzCompleteOnLoadedSDL(f *testing.F) {
	f.Add(fixture.Read(f, "kitchen.graphql"))
	f.Add(fixture.Read(f, "toggle.graphql"))
	f.Add("type Query { a: Int a: String }\nenum E { A A }\nunion U = Query | Query")
	f.Add("type Query { a: Missing @nope }\ninterface I { x: Int }\ntype T implements I & I { y: Int }")
	f.Add("extend type Nothing { a: Int }\nschema { query: Nothing }\nscalar String")
	f.Add("directive @d(a: Int, a: Int) on FIELD\ndirective @d on FIELD\ntype Query { f(x: Int = {a: $v}): Int }")
	f.Fuzz(func(t *testing.T, sdl string) {
		s, err := schema.LoadSDL("fuzz.graphql", sdl)
		if err != nil {
			return
		}
		Complete(s, "{ a { ", 6)
	})
}

// FuzzCompleteOnLoadedIntrospection checks that whatever introspection
// LoadIntrospection accepts, completion can work with.
func FuzzCompleteOnLoadedIntrospection(f *testing.F) {
	f.Add(fixture.ServerIntrospection(f, fixture.Read(f, "kitchen.graphql")))
	f.Add([]byte(`{"data":{"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT","name":"Q","fields":[{"name":"a","type":{"kind":"NON_NULL","ofType":{"kind":"NON_NULL","ofType":{"kind":"SCALAR","name":"Int"}}}}]}]}}}`))
	f.Add([]byte(`{"__schema":{"types":[{"kind":"ENUM","name":"E","enumValues":[{"name":"true"},{"name":"A","isDeprecated":true}]}],"directives":[{"name":"d","locations":["NOWHERE"],"args":[{"name":"a","type":{"kind":"SCALAR","name":"Nope"}}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := schema.LoadIntrospection(data)
		if err != nil {
			return
		}
		Complete(s, "query($x: ", 10)
	})
}
