package inspector

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteOSC52(t *testing.T) {
	text := "curl -sS 'http://x'\n"
	payload := base64.StdEncoding.EncodeToString([]byte(text))
	cases := []struct {
		name   string
		env    map[string]string
		prefix string
	}{
		{"plain terminal", map[string]string{"TERM": "xterm-256color"}, "\x1b]52;c;" + payload + "\x07"},
		{"tmux wraps in DCS", map[string]string{"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"}, "\x1bPtmux;\x1b\x1b]52;c;" + payload},
		{"screen wraps in DCS", map[string]string{"TERM": "screen.xterm"}, "\x1bP\x1b]52;c;" + payload},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeOSC52(&buf, text, func(k string) string { return c.env[k] }); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(buf.String(), c.prefix) {
				t.Fatalf("wrote %q, want prefix %q", buf.String(), c.prefix)
			}
		})
	}
}

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
