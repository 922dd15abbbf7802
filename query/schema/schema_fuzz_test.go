package schema

import (
	"strings"
	"testing"
)

func FuzzLoadSDL(f *testing.F) {
	f.Add(readFixture(f, "kitchen.graphql"))
	f.Add(readFixture(f, "toggle.graphql"))
	f.Add("type Query { a: Int a: String }\nenum E { A A }\nunion U = Query | Query")
	f.Add("type Query { a: Missing @nope }\ninterface I { x: Int }\ntype T implements I & I { y: Int }")
	f.Add("extend type Nothing { a: Int }\nschema { query: Nothing }\nscalar String")
	f.Add("directive @d(a: Int, a: Int) on FIELD\ndirective @d on FIELD\ntype Query { f(x: Int = {a: $v}): Int }")
	f.Add("type Query {")
	f.Fuzz(func(t *testing.T, sdl string) {
		s, err := LoadSDL("fuzz.graphql", sdl)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.graphql:") {
				t.Fatalf("error without the source name: %v", err)
			}
			return
		}
		// Whatever loaded must be usable by every consumer.
		_ = s.SDL()
		_ = s.Validate("{ a __typename }")
		s.Search("a", 10)
		for name := range s.AST().Types {
			s.TypeDoc(name)
		}
	})
}
