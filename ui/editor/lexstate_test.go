package editor

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

func TestScanGraphQL(t *testing.T) {
	tests := []struct {
		name, state, line, want string
	}{
		{"plain code", "", `query { a }`, ""},
		{"opens a block string", "", `  text: """`, blockString},
		{"opens and closes", "", `  text: """x""" y`, ""},
		{"closes then reopens", blockString, `end""" """again`, blockString},
		{"stays inside", blockString, `just text "quoted"`, blockString},
		{"closes", blockString, `  """`, ""},
		{"escaped triple quote", blockString, `a \""" b`, blockString},
		{"triple quote in a comment", "", `# say """`, ""},
		{"triple quote in a string", "", `a(s: "x\"""") b`, ""},
		{"empty string then code", "", `a(s: "") b`, ""},
		{"comment inside a block", blockString, `# not a comment """ # a comment """`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanGraphQL(tt.state, tt.line); got != tt.want {
				t.Fatalf("scanGraphQL(%q, %q) = %q, want %q", tt.state, tt.line, got, tt.want)
			}
		})
	}
}

func TestScanJSON(t *testing.T) {
	tests := []struct {
		state, line, want string
	}{
		{"", `{`, "o"},
		{"o", `  "a": 1,`, "o"},
		{"o", `  "a": {`, "oko"},
		{"oko", `  "b": [1, {"c": "}"}],`, "oko"},
		{"oko", `  }`, "ok"}, // back in the attribute of "a", until its comma
		{"o", `  "k":`, "ok"},
		{"ok", `  [`, "oka"},
		{"oka", `  ]`, "ok"},
		{"", `[1, 2] // {`, ""},
		{"o", `}`, ""},
		{"", `}}]]`, ""}, // stray closers at top level are ignored, as chroma does
		{"", strings.Repeat("[", 100), strings.Repeat("a", maxJSONDepth)},
	}
	for _, tt := range tests {
		if got := scanJSON(tt.state, tt.line); got != tt.want {
			t.Errorf("scanJSON(%q, %q) = %q, want %q", tt.state, tt.line, got, tt.want)
		}
	}
}

// wholeDocumentTokens lexes text in one go, as chroma is meant to be used,
// and returns the token type of every byte.
func wholeDocumentTokens(t *testing.T, lang Language, text string) []chroma.TokenType {
	t.Helper()
	h := newHighlighter(lang)
	it, err := h.lexer.Tokenise(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	var types []chroma.TokenType
	for tk := it(); tk != chroma.EOF; tk = it() {
		for range len(tk.Value) {
			types = append(types, tk.Type)
		}
	}
	return types[:len(text)]
}

// lineByLineTokens returns the token type of every byte as the editor
// highlights it, one line at a time from the per-line states.
func lineByLineTokens(lang Language, text string) []chroma.TokenType {
	d := newDocument(text, scanner(lang))
	h := newHighlighter(lang)
	var types []chroma.TokenType
	for i, l := range d.lines {
		if i > 0 {
			types = append(types, chroma.TextWhitespace) // the newline
		}
		for _, tk := range h.entry(d.starts[i], l).toks {
			for range len(tk.text) {
				types = append(types, tk.typ)
			}
		}
	}
	return types
}

func TestJSONLineByLineMatchesWholeDocument(t *testing.T) {
	text := `{
  "query": "{ a }",
  "vars": {
    "first": 10,
    "tags": [
      "x", {"deep": [true, null]}
    ],
    "ratio": 1.5e3
  },
  "last": false
}`
	whole := wholeDocumentTokens(t, JSON, text)
	lines := lineByLineTokens(JSON, text)
	for i := range text {
		if text[i] == '\n' || text[i] == ' ' {
			continue // whitespace types differ (Text vs TextWhitespace) and do not show
		}
		if whole[i] != lines[i] {
			t.Fatalf("byte %d (%q in %q): whole %v, line by line %v", i, text[i], lineAround(text, i), whole[i], lines[i])
		}
	}
}

func TestGraphQLBlockStringsHighlightAcrossLines(t *testing.T) {
	text := "mutation {\n  note(text: \"\"\"\n    query { not code }\n  # not a comment\n  \"\"\") { id }\n}"
	types := lineByLineTokens(GraphQL, text)
	for _, probe := range []string{"query { not code }", "# not a comment"} {
		i := strings.Index(text, probe)
		for j := i; j < i+len(probe); j++ {
			if types[j] != chroma.LiteralString {
				t.Fatalf("%q at byte %d is %v, want LiteralString", probe, j, types[j])
			}
		}
	}
	if i := strings.Index(text, "id"); types[i] != chroma.NameProperty {
		t.Fatalf("code after the closing quotes is %v, want NameProperty", types[i])
	}
}

func lineAround(s string, i int) string {
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end]
}

func TestIncrementalStatesMatchFullRescan(t *testing.T) {
	m := newEditor(t, GraphQL, graphqlDoc(120), 80, 20).GotoLine(3, 1)
	check := func(what string) {
		t.Helper()
		fresh := newDocument(m.Value(), scanGraphQL)
		for i := range fresh.starts {
			if fresh.starts[i] != m.doc.starts[i] {
				t.Fatalf("%s: state at line %d is %q, a full rescan says %q", what, i+1, m.doc.starts[i], fresh.starts[i])
			}
		}
	}
	m = typeText(t, m, `x: """`)
	check("opening a block string")
	if m.doc.starts[3] != blockString {
		t.Fatal("line after the opening quotes should be inside the block string")
	}
	m = paste(m, "a\nb\n\"\"\"")
	check("closing it in a multi-line paste")
	m = press(t, m, "ctrl+z", "ctrl+z")
	check("undoing both")
	m = press(t, m, "ctrl+y")
	check("redoing one")
}
