package saved

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

func TestHeadersFileFollowsTheQuery(t *testing.T) {
	l := newTestLibrary(t)
	const hdrs = "X-Tenant: acme\nX-Api-Key: $TOGGLE_KEY\n"
	v, err := l.SaveWithHeaders("q", savedCards, savedVars, hdrs, Version{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, l, "q"); got.Headers != hdrs || !got.Version.Equal(v) {
		t.Fatalf("loaded headers %q, version equal %v", got.Headers, got.Version.Equal(v))
	}
	// Plain Save keeps the headers file; the version still matches.
	if v, err = l.Save("q", savedCards+"# edited\n", savedVars, v, false); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, l, "q"); got.Headers != hdrs {
		t.Fatalf("Save dropped the headers: %q", got.Headers)
	}
	if err := l.Duplicate("q", "copy"); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, l, "copy"); got.Headers != hdrs {
		t.Fatalf("Duplicate lost the headers: %q", got.Headers)
	}
	if err := l.Rename("copy", "moved"); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, l, "moved"); got.Headers != hdrs {
		t.Fatalf("Rename lost the headers: %q", got.Headers)
	}
	if _, err := os.Stat(l.headersPath("copy")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("old headers file left behind: %v", err)
	}
	// A blank headers text removes the file.
	if _, err = l.SaveWithHeaders("q", savedCards, savedVars, "  \n", v, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(l.headersPath("q")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("blank headers kept a file: %v", err)
	}
	if err := l.Delete("moved"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(l.headersPath("moved")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Delete left the headers: %v", err)
	}
}

func TestHeadersChangedOnDiskIsAConflict(t *testing.T) {
	l := newTestLibrary(t)
	v, err := l.SaveWithHeaders("q", savedCards, "", "X-A: 1\n", Version{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(l.headersPath("q"), []byte("X-A: 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if _, err := l.SaveWithHeaders("q", savedCards, "", "X-A: 3\n", v, false); !errors.As(err, &conflict) {
		t.Fatalf("err = %v, want a conflict", err)
	}
}
