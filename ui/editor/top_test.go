package editor

import (
	"strings"
	"testing"
)

func TestSetTopScrollsWithinTheTextAndKeepsTheCursorInView(t *testing.T) {
	m := New(Options{}).SetValue(strings.Repeat("line\n", 50)).SetSize(40, 10)
	m = m.GotoLine(30, 1).SetTop(25)
	if m.Top() != 25 {
		t.Fatalf("Top() = %d after SetTop(25), want 25", m.Top())
	}
	if m = m.SetTop(100); m.Top() != 29 {
		// The cursor (line 30, row 29) must stay in view: it ends as the first visible line.
		t.Fatalf("SetTop past the cursor gave %d, want 29", m.Top())
	}
	if m = m.GotoLine(1, 1).SetTop(-4); m.Top() != 0 {
		t.Fatalf("SetTop(-4) gave %d", m.Top())
	}
}
