package saved

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	savedCards = "query Cards($first: Int) { Cards(first: $first) { total } }\n"
	savedVars  = "{\"first\": 5}\n"
)

func newTestLibrary(t *testing.T) *Library {
	t.Helper()
	return NewLibrary(filepath.Join(t.TempDir(), "queries"))
}

func mustSave(t *testing.T, l *Library, name, text, vars string) Version {
	t.Helper()
	v, err := l.Save(name, text, vars, Version{}, false)
	if err != nil {
		t.Fatalf("Save(%q): %v", name, err)
	}
	return v
}

func mustLoad(t *testing.T, l *Library, name string) Query {
	t.Helper()
	s, err := l.Load(name)
	if err != nil {
		t.Fatalf("Load(%q): %v", name, err)
	}
	return s
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSaveLoadRoundTrip(t *testing.T) {
	l := newTestLibrary(t)
	v := mustSave(t, l, "Cards (all)", savedCards, savedVars)
	if v.IsZero() {
		t.Fatal("Save returned the zero Version")
	}
	// The files are plain GraphQL and JSON, readable by any other tool.
	if got := readString(t, filepath.Join(l.Dir(), "Cards (all).graphql")); got != savedCards {
		t.Errorf("query file = %q", got)
	}
	if got := readString(t, filepath.Join(l.Dir(), "Cards (all).variables.json")); got != savedVars {
		t.Errorf("variables file = %q", got)
	}
	s := mustLoad(t, l, "Cards (all)")
	want := Query{Name: "Cards (all)", Text: savedCards, Variables: savedVars, Version: v}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("Load = %+v, want %+v", s, want)
	}
	if !l.Exists("Cards (all)") || l.Exists("Cards") || l.Exists("../x") {
		t.Error("Exists disagrees with the files")
	}
}

func TestSaveWithoutVariablesRemovesAStaleFile(t *testing.T) {
	l := newTestLibrary(t)
	v := mustSave(t, l, "q", savedCards, savedVars)
	for _, empty := range []string{"", " \n", "{}", "{ \n }"} {
		var err error
		if v, err = l.Save("q", savedCards, empty, v, false); err != nil {
			t.Fatalf("Save(vars %q): %v", empty, err)
		}
		if _, err := os.Stat(filepath.Join(l.Dir(), "q.variables.json")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("vars %q: variables file still there (%v)", empty, err)
		}
		if s := mustLoad(t, l, "q"); s.Variables != "" || !s.Version.Equal(v) {
			t.Errorf("vars %q: Load = %+v", empty, s)
		}
	}
	// "{ }" with content is not empty.
	if _, err := l.Save("q", savedCards, `{"a":{}}`, v, false); err != nil {
		t.Fatal(err)
	}
	if s := mustLoad(t, l, "q"); s.Variables != `{"a":{}}` {
		t.Errorf("Variables = %q", s.Variables)
	}
}

func TestListDescribesTheQueries(t *testing.T) {
	l := newTestLibrary(t)
	if got, err := l.List(); err != nil || len(got) != 0 {
		t.Fatalf("List of a missing dir = %v, %v; want empty", got, err)
	}
	if _, err := os.Stat(l.Dir()); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("List created the directory")
	}
	mustSave(t, l, "beta", "query A { a } { b }", "")
	mustSave(t, l, "Alpha", savedCards, savedVars)
	mustSave(t, l, "broken", "query { a(", "")
	mustSave(t, l, "empty", "", "")
	// Not queries: other files, hidden and temporary files, a directory, a
	// stray variables file, a name ValidName refuses.
	for _, name := range []string{"notes.txt", ".hidden.graphql", ".x.graphql.tmp-123", "orphan.variables.json", "a..b.graphql"} {
		if err := os.WriteFile(filepath.Join(l.Dir(), name), []byte("{ a }"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(l.Dir(), "dir.graphql"), 0o700); err != nil {
		t.Fatal(err)
	}
	got, err := l.List()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
	}
	if want := []string{"Alpha", "beta", "broken", "empty"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("List names = %q, want %q", names, want)
	}
	alpha, beta, broken, empty := got[0], got[1], got[2], got[3]
	if alpha.Path != filepath.Join(l.Dir(), "Alpha.graphql") || alpha.VarsPath != filepath.Join(l.Dir(), "Alpha.variables.json") {
		t.Errorf("Alpha paths = %q, %q", alpha.Path, alpha.VarsPath)
	}
	if !reflect.DeepEqual(alpha.Operations, []string{"Cards"}) || alpha.ParseError != "" {
		t.Errorf("Alpha = %+v", alpha)
	}
	if beta.VarsPath != "" || !reflect.DeepEqual(beta.Operations, []string{"A", ""}) {
		t.Errorf("beta = %+v", beta)
	}
	if broken.Operations != nil || broken.ParseError == "" {
		t.Errorf("broken = %+v, want a ParseError and no operations", broken)
	}
	if empty.Operations != nil || empty.ParseError != "" {
		t.Errorf("empty = %+v, want neither operations nor error", empty)
	}
	if time.Since(alpha.Modified) > time.Hour || alpha.Modified.IsZero() {
		t.Errorf("Alpha.Modified = %v", alpha.Modified)
	}
}

