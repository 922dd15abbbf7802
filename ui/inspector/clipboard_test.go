package inspector

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteCurlFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	msg := WriteCurlFile(dir, "echo hi\n")().(CopiedMsg)
	if msg.Err != nil || filepath.Dir(msg.Where) != dir || !strings.HasPrefix(filepath.Base(msg.Where), "toggle-curl-") {
		t.Fatalf("msg = %+v", msg)
	}
	if data, err := os.ReadFile(msg.Where); err != nil || string(data) != "echo hi\n" {
		t.Fatalf("file holds %q (err %v)", data, err)
	}
	second := WriteCurlFile(dir, "x")().(CopiedMsg)
	if second.Where == msg.Where {
		t.Fatal("a second write reused the first file")
	}
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	failed := WriteCurlFile(filepath.Join(blocker, "sub"), "secret-text")().(CopiedMsg)
	if failed.Err == nil || strings.Contains(failed.Err.Error(), "secret-text") {
		t.Fatalf("bad directory: %v", failed.Err)
	}
	if got := copiedText(failed); !strings.HasPrefix(got, "copy failed: ") {
		t.Errorf("copiedText = %q", got)
	}
}
