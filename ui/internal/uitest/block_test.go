package uitest

import (
	"fmt"
	"strings"
	"testing"
)

// recordTB records a failure instead of stopping the goroutine, so CheckBlock's verdict can be
// inspected.
type recordTB struct {
	testing.TB
	failure string
}

func (r *recordTB) Helper() {}

func (r *recordTB) Fatalf(format string, args ...any) { r.failure = fmt.Sprintf(format, args...) }

func TestCheckBlock(t *testing.T) {
	cases := []struct {
		name, view string
		w, h       int
		fails      string // what the failure must mention; "" for a pass
	}{
		{"exact", "ab\ncd\nef", 2, 3, ""},
		{"wide runes count as two cells", "漢\nab", 2, 2, ""},
		{"styling is not width", "\x1b[1mab\x1b[0m\ncd", 2, 2, ""},
		{"too few lines", "ab\ncd", 2, 3, "2 lines, want 3"},
		{"too many lines", "ab\ncd\n", 2, 2, "3 lines, want 2"},
		{"a short line", "ab\nc", 2, 2, "line 1 is 1 cells wide, want 2"},
		{"a long line", "abc\nab", 2, 2, "line 0 is 3 cells wide, want 2"},
	}
	for _, c := range cases {
		rec := &recordTB{TB: t}
		lines := CheckBlock(rec, c.view, c.w, c.h)
		switch {
		case c.fails == "" && rec.failure != "":
			t.Errorf("%s: failed: %s", c.name, rec.failure)
		case c.fails != "" && !strings.Contains(rec.failure, c.fails):
			t.Errorf("%s: failure %q, want it to mention %q", c.name, rec.failure, c.fails)
		}
		if strings.Join(lines, "\n") != c.view {
			t.Errorf("%s: returned lines %q do not make up the view", c.name, lines)
		}
	}
}
