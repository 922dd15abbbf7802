package saved

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Saved query names are compared case-insensitively: "Redeem" next to redeem.graphql is the same
// query (a conflict to resolve), never a second file.
func TestSaveComparesNamesCaseInsensitively(t *testing.T) {
	l := newTestLibrary(t)
	mustSave(t, l, "redeem", "mutation Redeem { a }", "")
	_, err := l.Save("Redeem", "mutation Redeem { b }", "", Version{}, false)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || conflict.Name != "redeem" || !conflict.New {
		t.Fatalf("saving Redeem beside redeem: %v, want a conflict naming redeem", err)
	}
	// Overwriting after the conflict writes the existing file.
	if _, err := l.Save("Redeem", "mutation Redeem { b }", "", Version{}, true); err != nil {
		t.Fatal(err)
	}
	if got := files(t, l); !slices.Equal(got, []string{"redeem.graphql"}) {
		t.Fatalf("files %v, want only redeem.graphql", got)
	}
	if got := mustLoad(t, l, "redeem").Text; got != "mutation Redeem { b }" {
		t.Fatalf("redeem.graphql holds %q", got)
	}
	if err := l.Duplicate("redeem", "REDEEM"); !errors.Is(err, ErrNameTaken) {
		t.Fatalf("duplicate to another case: %v, want ErrNameTaken", err)
	}
	mustSave(t, l, "other", "query O { a }", "")
	if err := l.Rename("other", "Redeem"); !errors.Is(err, ErrNameTaken) {
		t.Fatalf("rename onto another case: %v, want ErrNameTaken", err)
	}
	// Changing only the case of a name is a rename of the same query.
	if err := l.Rename("redeem", "Redeem"); err != nil {
		t.Fatal(err)
	}
	if got := files(t, l); !slices.Equal(got, []string{"Redeem.graphql", "other.graphql"}) {
		t.Fatalf("after a case rename: %v", got)
	}
}

func files(t *testing.T, l *Library) []string {
	t.Helper()
	entries, err := os.ReadDir(l.Dir())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".graphql" {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}
