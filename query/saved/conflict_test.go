package saved

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// filesOf returns the contents of name's two files ("" for a missing one).
func filesOf(t *testing.T, l *Library, name string) [2]string {
	t.Helper()
	var out [2]string
	for i, p := range []string{l.queryPath(name), l.varsPath(name)} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		out[i] = string(b)
	}
	return out
}

func TestSaveDetectsAnOutsideChange(t *testing.T) {
	outside := map[string]func(t *testing.T, l *Library){
		"query edited": func(t *testing.T, l *Library) {
			writeRaw(t, l.queryPath("q"), "{ edited }")
		},
		"variables edited": func(t *testing.T, l *Library) {
			writeRaw(t, l.varsPath("q"), `{"first": 6}`)
		},
		"variables removed": func(t *testing.T, l *Library) {
			if err := os.Remove(l.varsPath("q")); err != nil {
				t.Fatal(err)
			}
		},
		"same size, same second": func(t *testing.T, l *Library) {
			// Equal size and mtime: only the hash can tell.
			info, _ := os.Stat(l.queryPath("q"))
			writeRaw(t, l.queryPath("q"), "query Cards($first: Int) { Cards(first: $first) { tuple } }\n")
			if err := os.Chtimes(l.queryPath("q"), info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		},
		"deleted": func(t *testing.T, l *Library) {
			if err := l.Delete("q"); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, change := range outside {
		t.Run(name, func(t *testing.T) {
			l := newTestLibrary(t)
			mustSave(t, l, "q", savedCards, savedVars)
			opened := mustLoad(t, l, "q")
			change(t, l)
			before := filesOf(t, l, "q")

			_, err := l.Save("q", "{ mine }", `{"mine": 1}`, opened.Version, false)
			var conflict *ConflictError
			if !errors.As(err, &conflict) || conflict.Name != "q" || conflict.New {
				t.Fatalf("Save after an outside change: %v, want *ConflictError for q", err)
			}
			if got := filesOf(t, l, "q"); got != before {
				t.Fatalf("a refused Save wrote: files = %q, want %q", got, before)
			}
			if current, _ := l.Current("q"); current.Equal(opened.Version) {
				t.Fatal("Current still equals the opened Version after an outside change")
			}

			v, err := l.Save("q", "{ mine }", `{"mine": 1}`, opened.Version, true)
			if err != nil {
				t.Fatalf("forced Save: %v", err)
			}
			if got := filesOf(t, l, "q"); got != [2]string{"{ mine }", `{"mine": 1}`} {
				t.Fatalf("forced Save wrote %q", got)
			}
			if current, _ := l.Current("q"); !current.Equal(v) {
				t.Fatal("the Version Save returned does not match the disk")
			}
		})
	}
}

func TestSaveNewRefusesAnExistingName(t *testing.T) {
	l := newTestLibrary(t)
	mustSave(t, l, "q", savedCards, "")
	_, err := l.Save("q", "{ other }", "", Version{}, false)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || !conflict.New || !conflict.Exists {
		t.Fatalf("Save new over an existing query: %v", err)
	}
	if got := filesOf(t, l, "q"); got[0] != savedCards {
		t.Fatalf("existing query overwritten: %q", got)
	}
	// A stray variables file alone also makes the name taken.
	writeRaw(t, l.varsPath("stray"), `{"keep": true}`)
	if _, err := l.Save("stray", "{ a }", "", Version{}, false); !errors.As(err, &conflict) {
		t.Fatalf("Save new over a stray variables file: %v", err)
	}
	if got := filesOf(t, l, "stray"); got != [2]string{"", `{"keep": true}`} {
		t.Fatalf("stray variables touched: %q", got)
	}
}

func TestSaveAcceptsItsOwnChainOfVersions(t *testing.T) {
	l := newTestLibrary(t)
	v := mustSave(t, l, "q", "{ a }", "")
	for i, text := range []string{"{ b }", "{ c }", "{ d }"} {
		var err error
		if v, err = l.Save("q", text, "", v, false); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	// A touch that leaves the bytes alone loses nothing if overwritten.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(l.queryPath("q"), later, later); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Save("q", "{ e }", "", v, false); err != nil {
		t.Fatalf("Save after a touch: %v", err)
	}
}

func TestSaveConflictMessages(t *testing.T) {
	tests := []struct {
		err  ConflictError
		want string
	}{
		{ConflictError{Name: "q", Exists: true, New: true}, `a saved query named "q" already exists`},
		{ConflictError{Name: "q", Exists: false}, `saved query "q" was deleted on disk after it was opened`},
		{ConflictError{Name: "q", Exists: true}, `saved query "q" was changed on disk after it was opened`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.err, got, tt.want)
		}
	}
}

func writeRaw(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
