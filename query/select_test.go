package query

import (
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	multi := toggleDoc + "{ anonymous }\n"
	tests := []struct {
		name     string
		doc      string
		select_  string
		want     string   // operation name on success
		errParts []string // substrings of the error; nil means success
	}{
		{name: "only operation by empty name", doc: "query Only { a }", want: "Only"},
		{name: "only anonymous operation", doc: "{ a }", want: ""},
		{name: "only operation by its name", doc: "query Only { a }", select_: "Only", want: "Only"},
		{name: "by name among several", doc: toggleDoc, select_: "Balance", want: "Balance"},
		{name: "mutation by name", doc: toggleDoc, select_: "Redeem", want: "Redeem"},
		{name: "names are case-sensitive", doc: toggleDoc, select_: "balance",
			errParts: []string{`no operation named "balance"`, "Login, Balance, Redeem"}},
		{name: "empty name among several lists them", doc: toggleDoc,
			errParts: []string{"3 operations", "--operation", "Login, Balance, Redeem"}},
		{name: "anonymous among several is explained", doc: multi,
			errParts: []string{"4 operations", "anonymous query at line 17 (give it a name to select it)"}},
		{name: "unknown name with an anonymous operation", doc: multi, select_: "Nope",
			errParts: []string{`"Nope"`, "Redeem, anonymous query at line 17"}},
		{name: "duplicate names", doc: "query A { a }\nquery A { b }", select_: "A",
			errParts: []string{`2 operations are named "A"`, "lines 1, 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, err := mustParse(t, tt.doc).Select(tt.select_)
			if tt.errParts == nil {
				if err != nil || op.Name != tt.want || op.Kind == 0 {
					t.Fatalf("Select(%q) = %q, %v; want %q", tt.select_, op.Name, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Select(%q) = %q, want an error", tt.select_, op.Name)
			}
			for _, p := range tt.errParts {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not contain %q", err, p)
				}
			}
		})
	}
}

func TestOperationAt(t *testing.T) {
	text := "# header\nquery A {\n  a\n}\n\n# between\nquery B { b(s: \"é\") }  \n"
	d := mustParse(t, text)
	startB := strings.Index(text, "query B")
	tests := []struct {
		name   string
		offset int
		want   string // "" means no operation
	}{
		{"in the header comment", 3, ""},
		{"on the keyword", strings.Index(text, "query A"), "A"},
		{"inside the selection", strings.Index(text, "  a"), "A"},
		{"just after the closing brace", strings.Index(text, "}\n\n") + 1, "A"},
		{"in the comment between", strings.Index(text, "# between"), ""},
		{"on the last operation", startB + 3, "B"},
		{"after a multi-byte rune", strings.Index(text, "é") + 2, "B"},
		{"trailing space", strings.LastIndex(text, " "), ""},
		{"negative", -1, ""},
		{"past the end", len(text) + 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, ok := d.OperationAt(tt.offset)
			if ok != (tt.want != "") || op.Name != tt.want {
				t.Errorf("OperationAt(%d) = %q, %v; want %q", tt.offset, op.Name, ok, tt.want)
			}
		})
	}
}

func TestOperationAtLineCol(t *testing.T) {
	text := "query A {\r\n  a(s: \"🎁🎁\")\r\n}\r\n\r\nquery B { b }"
	d := mustParse(t, text)
	tests := []struct {
		line, col int
		want      string
	}{
		{1, 1, "A"},
		{2, 3, "A"},
		{2, 11, "A"}, // the closing quote, after two 4-byte runes
		{2, 999, "A"},
		{3, 2, "A"}, // just after the brace
		{4, 1, ""},
		{5, 1, "B"},
		{5, 13, "B"},
		{6, 1, ""},
		{0, 1, ""},
		{1, 0, ""},
	}
	for _, tt := range tests {
		op, ok := d.OperationAtLineCol(tt.line, tt.col)
		if ok != (tt.want != "") || op.Name != tt.want {
			t.Errorf("OperationAtLineCol(%d, %d) = %q, %v; want %q", tt.line, tt.col, op.Name, ok, tt.want)
		}
	}
}
