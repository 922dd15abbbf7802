package query

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseVarFlag(t *testing.T) {
	tests := []struct {
		in    string
		name  string
		value any
	}{
		{"id=42", "id", json.Number("42")},
		{"ref=" + cardRef, "ref", json.Number(cardRef)}, // every digit kept
		{"ref=\"" + cardRef + "\"", "ref", cardRef},
		{"ratio=-1.5e3", "ratio", json.Number("-1.5e3")},
		{"ok=true", "ok", true},
		{"gone=null", "gone", nil},
		{"name=Bob", "name", "Bob"},
		{"name=", "name", ""},
		{"eq=a=b", "eq", "a=b"},
		{"lead=0123", "lead", "0123"}, // not valid JSON, so text
		{"pad= 7 ", "pad", json.Number("7")},
		{"half={\"a\":", "half", "{\"a\":"},
		{"two=1 2", "two", "1 2"},
		{"obj={\"a\":[1,\"x\"]}", "obj", map[string]any{"a": []any{json.Number("1"), "x"}}},
		{"_x9=é", "_x9", "é"},
	}
	for _, tt := range tests {
		name, value, err := ParseVarFlag(tt.in)
		if err != nil || name != tt.name || !reflect.DeepEqual(value, tt.value) {
			t.Errorf("ParseVarFlag(%q) = %q, %#v, %v; want %q, %#v", tt.in, name, value, err, tt.name, tt.value)
		}
	}
	// The 19-digit reference goes back out exactly as typed.
	_, v, _ := ParseVarFlag("ref=" + cardRef)
	out, err := json.Marshal(map[string]any{"ref": v})
	if err != nil || string(out) != `{"ref":`+cardRef+`}` {
		t.Errorf("marshalled %s, %v", out, err)
	}
}

func TestParseVarFlagErrors(t *testing.T) {
	tests := []struct{ in, errPart string }{
		{"hunter2", `no "=" found`},
		{"=hunter2", "needs a name"},
		{"9lives=x", `"9lives" is not a valid GraphQL name`},
		{"$ref=x", "no $"},
		{"my-var=x", "not a valid GraphQL name"},
		{"café=x", "not a valid GraphQL name"},
	}
	for _, tt := range tests {
		_, _, err := ParseVarFlag(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.errPart) {
			t.Errorf("ParseVarFlag(%q) error = %v, want one containing %q", tt.in, err, tt.errPart)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") || (strings.Contains(tt.in, "=x") && strings.Contains(err.Error(), "=x")) {
			t.Errorf("error %q repeats the value", err)
		}
	}
}

func TestParseVariablesJSON(t *testing.T) {
	tests := []struct {
		text string
		want map[string]any
	}{
		{"", map[string]any{}},
		{"  \n\t", map[string]any{}},
		{"{}", map[string]any{}},
		{`{"ref": ` + cardRef + `, "till": "T1", "n": 1.5, "ok": false, "x": null}`,
			map[string]any{"ref": json.Number(cardRef), "till": "T1", "n": json.Number("1.5"), "ok": false, "x": nil}},
		{"\n{\"in\": {\"list\": [1, {\"é\": \"🎁\"}]}}\n", map[string]any{"in": map[string]any{"list": []any{json.Number("1"), map[string]any{"é": "🎁"}}}}},
	}
	for _, tt := range tests {
		got, err := ParseVariablesJSON(tt.text)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseVariablesJSON(%q) = %#v, %v; want %#v", tt.text, got, err, tt.want)
		}
	}
}

func TestParseVariablesJSONErrors(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		line, col int
		msgPart   string
	}{
		{"missing value", "{\n  \"a\": \n}", 3, 1, "invalid character '}'"},
		{"missing comma", "{\"a\": 1\n \"b\": 2}", 2, 2, "after object key:value pair"},
		{"truncated", "{\n  \"a\": [1,", 2, 11, "unexpected end"},
		{"trailing data", "{} x", 1, 4, "after top-level value"},
		{"column counts code points", "{\"é🎁\": tru}", 1, 11, "invalid character '}'"},
		{"array", "  [1, 2]", 1, 3, "must be a JSON object"},
		{"string", "\n\"x\"", 2, 1, "not a string"},
		{"number", "42", 1, 1, "not a number"},
		{"null", "null", 1, 1, "not null"},
		{"CRLF lines", "{\r\n\"a\": 1,\r\n}", 3, 1, "invalid character '}'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseVariablesJSON(tt.text)
			var je *JSONError
			if !errors.As(err, &je) {
				t.Fatalf("error = %T %v, want *JSONError", err, err)
			}
			if je.Line != tt.line || je.Column != tt.col || !strings.Contains(je.Message, tt.msgPart) {
				t.Errorf("error = %v, want %d:%d: …%s…", je, tt.line, tt.col, tt.msgPart)
			}
			if !strings.HasPrefix(je.Error(), strconv.Itoa(tt.line)+":"+strconv.Itoa(tt.col)+": ") {
				t.Errorf("Error() = %q", je.Error())
			}
		})
	}
}

func TestLoadVarsFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "Balance.variables.json")
	if err := os.WriteFile(good, []byte(`{"ref": "`+cardRef+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	vars, err := LoadVarsFile(good)
	if err != nil || !reflect.DeepEqual(vars, map[string]any{"ref": cardRef}) {
		t.Errorf("LoadVarsFile = %v, %v", vars, err)
	}

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"ref\": ,\n}"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = LoadVarsFile(bad)
	var je *JSONError
	if !errors.As(err, &je) || je.File != bad || !strings.HasPrefix(err.Error(), bad+":2:10: ") {
		t.Errorf("LoadVarsFile(bad) error = %v", err)
	}

	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if vars, err := LoadVarsFile(empty); err != nil || len(vars) != 0 {
		t.Errorf("LoadVarsFile(empty) = %v, %v", vars, err)
	}

	missing := filepath.Join(dir, "missing.json")
	if _, err := LoadVarsFile(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadVarsFile(missing) error = %v, want one naming the file", err)
	}

	// A sparse file just over the cap costs nothing to make.
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err == nil {
		err = f.Truncate(MaxVarsFileSize + 1)
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadVarsFile(huge); err == nil || !strings.Contains(err.Error(), "larger than") || !strings.Contains(err.Error(), huge) {
		t.Errorf("LoadVarsFile(huge) error = %v", err)
	}
}

func TestMergeVars(t *testing.T) {
	base := map[string]any{"ref": "A", "input": map[string]any{"x": 1, "y": 2}, "keep": []any{"k"}}
	over := map[string]any{"ref": json.Number(cardRef), "input": map[string]any{"x": 9}, "new": true}
	got := MergeVars(base, over)
	want := map[string]any{"ref": json.Number(cardRef), "input": map[string]any{"x": 9}, "keep": []any{"k"}, "new": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MergeVars = %#v, want %#v", got, want)
	}
	got["keep"].([]any)[0] = "changed"
	got["input"].(map[string]any)["x"] = 0
	if base["keep"].([]any)[0] != "k" || over["input"].(map[string]any)["x"] != 9 {
		t.Error("MergeVars result shares containers with its inputs")
	}
	if got := MergeVars(nil, nil); got == nil || len(got) != 0 {
		t.Errorf("MergeVars(nil, nil) = %#v, want an empty map", got)
	}
}
