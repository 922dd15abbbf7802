package saved

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/history"
)

// TestFilesArePrivateUnderUmaskZero exercises every writer of saved queries,
// history and starter collection with umask 0 and checks every path created.
// (Umask is per process: no test in this package runs in parallel.)
func TestFilesArePrivateUnderUmaskZero(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)

	root := t.TempDir()
	l := NewLibrary(filepath.Join(root, "data", "toggle-explorer", "queries"))
	v := mustSave(t, l, "a", "{ a }", `{"x":1}`)
	if _, err := l.Save("a", "{ a b }", `{"x":2}`, v, false); err != nil {
		t.Fatal(err)
	}
	if err := l.Duplicate("a", "b"); err != nil {
		t.Fatal(err)
	}
	if err := l.Rename("b", "c"); err != nil {
		t.Fatal(err)
	}
	if _, err := InstallStarter(l, map[string]string{"s": "{ s }"}, map[string]string{"s": `{"y":1}`}); err != nil {
		t.Fatal(err)
	}
	h := history.New(filepath.Join(root, "state", "toggle-explorer", "history.jsonl"), 2048)
	for i := range 20 { // enough to rotate
		if err := h.Append(history.Entry{Endpoint: "http://127.0.0.1/graphql", Document: "{ a }", DurationMS: int64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	appendRaw(t, h.Path(), `{"torn`) // makes Load write the quarantine file
	if _, _, err := h.Load(0); err != nil {
		t.Fatal(err)
	}
	if !fileExists(h.QuarantinePath()) {
		t.Fatal("no quarantine file to check")
	}

	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == root {
			return err // root comes from t.TempDir
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has mode %04o, want %04o", path, info.Mode().Perm(), want)
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 12 {
		t.Fatalf("checked only %d paths", checked)
	}
}
