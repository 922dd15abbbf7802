//go:build unix

package securefile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWriteFileIsPrivateWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)

	dir := filepath.Join(t.TempDir(), "state", "toggle-explorer")
	path := filepath.Join(dir, "token.json")
	if err := WriteFile(path, []byte("secret"), FilePerm); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dir, 0o700)
	assertMode(t, path, 0o600)
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "secret" {
		t.Fatalf("read back %q, %v", got, err)
	}
}
