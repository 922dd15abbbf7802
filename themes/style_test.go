package themes

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// A user theme's "style" starts from a built-in theme's chroma style (chroma's own registry is
// not linked in); a style only chroma knew is refused with a way out.
func TestChromaStyleNamesABuiltinTheme(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "mine.json", `{"inherits": "toggle-light", "chroma": {"style": "Dracula", "entries": {"NameTag": "#010203"}}}`)
	th, err := Load("mine", dir)
	if err != nil {
		t.Fatal(err)
	}
	dracula, err := Load("dracula", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []chroma.TokenType{chroma.Keyword, chroma.LiteralString, chroma.Comment, chroma.Background} {
		if got, want := th.Chroma.Get(tt), dracula.Chroma.Get(tt); got.String() != want.String() {
			t.Errorf("%v: %q, want dracula's %q", tt, got, want)
		}
	}
	if got := th.Chroma.Get(chroma.NameTag).Colour.String(); got != "#010203" {
		t.Errorf("NameTag = %s, want the file's entry", got)
	}

	writeFile(t, dir, "mono.json", `{"inherits": "toggle-dark", "chroma": {"style": "monokai"}}`)
	_, err = Load("mono", dir)
	if err == nil || !strings.Contains(err.Error(), `unknown chroma style "monokai"`) || !strings.Contains(err.Error(), "entries") {
		t.Fatalf("err = %v, want an unknown style that says to copy the colours into entries", err)
	}
}

// Every built-in theme colours the tokens the editor's lexers emit, each from its own entries.
func TestBuiltinThemesColourTheEditorsTokens(t *testing.T) {
	for _, name := range Builtin() {
		th, err := Load(name, "")
		if err != nil {
			t.Fatal(err)
		}
		text := th.Chroma.Get(chroma.Text).Colour
		for _, tt := range []chroma.TokenType{chroma.KeywordDeclaration, chroma.LiteralStringDouble, chroma.CommentSingle, chroma.NameTag} {
			if c := th.Chroma.Get(tt).Colour; !c.IsSet() || c == text {
				t.Errorf("%s: %v is not coloured apart from text (%v)", name, tt, c)
			}
		}
	}
}
