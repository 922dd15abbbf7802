package editor

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestCursorScreenPos(t *testing.T) {
	long := strings.Repeat("x", 50)
	tests := []struct {
		name      string
		text      string
		w, h      int
		line, col int
		wantX     int
		wantY     int
	}{
		{"start, two-digit gutter", "query", 30, 5, 1, 1, 3, 0},
		{"tab and wide rune before the cursor", "\t名a", 30, 5, 1, 3, 3 + 2 + 2, 0},
		{"three-digit gutter", strings.Repeat("\n", 120) + "abc", 30, 5, 121, 3, 4 + 2, 4},
		{"jump off screen centres the line", strings.Repeat("a\n", 40), 30, 5, 30, 2, 3 + 1, 2},
		{"scrolled horizontally", long, 20, 5, 1, 51, 19, 0},
		{"back from a long line resets the scroll", long + "\nab", 20, 5, 2, 2, 3 + 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := newEditor(t, GraphQL, tc.text, tc.w, tc.h).GotoLine(tc.line, tc.col)
			if tc.name == "back from a long line resets the scroll" {
				m = m.GotoLine(1, 51).GotoLine(tc.line, tc.col)
			}
			x, y := m.CursorScreenPos()
			if x != tc.wantX || y != tc.wantY {
				t.Fatalf("CursorScreenPos() = (%d, %d), want (%d, %d)", x, y, tc.wantX, tc.wantY)
			}
		})
	}
}

// reverseVideo opens the cursor cell in ansiStyles.
const reverseVideo = "\x1b[7m"

// TestCursorScreenPosMatchesView checks the position against the rendered
// view itself: the cursor cell, drawn in reverse video, must start at x on
// line y and hold the rune under the cursor.
func TestCursorScreenPosMatchesView(t *testing.T) {
	text := "query {\n\tcards(ref: \"名前😀\") { id }\n}\n" + strings.Repeat("# filler\n", 30) + strings.Repeat("y", 80) + "Z"
	for _, at := range [][2]int{{2, 1}, {2, 16}, {2, 20}, {34, 81}, {34, 20}, {1, 8}} {
		m := New(Options{Language: GraphQL, Styles: ansiStyles()}).SetSize(40, 8).SetValue(text)
		m, _ = m.Focus()
		m = m.GotoLine(at[0], at[1])
		x, y := m.CursorScreenPos()
		lines := strings.Split(m.View(), "\n")
		if y < 0 || y >= len(lines) {
			t.Fatalf("at %v: y = %d outside the %d-line view", at, y, len(lines))
		}
		i := strings.Index(lines[y], reverseVideo)
		if i < 0 {
			t.Fatalf("at %v: no cursor on view line %d: %q", at, y, lines[y])
		}
		if cx := ansi.StringWidth(lines[y][:i]); cx != x {
			t.Fatalf("at %v: the view draws the cursor at x = %d, CursorScreenPos says %d", at, cx, x)
		}
		want := " " // the cursor at the end of a line is a blank cell
		if r := []rune(m.Line(at[0])); at[1]-1 < len(r) {
			want = string(glyph(r[at[1]-1]))
			if r[at[1]-1] == '\t' {
				want = "  " // a tab at column 0 is drawn as two blanks
			}
		}
		cell := ansi.Strip(ansi.Cut(lines[y], x, x+ansi.StringWidth(want)))
		if cell != want {
			t.Fatalf("at %v: cell (%d, %d) holds %q, want the cursor's %q; line %q", at, x, y, cell, want, ansi.Strip(lines[y]))
		}
	}
}

func TestCursorScreenPosOffScreenAfterWheel(t *testing.T) {
	m := newEditor(t, GraphQL, strings.Repeat("a\n", 40), 30, 5)
	m = m.scroll(10)
	if _, y := m.CursorScreenPos(); y >= 0 {
		t.Fatalf("cursor scrolled above the view reported at y = %d, want negative", y)
	}
}
