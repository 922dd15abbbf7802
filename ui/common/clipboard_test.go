package common

import (
	"bytes"
	"encoding/base64"
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
			if err := WriteOSC52(&buf, text, func(k string) string { return c.env[k] }); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(buf.String(), c.prefix) {
				t.Fatalf("wrote %q, want prefix %q", buf.String(), c.prefix)
			}
		})
	}
}
