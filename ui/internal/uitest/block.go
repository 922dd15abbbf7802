package uitest

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// CheckBlock fails the test unless view is exactly h lines, each exactly w cells wide (the shape
// every pane must fill so the root can join panes without gaps), and returns the lines.
func CheckBlock(t testing.TB, view string, w, h int) []string {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
		return lines
	}
	for i, l := range lines {
		if got := lipgloss.Width(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, l)
			return lines
		}
	}
	return lines
}