func TestLoadOpensAFileThatDoesNotParse(t *testing.T) {
	l := newTestLibrary(t)
	const text = "query {\n  Cards(first: \n"
	if err := os.MkdirAll(l.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(l.Dir(), "wip.graphql"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(l.Dir(), "wip.variables.json"), []byte(`{"a":`), 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustLoad(t, l, "wip")
	if s.Text != text || s.Variables != `{"a":` {
		t.Errorf("Load changed the text: %+v", s)
	}
	if !strings.HasPrefix(s.Warning, "does not parse: 3:1: ") || !strings.Contains(s.Warning, "variables file does not parse: 1:6: ") {
		t.Errorf("Warning = %q", s.Warning)
	}
	if s := mustLoad(t, l, "wip"); s.Version.IsZero() {
		t.Error("a file that does not parse has the zero Version")
	}
	// A good file has no warning; a blank one is a blank slate, not broken.
	mustSave(t, l, "good", savedCards, savedVars)
	mustSave(t, l, "blank", "", "")
	for _, name := range []string{"good", "blank"} {
		if s := mustLoad(t, l, name); s.Warning != "" {
			t.Errorf("%s: Warning = %q", name, s.Warning)
		}
	}
}

func TestLoadMissingQuery(t *testing.T) {
	l := newTestLibrary(t)
	if _, err := l.Load("nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing query: %v, want fs.ErrNotExist", err)
	}
	if _, err := l.Load("../etc/passwd"); err == nil || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of an invalid name: %v, want a name error", err)
	}
}

func TestRenameMovesBothFiles(t *testing.T) {
	l := newTestLibrary(t)
	mustSave(t, l, "old", savedCards, savedVars)
	if err := l.Rename("old", "new"); err != nil {
		t.Fatal(err)
	}
	if l.Exists("old") || fileExists(filepath.Join(l.Dir(), "old.variables.json")) {
		t.Error("old files remain")
	}
	if s := mustLoad(t, l, "new"); s.Text != savedCards || s.Variables != savedVars {
		t.Errorf("renamed query = %+v", s)
	}
	if err := l.Rename("missing", "x"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Rename of a missing query: %v", err)
	}
	if err := l.Rename("new", "bad/name"); err == nil {
		t.Error("Rename to an invalid name succeeded")
	}
}

func TestRenameAndDuplicateNeverClobber(t *testing.T) {
	l := newTestLibrary(t)
	mustSave(t, l, "a", "{ a }", `{"x":1}`)
	mustSave(t, l, "b", "{ b }", "")
	// A stray variables file also holds the name: taking it would adopt it.
	if err := os.WriteFile(filepath.Join(l.Dir(), "c.variables.json"), []byte(`{"c":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"b", "c"} {
		if err := l.Rename("a", target); !errors.Is(err, ErrNameTaken) {
			t.Errorf("Rename onto %q: %v, want ErrNameTaken", target, err)
		}
		if err := l.Duplicate("a", target); !errors.Is(err, ErrNameTaken) {
			t.Errorf("Duplicate onto %q: %v, want ErrNameTaken", target, err)
		}
	}
	if s := mustLoad(t, l, "b"); s.Text != "{ b }" || s.Variables != "" {
		t.Errorf("b was changed: %+v", s)
	}
	if got := readString(t, filepath.Join(l.Dir(), "c.variables.json")); got != `{"c":1}` {
		t.Errorf("stray variables changed: %q", got)
	}
	if s := mustLoad(t, l, "a"); s.Text != "{ a }" || s.Variables != `{"x":1}` {
		t.Errorf("a was changed: %+v", s)
	}
}

func TestDuplicateCopiesBothFiles(t *testing.T) {
	l := newTestLibrary(t)
	mustSave(t, l, "src", savedCards, savedVars)
	mustSave(t, l, "novars", "{ a }", "")
	if err := l.Duplicate("src", "copy"); err != nil {
		t.Fatal(err)
	}
	if err := l.Duplicate("novars", "novars copy"); err != nil {
		t.Fatal(err)
	}
	src, cp := mustLoad(t, l, "src"), mustLoad(t, l, "copy")
	if cp.Text != src.Text || cp.Variables != src.Variables || !cp.Version.Equal(src.Version) {
		t.Errorf("copy = %+v, source = %+v", cp, src)
	}
	if fileExists(filepath.Join(l.Dir(), "novars copy.variables.json")) {
		t.Error("Duplicate invented a variables file")
	}
	if err := l.Duplicate("missing", "x"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Duplicate of a missing query: %v", err)
	}
}

func TestDeleteRemovesBothFiles(t *testing.T) {
	l := newTestLibrary(t)
	mustSave(t, l, "gone", savedCards, savedVars)
	if err := l.Delete("gone"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"gone.graphql", "gone.variables.json"} {
		if fileExists(filepath.Join(l.Dir(), p)) {
			t.Errorf("%s remains", p)
		}
	}
	if err := l.Delete("gone"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("second Delete: %v, want fs.ErrNotExist", err)
	}
	if got, _ := l.List(); len(got) != 0 {
		t.Errorf("List after Delete = %v", got)
	}
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
