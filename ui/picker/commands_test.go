package picker

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

func entryNames(es []saved.Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Name
	}
	return out
}

func TestCommandsAgainstARealLibrary(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "{ a }", "get cards": "query G { g }"})

	listed := ListCmd(lib)().(ListedMsg)
	if listed.Err != nil || !slices.Equal(entryNames(listed.Entries), []string{"a", "get cards"}) || listed.Seq != 0 {
		t.Fatalf("ListCmd: %#v", listed)
	}

	p := PreviewCmd(lib, "get cards")().(PreviewMsg)
	if p.Err != nil || p.Name != "get cards" || p.Saved.Text != "query G { g }" || p.Saved.Variables != `{"first": 10}` {
		t.Fatalf("PreviewCmd: %#v", p)
	}
	if p := PreviewCmd(lib, "missing")().(PreviewMsg); !errors.Is(p.Err, fs.ErrNotExist) {
		t.Fatalf("PreviewCmd of a missing query: %#v", p)
	}

	ch := RenameCmd(lib, "a", "b")().(ChangedMsg)
	if ch.Err != nil || ch.Note != `Renamed "a" to "b"` || ch.Select != "b" || !slices.Equal(entryNames(ch.Entries), []string{"b", "get cards"}) {
		t.Fatalf("RenameCmd: %#v", ch)
	}
	// A refused change reports why, changes nothing, and still brings a listing.
	ch = RenameCmd(lib, "b", "get cards")().(ChangedMsg)
	if !errors.Is(ch.Err, saved.ErrNameTaken) || ch.Note != "" || ch.Select != "" || len(ch.Entries) != 2 {
		t.Fatalf("RenameCmd onto a taken name: %#v", ch)
	}

	ch = DuplicateCmd(lib, "get cards", "get cards 2")().(ChangedMsg)
	if ch.Err != nil || ch.Select != "get cards 2" || len(ch.Entries) != 3 {
		t.Fatalf("DuplicateCmd: %#v", ch)
	}
	if s, err := lib.Load("get cards 2"); err != nil || s.Variables != `{"first": 10}` {
		t.Fatalf("the duplicate lacks its variables: %#v %v", s, err)
	}

	ch = DeleteCmd(lib, "b")().(ChangedMsg)
	if ch.Err != nil || ch.Note != `Deleted "b"` || slices.Contains(entryNames(ch.Entries), "b") {
		t.Fatalf("DeleteCmd: %#v", ch)
	}
	if ch := DeleteCmd(lib, "b")().(ChangedMsg); !errors.Is(ch.Err, fs.ErrNotExist) {
		t.Fatalf("DeleteCmd twice: %#v", ch)
	}
}

func TestPreviewReadsOnlyAHead(t *testing.T) {
	lib := newLibrary(t, nil)
	long := strings.Repeat("# a comment line\n", 5000) + "{ a }"
	save(t, lib, "long", long, "")
	p := PreviewCmd(lib, "long")().(PreviewMsg)
	if n := strings.Count(p.Saved.Text, "\n") + 1; n != previewMaxLines {
		t.Fatalf("preview holds %d lines, want %d", n, previewMaxLines)
	}
	wide := strings.Repeat("x", previewMaxBytes) + "\nmore"
	if got := head(wide); len(got) > previewMaxBytes {
		t.Fatalf("head kept %d bytes", len(got))
	}
	if got := head("a\nb"); got != "a\nb" {
		t.Fatalf("short text changed: %q", got)
	}
}
