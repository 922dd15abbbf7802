package securefile

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestWriteFileReplacesAndLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.graphql")
	for _, content := range []string{"first", "second, longer content", "3"} {
		if err := WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		if string(got) != content {
			t.Fatalf("got %q, want %q", got, content)
		}
	}
	assertOnlyEntries(t, dir, "q.graphql")
}

func TestFailedWriteKeepsTheOldFileAndCleansUp(t *testing.T) {
	dir := t.TempDir()
	// A non-empty directory at the target name makes the final rename fail after the temporary file
	// was fully written: the worst moment to fail.
	target := filepath.Join(dir, "busy")
	if err := os.MkdirAll(filepath.Join(target, "child"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("new"), FilePerm); err == nil {
		t.Fatal("expected the rename onto a directory to fail")
	}
	assertOnlyEntries(t, dir, "busy")
	if _, err := os.Stat(filepath.Join(target, "child")); err != nil {
		t.Fatalf("old content disturbed: %v", err)
	}
}

func TestEnsureDirTightensAnOpenLeaf(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "open")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := EnsureDir(dir); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dir, 0o700)
}

func TestCheckPrivateAndTighten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token.json")
	if err := CheckPrivate(path); err != nil {
		t.Fatalf("missing file should be fine, got %v", err)
	}
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckPrivate(path); !errors.Is(err, ErrTooOpen) {
		t.Fatalf("want ErrTooOpen, got %v", err)
	}
	changed, err := Tighten(path)
	if err != nil || !changed {
		t.Fatalf("Tighten = %v, %v", changed, err)
	}
	assertMode(t, path, 0o600)
	changed, err = Tighten(path)
	if err != nil || changed {
		t.Fatalf("second Tighten = %v, %v; want no change", changed, err)
	}
}

func TestLockSerialisesReadModifyWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "counter")
	if err := WriteFile(path, []byte{0}, FilePerm); err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 8, 25
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				unlock, err := Lock(path)
				if err != nil {
					t.Error(err)
					return
				}
				b, _ := os.ReadFile(path)
				if err := WriteFile(path, []byte{b[0] + 1}, FilePerm); err != nil {
					t.Error(err)
				}
				unlock()
			}
		}()
	}
	wg.Wait()
	b, _ := os.ReadFile(path)
	if int(b[0]) != workers*rounds {
		t.Fatalf("counter = %d, want %d: a locked update was lost", b[0], workers*rounds)
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Fatalf("%s mode %04o, want %04o", path, got, want)
	}
}

func assertOnlyEntries(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("directory holds %v, want %v", got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("directory holds %v, want %v", got, names)
		}
	}
}
