package build

import (
	"encoding/json"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestAddVariablesKeepsTextAndTypes(t *testing.T) {
	s := toggleSchema(t)
	vars := []Variable{
		{Name: "ref", Type: ast.NamedType("String", nil)},
		{Name: "value", Type: ast.NonNullNamedType("Int", nil)},
		{Name: "items", Type: ast.ListType(ast.NamedType("OrderItemInput", nil), nil)},
		{Name: "keep", Type: ast.NamedType("Boolean", nil)},
	}
	got, err := AddVariables(s, "{\n  \"keep\": true\n}", vars)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"keep\": true,\n  \"ref\": \"\",\n  \"value\": 0,\n  \"items\": []\n}"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	got, err = AddVariables(s, "", vars[:1])
	if err != nil || got != "{\n  \"ref\": \"\"\n}" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := AddVariables(s, "[1]", vars); err == nil {
		t.Fatal("a JSON array should be refused")
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(want), &m); err != nil {
		t.Fatal(err)
	}
	small := gqlparser.MustLoadSchema(&ast.Source{Input: "type Query { a(i: In): Int }\ninput In { need: Int!, opt: String, kind: K! }\nenum K { ONE TWO }"})
	obj := Placeholder(small, ast.NamedType("In", nil)).(map[string]any)
	if len(obj) != 2 || obj["need"] != 0 || obj["kind"] != "ONE" {
		t.Fatalf("placeholder %v, want the required fields only", obj)
	}
}
