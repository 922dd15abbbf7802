package themes

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

func TestBuiltinNames(t *testing.T) {
	got := Builtin()
	for _, want := range []string{"toggle-dark", "toggle-light", "high-contrast", "dracula", "catppuccin-mocha"} {
		if !slices.Contains(got, want) {
			t.Errorf("Builtin() = %v, missing %q", got, want)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("Builtin() not sorted: %v", got)
	}
}

// TestBuiltinsLoad also guards Default(), which panics on a broken file.
func TestBuiltinsLoad(t *testing.T) {
	for _, name := range Builtin() {
		t.Run(name, func(t *testing.T) {
			th, err := Load(name, "")
			if err != nil {
				t.Fatalf("Load(%q): %v", name, err)
			}
			if th.Name != name {
				t.Errorf("Name = %q, want %q", th.Name, name)
			}
			p := th.Palette
			for _, pf := range paletteFields {
				if *pf.field(&p) == "" {
					t.Errorf("palette.%s is empty", pf.key)
				}
			}
			if th.Chroma == nil {
				t.Fatal("Chroma is nil")
			}
			// The "dark" flag must agree with the chroma background, or the
			// editor and results panes would clash with the UI palette.
			if gotDark := th.Chroma.Mode() == chroma.Dark; gotDark != th.Dark {
				t.Errorf("Dark = %v but chroma style mode dark = %v", th.Dark, gotDark)
			}
		})
	}
	if d := Default(); d.Name != DefaultName || !d.Dark {
		t.Errorf("Default() = %q dark=%v", d.Name, d.Dark)
	}
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUserThemeInheritsAndOverrides(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "mine.json", `{
	  "inherits": "toggle-dark",
	  "palette": {"accent": "#ff0000", "match_background": "136"},
	  "chroma": {"entries": {"NameTag": "bold #00ff00"}}
	}`)
	th, err := Load("mine", dir)
	if err != nil {
		t.Fatal(err)
	}
	base := Default()
	if th.Palette.Accent != "#ff0000" || th.Palette.MatchBackground != "136" {
		t.Errorf("overrides not applied: %+v", th.Palette)
	}
	if th.Palette.Foreground != base.Palette.Foreground || !th.Dark {
		t.Errorf("inherited fields lost: fg=%q dark=%v", th.Palette.Foreground, th.Dark)
	}
	if e := th.Chroma.Get(chroma.NameTag); e.Colour.String() != "#00ff00" || e.Bold != chroma.Yes {
		t.Errorf("NameTag entry = %v", e)
	}
	// Entries not overridden still come from the inherited chroma style.
	if got, want := th.Chroma.Get(chroma.LiteralString).Colour, base.Chroma.Get(chroma.LiteralString).Colour; got != want {
		t.Errorf("LiteralString = %v, want inherited %v", got, want)
	}
	if th.Chroma.Name != "mine" {
		t.Errorf("chroma style name = %q", th.Chroma.Name)
	}
}

func TestUserFileReplacesBuiltin(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "dracula.json", `{"inherits": "dracula", "palette": {"accent": "#123456"}}`)
	th, err := Load("dracula", dir)
	if err != nil {
		t.Fatal(err)
	}
	if th.Palette.Accent != "#123456" {
		t.Errorf("user dracula.json not used: accent %q", th.Palette.Accent)
	}
	names, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.Join(names, " "), "dracula"); n != 1 {
		t.Errorf("List has %d dracula entries: %v", n, names)
	}
}

func TestList(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "zeta.json", `{}`)
	writeFile(t, dir, "notes.txt", `x`)
	writeFile(t, dir, "Bad Name.json", `{}`)
	names, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "zeta") || slices.Contains(names, "notes") || slices.Contains(names, "Bad Name") {
		t.Errorf("List = %v", names)
	}
	if !slices.IsSorted(names) {
		t.Errorf("not sorted: %v", names)
	}
	missing, err := List(filepath.Join(dir, "nope"))
	if err != nil || !slices.Equal(missing, Builtin()) {
		t.Errorf("List(missing dir) = %v, %v", missing, err)
	}
}

func TestLoadUnknownListsKnown(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "mine.json", `{"inherits":"toggle-light"}`)
	_, err := Load("nosuch", dir)
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{`"nosuch"`, "toggle-dark", "high-contrast", "mine", filepath.Join(dir, "NAME.json")} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestLoadRejectsPathNames(t *testing.T) {
	for _, name := range []string{"", "../etc/passwd", "a/b", ".hidden", "Upper"} {
		if _, err := Load(name, t.TempDir()); err == nil {
			t.Errorf("Load(%q) succeeded", name)
		}
	}
}

func TestBadFilesGiveClearErrors(t *testing.T) {
	cases := []struct {
		name, body string
		field      string // expected FileError.Field
		problem    string // substring of FileError.Problem
	}{
		{"syntax", "{\n  \"dark\": true,\n  oops\n}", "line 3, column 3", "invalid character"},
		{"empty", "", "", "empty file"},
		{"unknown top field", `{"inherits":"toggle-dark","pallete":{}}`, "", `unknown field "pallete"`},
		{"wrong type", `{"inherits":"toggle-dark","dark":"yes"}`, "dark", "want bool"},
		{"unknown palette key", `{"inherits":"toggle-dark","palette":{"acent":"#fff"}}`, "palette.acent", "unknown palette field"},
		{"bad colour", `{"inherits":"toggle-dark","palette":{"accent":"#ggg"}}`, "palette.accent", `"#ggg" is not a colour`},
		{"colour out of range", `{"inherits":"toggle-dark","palette":{"accent":"256"}}`, "palette.accent", "not a colour"},
		{"unknown inherits", `{"inherits":"nope"}`, "inherits", `unknown built-in theme "nope"`},
		{"missing dark", `{"palette":{}}`, "dark", "missing"},
		{"missing palette field", `{"dark":true,"palette":{"foreground":"#fff"},"chroma":{"style":"dracula"}}`, "palette.muted", "missing"},
		{"unknown chroma style", `{"inherits":"toggle-dark","chroma":{"style":"nostyle"}}`, "chroma.style", `unknown chroma style "nostyle"`},
		{"unknown token", `{"inherits":"toggle-dark","chroma":{"entries":{"Keywrd":"#fff"}}}`, "chroma.entries.Keywrd", "unknown chroma token type"},
		{"bad entry", `{"inherits":"toggle-dark","chroma":{"entries":{"Keyword":"blink #fff"}}}`, "chroma.entries.Keyword", "unknown style element"},
		{"trailing data", `{"inherits":"toggle-dark"} {}`, "", "unexpected data"},
	}
	dir := t.TempDir()
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := "bad" + string(rune('a'+i))
			path := writeFile(t, dir, name+".json", c.body)
			_, err := Load(name, dir)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v (%T), want *FileError", err, err)
			}
			if fe.File != path || fe.Field != c.field || !strings.Contains(fe.Problem, c.problem) {
				t.Errorf("got file=%q field=%q problem=%q; want file=%q field=%q problem~%q", fe.File, fe.Field, fe.Problem, path, c.field, c.problem)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("Error() %q lacks the path", err)
			}
		})
	}
}
