package editor

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// probe is a piece of a lexed text and the token type its first byte must have; whole asks that
// the piece be one token.
type probe struct {
	text  string
	want  chroma.TokenType
	whole bool
}

func checkRoles(t *testing.T, lexer chroma.Lexer, text string, probes []probe) {
	t.Helper()
	it, err := lexer.Tokenise(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	var types []chroma.TokenType
	for tk := it(); tk != chroma.EOF; tk = it() {
		for range len(tk.Value) {
			types = append(types, tk.Type)
		}
	}
	for _, p := range probes {
		i := strings.Index(text, p.text)
		if i < 0 {
			t.Fatalf("%q not in the text", p.text)
		}
		if types[i] != p.want {
			t.Errorf("%q: %v, want %v", p.text, types[i], p.want)
		}
		for j := i; p.whole && j < i+len(p.text); j++ {
			if types[j] != types[i] {
				t.Errorf("%q is split between %v and %v", p.text, types[i], types[j])
				break
			}
		}
	}
}

func TestGraphQLLexerRoles(t *testing.T) {
	text := `# balance
query Balance($ref: String!, $n: [Int!] = [1, 2.5e3]) @cached {
  Cards(card_reference: $ref, note: "a \"b\"") { ...F total }
  desc: """block
  string"""
}
fragment F on Card { id used: true }
`
	checkRoles(t, newGraphQLLexer(), text, []probe{
		{"# balance", chroma.CommentSingle, true}, {"query", chroma.KeywordDeclaration, true},
		{"Balance", chroma.NameFunction, true}, {"$ref", chroma.NameVariable, true}, {"String", chroma.NameClass, true},
		{"Int", chroma.NameClass, true}, {"2.5e3", chroma.LiteralNumberFloat, true}, {"1,", chroma.LiteralNumberInteger, false},
		{"@cached", chroma.NameDecorator, true}, {"Cards", chroma.NameProperty, true},
		{`"a \"b\""`, chroma.LiteralStringDouble, true}, {"...", chroma.Punctuation, true},
		{"\"\"\"block\n  string\"\"\"", chroma.LiteralString, true}, {"fragment", chroma.KeywordDeclaration, true},
		{"on Card", chroma.Keyword, false}, {"Card {", chroma.NameClass, false}, {"true", chroma.KeywordConstant, true},
		{"total", chroma.NameProperty, true}, {"id", chroma.NameProperty, true},
	})
}

func TestJSONLexerRoles(t *testing.T) {
	text := `{"ref": "6301", "n": [1, -2.5, true, null], "o": {"k": false}} // note`
	checkRoles(t, newJSONLexer(), text, []probe{
		{`"ref"`, chroma.NameTag, true}, {`"6301"`, chroma.LiteralStringDouble, true}, {`"k"`, chroma.NameTag, true},
		{"-2.5", chroma.LiteralNumberFloat, true}, {"1,", chroma.LiteralNumberInteger, false},
		{"true", chroma.KeywordConstant, true}, {"null", chroma.KeywordConstant, true},
		{"// note", chroma.CommentSingle, true}, {"{", chroma.Punctuation, true}, {": ", chroma.Punctuation, false},
	})
}

// FuzzEditorLexers: whatever is typed or pasted, the lexers lose and add nothing and do not panic.
func FuzzEditorLexers(f *testing.F) {
	for _, s := range []string{"query { a }", `{"a": [1, {"b": "}"}]}`, `"""x \""" y`, "\xff\x00#", `-`, `{"a"::}`, "$ @ ... !"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lexer := range []chroma.Lexer{newGraphQLLexer(), newJSONLexer()} {
			it, err := lexer.Tokenise(nil, text)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for tk := it(); tk != chroma.EOF; tk = it() {
				if tk.Value == "" {
					t.Fatalf("%s: an empty token", lexer.Config().Name)
				}
				b.WriteString(tk.Value)
			}
			if b.String() != text {
				t.Fatalf("%s: tokens spell %q, text is %q", lexer.Config().Name, b.String(), text)
			}
		}
	})
}
