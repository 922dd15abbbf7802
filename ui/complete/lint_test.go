package complete

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

func TestDiagnosticsForToggleSchema(t *testing.T) {
	s := toggle(t)
	tests := []struct {
		name string
		text string
		want []editor.Diagnostic
	}{
		{
			name: "Int argument given a string",
			text: "query {\n  Cards(page: \"two\") { total }\n}",
			want: []editor.Diagnostic{{Line: 2, Column: 15, EndColumn: 20, Message: `Int cannot represent non-integer value: "two"`}},
		},
		{
			name: "unknown field, after a multi-byte comment",
			text: "# prix en €\n{ Cards { totl } }",
			want: []editor.Diagnostic{{Line: 2, Column: 11, EndColumn: 15, Message: `Cannot query field "totl" on type "CardPage". Did you mean "total"?`}},
		},
		{
			name: "undefined variable",
			text: "{ Cards(id: $card) { total } }",
			want: []editor.Diagnostic{{Line: 1, Column: 13, EndColumn: 18, Message: `Variable "$card" is not defined.`}},
		},
		{
			name: "syntax error at the end",
			text: "{ Cards { total }",
			want: []editor.Diagnostic{{Line: 1, Column: 18, EndColumn: 19, Message: "Expected Name, found <EOF>"}},
		},
		{
			name: "block string given to an Int",
			text: "{ Cards(page: \"\"\"t \\\"\"\" o\"\"\") { total } }",
			want: []editor.Diagnostic{{Line: 1, Column: 15, EndColumn: 29, Message: `Int cannot represent non-integer value: "t \"\"\" o"`}},
		},
		{
			name: "string with escaped quotes, after a string argument",
			text: "{ Cards(card_reference: \"#\", page: \"a\\\"b\") { total } }",
			want: []editor.Diagnostic{{Line: 1, Column: 36, EndColumn: 42, Message: `Int cannot represent non-integer value: "a\"b"`}},
		},
		{name: "valid", text: "query Q($id: Int) { Cards(id: $id) { total data { id } } }"},
		{name: "empty", text: "  \n# only a comment\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := DiagnosticsFor(s, tc.text)
			if !equalDiags(got, tc.want) {
				t.Fatalf("DiagnosticsFor =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestDiagnosticsForWithoutSchemaChecksSyntaxOnly(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []editor.Diagnostic
	}{
		{name: "unknown field is not a syntax error", text: "{ noSuchField(x: \"y\") }"},
		{name: "fragments only", text: "fragment F on Card { id }"},
		{name: "empty", text: ""},
		{
			name: "missing brace",
			text: "query {\n  Cards(page: 1 {\n}",
			want: []editor.Diagnostic{{Line: 2, Column: 17, EndColumn: 18, Message: "Expected Name, found {"}},
		},
		{
			name: "unterminated string marks the rest of the line",
			text: "{ Cards(card_reference: \"630119 ) { total } }",
			want: []editor.Diagnostic{{Line: 1, Column: 25, EndColumn: 46, Message: "Unterminated string."}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := DiagnosticsFor(nil, tc.text)
			if !equalDiags(got, tc.want) {
				t.Fatalf("DiagnosticsFor(nil) =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestTokenLen(t *testing.T) {
	tests := []struct {
		line string
		at   int
		want int
	}{
		{"Cards(page: 1)", 0, 5},
		{"Cards(page: 1)", 5, 1}, // "("
		{"x: $card_ref)", 3, 9},
		{"x @include(if: true)", 2, 8},
		{"n: -12.5e+3,", 3, 8},
		{`s: "a\"b" }`, 3, 6},
		{`s: """block "quoted" text""" }`, 3, 25},
		{`s: """never closed`, 3, 15},
		{`s: """a\"""b""" }`, 3, 12},
		{"...on Card", 0, 3},
		{"..", 0, 1},
		{"abc", 3, 1},  // end of line: the blank cell after it
		{"é_ok", 0, 1}, // not a name start
		{"", 0, 1},
	}
	for _, tc := range tests {
		if got := tokenLen([]rune(tc.line), tc.at); got != tc.want {
			t.Errorf("tokenLen(%q, %d) = %d, want %d", tc.line, tc.at, got, tc.want)
		}
	}
}

// TestDiagnosticsUnderlineInTheEditor feeds the diagnostics to a real editor
// and checks the span it marks covers the token.
func TestDiagnosticsUnderlineInTheEditor(t *testing.T) {
	text := "query {\n  Cards(page: \"two\") { total }\n}"
	ed := editor.New(editor.Options{Language: editor.GraphQL}).SetSize(40, 4).SetValue(text)
	ed = ed.SetDiagnostics(DiagnosticsFor(toggle(t), text)).GotoLine(2, 19)
	d, ok := ed.DiagnosticAtCursor()
	if !ok || !strings.Contains(d.Message, "non-integer") {
		t.Fatalf("no diagnostic under the closing quote of \"two\": %+v %v", d, ok)
	}
}

func equalDiags(a, b []editor.Diagnostic) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
