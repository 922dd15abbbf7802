package tokenstore

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// warnings collects what a File tells its user.
func warnings(f *File) *[]string {
	var got []string
	f.Warn = func(msg string) { got = append(got, msg) }
	return &got
}

// A corrupt token file is never silently reset: Load says it is corrupt, the next Save moves it
// aside under a timestamped name, says so, and writes a good file.
func TestFileQuarantinesACorruptFile(t *testing.T) {
	for name, seed := range map[string]string{
		"empty":          "",
		"extra data":     `{"version":1,"tokens":{}}{"version":1}`,
		"binary garbage": "\x00\xff\xfe{{\x01",
		"torn":           `{"version":1,"tokens":{"x":{"token":"` + canary,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "tokens.json")
			if err := os.WriteFile(path, []byte(seed), 0o600); err != nil {
				t.Fatal(err)
			}
			store := NewFile(path)
			store.now = func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }
			got := warnings(store)
			var corrupt *CorruptError
			if _, err := store.Load("x"); !errors.As(err, &corrupt) || corrupt.Path != path {
				t.Fatalf("Load = %v, want a CorruptError naming %s", err, path)
			}
			if err := store.Save("x", session.StoredToken{Identity: "demo", Token: "t"}); err != nil {
				t.Fatal(err)
			}
			aside := path + ".corrupt-20260302T090000.000Z"
			kept, err := os.ReadFile(aside)
			if err != nil || string(kept) != seed {
				t.Fatalf("the corrupt file was not kept aside as %s: %v", aside, err)
			}
			if len(*got) != 1 || !strings.Contains((*got)[0], aside) {
				t.Fatalf("warnings %q, want one naming %s", *got, aside)
			}
			if tok, err := store.Load("x"); err != nil || tok.Token != "t" {
				t.Fatalf("after the save: %+v, %v", tok, err)
			}
			for _, w := range *got {
				if strings.Contains(w, "eyJ") {
					t.Fatalf("a warning quotes the file: %s", w)
				}
			}
		})
	}
}

// A token file others could read is made private and the user is told, since its tokens may
// have been read already.
func TestFileWarnsWhenItTightensAnOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"tokens":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	store := NewFile(path)
	got := warnings(store)
	if err := store.Save("x", session.StoredToken{Identity: "demo", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", info.Mode().Perm())
	}
	if len(*got) != 1 || !strings.Contains((*got)[0], "readable by other users (mode 0644)") {
		t.Fatalf("warnings %q", *got)
	}
	if _, err := store.Load("x"); err != nil || len(*got) != 1 {
		t.Fatalf("a private file warned again: %q, %v", *got, err)
	}
}

// Temporary files a killed process left beside the token file go at the next write.
func TestFileCleansUpTemporaryFilesOfAKilledWriter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tokens.json")
	stale := filepath.Join(dir, ".tokens.json.tmp-12345")
	if err := os.WriteFile(stale, []byte("half a token"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, ".history.jsonl.tmp-1") // not ours: left alone
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := NewFile(path).Save("x", session.StoredToken{Identity: "demo", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("stale temporary file still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("another file's temporary was removed: %v", err)
	}
}

// A directory that cannot be written fails the save with an error naming the file.
func TestFileSaveInAReadOnlyDirectoryFails(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
	err := NewFile(filepath.Join(dir, "tokens.json")).Save("x", session.StoredToken{Identity: "demo", Token: canary})
	if err == nil || !strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), "eyJ") {
		t.Fatalf("Save = %v, want an error naming %s without the token", err, dir)
	}
}
