package themes

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseTheme feeds arbitrary bytes to the theme file parser: it must
// never panic, must fail only with a *FileError, and on success must return
// a complete theme.
func FuzzParseTheme(f *testing.F) {
	for _, name := range Builtin() {
		src, err := builtinFS.ReadFile("builtin/" + name + fileExt)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"inherits":"dracula"}`,
		`{"inherits":"toggle-dark","palette":{"accent":"#abc"},"chroma":{"entries":{"Keyword":"bold #fff bg:#000"}}}`,
		`{"dark":false,"palette":{"foreground":"1"},"chroma":{"style":"monokai"}}`,
		`{"inherits":"toggle-light","chroma":{"entries":{"Name":"border:#fff noinherit"}}}`,
		`{"dark":true} trailing`, "{\"dark\":\xff}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		th, err := parseTheme("fuzz", src, parseOptions{file: "fuzz.json"})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is %T, want *FileError", err, err)
			}
			return
		}
		p := th.Palette
		for _, pf := range paletteFields {
			if *pf.field(&p) == "" {
				t.Fatalf("success with empty palette.%s", pf.key)
			}
		}
		if th.Chroma == nil {
			t.Fatal("success with nil Chroma")
		}
	})
}

// TestReadErrorIsNotMasked checks that an unreadable user file is reported
// rather than silently replaced by the built-in of the same name.
func TestReadErrorIsNotMasked(t *testing.T) {
	dir := t.TempDir()
	// A directory named like a theme file makes ReadFile fail with EISDIR.
	if err := os.Mkdir(filepath.Join(dir, "dracula.json"), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("dracula", dir); err == nil {
		t.Fatal("want a read error, got the built-in")
	}
}
