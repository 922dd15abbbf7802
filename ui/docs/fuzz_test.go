package docs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// FuzzWrapText feeds arbitrary server text to the description wrapper: no control character
// may survive, and no line may be wider than asked.
func FuzzWrapText(f *testing.F) {
	for _, seed := range []string{
		"", "plain", "Balance in\nminor units.\n\n- one\n- two", "\x1b[2J\x1b]52;c;eA==\x07", "\u009b31m",
		"wide 漢字漢字漢字漢字 text", "tab\there", "cr\r\nlf", "\xff\xfe invalid", strings.Repeat("x", 300),
		"1. first\n2) second\n   indented", "a\u200bb\u202ec",
	} {
		f.Add(seed, 20)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = 1 + abs(width)%200
		for _, indent := range []string{"", "    "} {
			for _, l := range wrapText(s, width, indent) {
				checkLine(t, l, max(width, len(indent)+1))
			}
		}
		for _, l := range wrapHanging(clean(s), width, 4) {
			checkLine(t, l, width)
		}
		checkLine(t, firstLine(s), -1)
	})
}

func checkLine(t *testing.T, l string, width int) {
	t.Helper()
	for _, r := range l {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			t.Fatalf("control %U in %q", r, l)
		}
	}
	if width > 0 && ansi.StringWidth(l) > width {
		t.Fatalf("line %q is %d wide, over %d", l, ansi.StringWidth(l), width)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
