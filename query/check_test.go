package query

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestCheckVariables(t *testing.T) {
	d := mustParse(t, toggleDoc+`
query Types($i: Int, $f: Float, $s: String, $b: Boolean, $id: ID, $ids: [ID!]!, $m: [[Int]], $e: Enum, $in: Filter, $d: Int! = 1) { a }`)
	login, balance, types := d.Operations[0], d.Operations[1], d.Operations[3]
	tests := []struct {
		name string
		op   Operation
		vars map[string]any
		want []string // Problem.String() values
	}{
		{"all fine", login, map[string]any{"email": "a@b.c", "password": "x"}, nil},
		{"required missing", login, map[string]any{"email": "a@b.c"},
			[]string{"$password: required (String!) but not provided"}},
		{"required null", balance, map[string]any{"ref": nil},
			[]string{"$ref: is null but the type String! is non-null"}},
		{"unknown variables, sorted", balance, map[string]any{"ref": "R", "zz": 1, "aa": 2},
			[]string{"$aa: not declared by query Balance", "$zz: not declared by query Balance"}},
		{"number for String", balance, map[string]any{"ref": json.Number(cardRef)},
			[]string{"$ref: expects String!, got an integer"}},
		{"nullable may be null, defaulted non-null may be omitted", types, map[string]any{"i": nil, "ids": []any{}}, nil},
		{"good scalars", types, map[string]any{
			"i": json.Number("-2147483648"), "f": json.Number("1e3"), "s": "x", "b": true,
			"id": json.Number(cardRef), "ids": []any{"a", json.Number("7")}, "m": []any{[]any{json.Number("1"), nil}},
			"e": "RED", "in": map[string]any{"x": 1}, "d": 2.0,
		}, nil},
		{"Go numbers", types, map[string]any{"i": 3, "f": float32(1.5), "id": int64(9), "ids": "single"}, nil},
		{"bad scalars", types, map[string]any{
			"i": json.Number("2147483648"), "f": "1.5", "s": true, "b": "true", "id": 1.5, "ids": []any{"a", nil},
		}, []string{
			"$i: expects Int, got an integer",
			"$f: expects Float, got a string",
			"$s: expects String, got a boolean",
			"$b: expects Boolean, got a string",
			"$id: expects ID, got a number",
			"$ids: item 1 is null but the type ID! is non-null",
		}},
		{"fraction for Int, object for list item", types, map[string]any{"i": json.Number("1.5"), "ids": []any{map[string]any{}}, "m": []any{[]any{"x"}}},
			[]string{"$i: expects Int, got a number", "$ids: item 0 expects ID!, got an object", "$m: item 0 item 0 expects Int, got a string"}},
		{"anonymous operation", mustParse(t, "{ a }").Operations[0], map[string]any{"x": 1},
			[]string{"$x: not declared by the anonymous query"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range CheckVariables(tt.op, tt.vars) {
				got = append(got, p.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckVariables =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCheckVariablesNeverShowsValues(t *testing.T) {
	op := mustParse(t, "query Q($pin: Int, $password: String!) { a }").Operations[0]
	for _, p := range CheckVariables(op, map[string]any{"pin": "hunter2", "password": json.Number("8675309"), "other": "s3cret"}) {
		if s := p.String(); strings.Contains(s, "hunter2") || strings.Contains(s, "8675309") || strings.Contains(s, "s3cret") {
			t.Errorf("problem %q shows a value", s)
		}
	}
}

func TestCoerceVariables(t *testing.T) {
	d := mustParse(t, toggleDoc+"\nquery L($refs: [String!], $id: ID, $n: Int) { a }")
	balance, list := d.Operations[1], d.Operations[3]

	// The CLI case: --var ref=6301... arrives as a number for a String!.
	_, v, err := ParseVarFlag("ref=" + cardRef)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]any{"ref": v}
	got := CoerceVariables(balance, in)
	if got["ref"] != cardRef {
		t.Errorf("ref = %#v, want the string %q", got["ref"], cardRef)
	}
	if p := CheckVariables(balance, got); len(p) != 0 {
		t.Errorf("problems after coercion: %v", p)
	}
	if _, ok := in["ref"].(json.Number); !ok {
		t.Error("CoerceVariables modified its input")
	}

	got = CoerceVariables(list, map[string]any{
		"refs": []any{json.Number(cardRef), "x"}, "id": json.Number("12"), "n": json.Number("5"), "extra": json.Number("1"),
	})
	want := map[string]any{"refs": []any{cardRef, "x"}, "id": "12", "n": json.Number("5"), "extra": json.Number("1")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CoerceVariables = %#v, want %#v", got, want)
	}
}

func TestDeclaredOnly(t *testing.T) {
	doc, err := Parse(`query Q($a: Int, $b: String) { x }`)
	if err != nil {
		t.Fatal(err)
	}
	kept, dropped := DeclaredOnly(doc.Operations[0], map[string]any{"a": 1, "z": 2, "c": 3})
	if len(kept) != 1 || kept["a"] != 1 || strings.Join(dropped, ",") != "c,z" {
		t.Fatalf("kept %v dropped %v", kept, dropped)
	}
	if problems := CheckVariables(doc.Operations[0], kept); len(problems) != 0 {
		t.Fatalf("what DeclaredOnly keeps still has problems: %v", problems)
	}
}
