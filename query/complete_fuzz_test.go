package query

import (
	"strings"
	"testing"
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
		prefix, items := s.Complete(text, offset)
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
		s.FieldAt(text, offset)
	})
}
