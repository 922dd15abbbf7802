package schema

import "testing"

func FuzzLoadIntrospection(f *testing.F) {
	f.Add(serverIntrospection(f, readFixture(f, "kitchen.graphql")))
	f.Add([]byte(`{"data":{"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT","name":"Q","fields":[{"name":"a","type":{"kind":"NON_NULL","ofType":{"kind":"NON_NULL","ofType":{"kind":"SCALAR","name":"Int"}}}}]}]}}}`))
	f.Add([]byte(`{"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"UNION","name":"U","possibleTypes":[{"kind":"OBJECT","name":"Q"},{"kind":"OBJECT","name":"U"}]},{"kind":"INPUT_OBJECT","name":"Q","inputFields":[{"name":"x","type":{"kind":"LIST"},"defaultValue":"[1"}]}]}}`))
	f.Add([]byte(`{"errors":[{"message":"Unauthorized"}]}`))
	f.Add([]byte(`{"__schema":{"types":[{"kind":"ENUM","name":"E","enumValues":[{"name":"true"},{"name":"A","isDeprecated":true}]}],"directives":[{"name":"d","locations":["NOWHERE"],"args":[{"name":"a","type":{"kind":"SCALAR","name":"Nope"}}]}]}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := LoadIntrospection(data)
		if err != nil {
			return
		}
		_ = s.SDL()
		_ = s.Validate("{ a }")
		s.Search("q", 5)
		for name := range s.AST().Types {
			s.TypeDoc(name)
		}
	})
}
