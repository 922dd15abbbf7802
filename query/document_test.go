package query

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseToggleOperations(t *testing.T) {
	d := mustParse(t, toggleDoc)
	want := []struct {
		name       string
		kind       Kind
		line, col  int
		prefix     string
		vars       []VariableDef
		rootFields []string
	}{
		{"Login", Query, 1, 1, "query Login(", []VariableDef{
			{Name: "username", Type: "String"},
			{Name: "email", Type: "String"},
			{Name: "password", Type: "String!", Required: true},
		}, []string{"loginUser"}},
		{"Balance", Query, 4, 1, "query Balance(", []VariableDef{
			{Name: "ref", Type: "String!", Required: true},
		}, []string{"Cards"}},
		{"Redeem", Mutation, 10, 1, "mutation Redeem(", []VariableDef{
			{Name: "ref", Type: "String!", Required: true},
			{Name: "till", Type: "String"},
			{Name: "txn", Type: "String"},
		}, []string{"createBalanceAdjustment"}},
	}
	if len(d.Operations) != len(want) {
		t.Fatalf("got %d operations, want %d", len(d.Operations), len(want))
	}
	for i, w := range want {
		op := d.Operations[i]
		if op.Name != w.name || op.Kind != w.kind || op.Line != w.line || op.Column != w.col {
			t.Errorf("op %d = %s %s at %d:%d, want %s %s at %d:%d", i, op.Kind, op.Name, op.Line, op.Column, w.kind, w.name, w.line, w.col)
		}
		text := d.Text[op.StartOffset:op.EndOffset]
		if !strings.HasPrefix(text, w.prefix) || !strings.HasSuffix(text, "}") {
			t.Errorf("op %s spans %q", w.name, text)
		}
		if !reflect.DeepEqual(op.Variables, w.vars) {
			t.Errorf("op %s variables = %+v, want %+v", w.name, op.Variables, w.vars)
		}
		if !reflect.DeepEqual(op.RootFields, w.rootFields) {
			t.Errorf("op %s root fields = %v, want %v", w.name, op.RootFields, w.rootFields)
		}
	}
	// The spans end exactly at each operation's closing brace.
	if got := d.Text[d.Operations[0].StartOffset:d.Operations[0].EndOffset]; got != strings.SplitAfter(toggleDoc, "}\n}")[0] {
		t.Errorf("Login span = %q", got)
	}
}

func TestParseSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // Text[Start:End] of each operation
	}{
		{
			name: "shorthand query",
			text: "  { a }  ",
			want: []string{"{ a }"},
		},
		{
			name: "descriptions are part of the operation, comments between are not",
			text: "\"\"\"\nGets a\n\"\"\"\nquery A { a }\n# about B\n\"B\" query B { b }\n",
			want: []string{"\"\"\"\nGets a\n\"\"\"\nquery A { a }", "\"B\" query B { b }"},
		},
		{
			name: "multi-byte text before and inside operations",
			text: "query A { a(s: \"héllo 🎁\") }\nquery B { b(s: \"日本\") }",
			want: []string{"query A { a(s: \"héllo 🎁\") }", "query B { b(s: \"日本\") }"},
		},
		{
			name: "braces in default values, directives and block strings",
			text: "query A($i: In = {x: {y: 1}}) @d(a: {b: \"}\"}) { a(s: \"\"\" } \"\"\") }\nfragment F on T { f }\nquery B { ...F }",
			want: []string{"query A($i: In = {x: {y: 1}}) @d(a: {b: \"}\"}) { a(s: \"\"\" } \"\"\") }", "query B { ...F }"},
		},
		{
			name: "CRLF line endings and a byte-order mark",
			text: "\uFEFFquery A {\r\n  a\r\n}\r\n\r\nquery B { b }",
			want: []string{"query A {\r\n  a\r\n}", "query B { b }"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.text)
			var got []string
			for _, op := range d.Operations {
				got = append(got, d.Text[op.StartOffset:op.EndOffset])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spans = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseDetails(t *testing.T) {
	d := mustParse(t, `subscription S($ids: [ID!]! = ["a"], $in: Filter = {x: 1}, $n: Int! = 3, $s: String = null) {
  first: Cards { id }
  ... on Subscription { second, Cards }
  ...Frag
  __typename
}
fragment Frag on Subscription { third ...Frag }`)
	op := d.Operations[0]
	if op.Kind != Subscription || op.Kind.String() != "subscription" {
		t.Errorf("kind = %v", op.Kind)
	}
	wantVars := []VariableDef{
		{Name: "ids", Type: "[ID!]!", Default: `["a"]`},
		{Name: "in", Type: "Filter", Default: "{x:1}"},
		{Name: "n", Type: "Int!", Default: "3"},
		{Name: "s", Type: "String", Default: "null"},
	}
	if !reflect.DeepEqual(op.Variables, wantVars) {
		t.Errorf("variables = %+v\nwant %+v", op.Variables, wantVars)
	}
	// Aliases are not names; inline fragments and spreads (even a
	// self-referencing one) are looked through; each name appears once.
	wantRoot := []string{"Cards", "second", "third", "__typename"}
	if !reflect.DeepEqual(op.RootFields, wantRoot) {
		t.Errorf("root fields = %v, want %v", op.RootFields, wantRoot)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		sentinel  error
		line, col int
		msgPart   string
	}{
		{name: "empty", text: "", sentinel: ErrEmpty},
		{name: "whitespace", text: " \n\t\r\n", sentinel: ErrEmpty},
		{name: "only comments and commas", text: "# nothing here\n,,\n", sentinel: ErrEmpty},
		{name: "only fragments", text: "fragment F on T { a }", sentinel: ErrNoOperation},
		{name: "unclosed selection", text: "query A {\n  a(x: 1\n}", line: 3, col: 1, msgPart: "Expected Name"},
		{name: "column counts code points", text: "query A { a(s: \"é🎁\") b( }", line: 1, col: 25, msgPart: "Expected Name"},
		{name: "unterminated string", text: "query A {\n  a(s: \"abc\n}", line: 2, msgPart: "Unterminated string"},
		{name: "unterminated block string", text: "query { a(s: \"\"\"x\ny", msgPart: "Unterminated string"},
		{name: "unknown definition", text: "type Query { a: Int }", line: 1, col: 1, msgPart: "Unexpected Name"},
		{name: "description on shorthand", text: "\"d\" { a }", line: 1, msgPart: "Unexpected"},
		{name: "unexpected character", text: "query { a }\n  ?", line: 2, col: 3, msgPart: "unexpected character \"?\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.text)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.text, d)
			}
			if tt.sentinel != nil {
				if !errors.Is(err, tt.sentinel) {
					t.Fatalf("err = %v, want %v", err, tt.sentinel)
				}
				return
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %T %v, want *SyntaxError", err, err)
			}
			if (tt.line != 0 && se.Line != tt.line) || (tt.col != 0 && se.Column != tt.col) {
				t.Errorf("position = %d:%d, want %d:%d (%v)", se.Line, se.Column, tt.line, tt.col, se)
			}
			if !strings.Contains(se.Message, tt.msgPart) {
				t.Errorf("message %q does not contain %q", se.Message, tt.msgPart)
			}
			if !positionInside(tt.text, se.Line, se.Column) {
				t.Errorf("position %d:%d is outside the text", se.Line, se.Column)
			}
			if want := strconv.Itoa(se.Line) + ":" + strconv.Itoa(se.Column) + ": " + se.Message; se.Error() != want {
				t.Errorf("Error() = %q, want %q", se.Error(), want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Query: "query", Mutation: "mutation", Subscription: "subscription", 0: "unknown"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), k.String(), want)
		}
	}
}

// positionInside reports whether 1-based line:col is a place a cursor can be
// in text: an existing line, at most one past its last character.
func positionInside(text string, line, col int) bool {
	ix := NewTextIndex(text)
	return line >= 1 && line <= ix.lineCount() && col >= 1 && col <= ix.lineLen(line)+1
}
