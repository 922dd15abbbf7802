package query

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/internal/fixture"
)

// graphqlSeeds are documents for the GraphQL fuzz targets.
var graphqlSeeds = fixture.GraphQLSeeds

func FuzzParse(f *testing.F) {
	for _, s := range graphqlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse(text)
		if err != nil {
			var se *SyntaxError
			if errors.As(err, &se) && !positionInside(text, se.Line, se.Column) {
				t.Fatalf("syntax error %v is outside the text", se)
			}
			return
		}
		if len(d.Operations) == 0 {
			t.Fatal("Parse succeeded without operations")
		}
		prevEnd := 0
		for _, op := range d.Operations {
			if op.StartOffset < prevEnd || op.EndOffset > len(text) || op.StartOffset >= op.EndOffset {
				t.Fatalf("operation %q spans %d..%d (previous ended at %d, text is %d bytes)", op.Name, op.StartOffset, op.EndOffset, prevEnd, len(text))
			}
			if text[op.EndOffset-1] != '}' {
				t.Fatalf("operation %q does not end with }: %q", op.Name, text[op.StartOffset:op.EndOffset])
			}
			prevEnd = op.EndOffset
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range graphqlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse(text)
		if err != nil {
			return
		}
		for _, op := range d.Operations {
			out, err := d.Extract(op)
			if err != nil {
				continue // undefined or duplicated fragments
			}
			re, err := Parse(out)
			if err != nil {
				t.Fatalf("extracted text of %q does not parse: %v\n%s", op.Name, err, out)
			}
			if len(d.Operations) > 1 && len(re.Operations) != 1 {
				t.Fatalf("extracted text of %q holds %d operations:\n%s", op.Name, len(re.Operations), out)
			}
			if len(d.Operations) == 1 && out != text {
				t.Fatal("single-operation document was changed")
			}
			got := re.Operations[0]
			if len(d.Operations) > 1 && (got.Name != op.Name || got.Kind != op.Kind || !reflect.DeepEqual(got.Variables, op.Variables)) {
				t.Fatalf("extracted %s %q came back as %s %q", op.Kind, op.Name, got.Kind, got.Name)
			}
		}
	})
}

func FuzzParseVarFlag(f *testing.F) {
	for _, s := range []string{"id=42", "ref=" + cardRef, "name=Bob", "o={\"a\":[1]}", "x=", "=v", "novalue", "9a=1", "a=b=c", "s=\"q\"", "é=1", "f=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, value, err := ParseVarFlag(s)
		if err != nil {
			return
		}
		if !IsName(name) || !strings.HasPrefix(s, name+"=") {
			t.Fatalf("ParseVarFlag(%q) gave name %q", s, name)
		}
		raw := s[len(name)+1:]
		if str, ok := value.(string); ok && str == raw {
			return // taken as text
		}
		// Otherwise it was JSON, and re-encoding keeps its meaning (numbers
		// exactly, thanks to json.Number).
		out, err := json.Marshal(value)
		if err != nil {
			t.Fatalf("value %#v of %q does not marshal: %v", value, s, err)
		}
		_, again, _ := ParseVarFlag("v=" + string(out))
		out2, _ := json.Marshal(again)
		if string(out) != string(out2) {
			t.Fatalf("round trip of %q: %s then %s", s, out, out2)
		}
	})
}

func FuzzParseVariablesJSON(f *testing.F) {
	for _, s := range []string{"", "{}", `{"ref": ` + cardRef + `}`, "{\n  \"a\": \n}", "[1]", "{} x", "{\"é\": tru}", "\r\n{\"a\":1,}", "nul", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		vars, err := ParseVariablesJSON(text)
		if err != nil {
			var je *JSONError
			if !errors.As(err, &je) {
				t.Fatalf("error %T %v is not a *JSONError", err, err)
			}
			if !positionInside(text, je.Line, je.Column) {
				t.Fatalf("error %v is outside the text", je)
			}
			return
		}
		if vars == nil {
			t.Fatal("nil map without an error")
		}
		if strings.TrimSpace(text) != "" && !json.Valid([]byte(text)) {
			t.Fatalf("accepted invalid JSON %q", text)
		}
	})
}
