package editor

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestArrowsWrapAcrossLines(t *testing.T) {
	m := newEditor(t, GraphQL, "ab\ncd", 40, 10)
	m = press(t, m, "left")
	if cursor(m) != [2]int{1, 1} {
		t.Fatalf("left at start moved to %v", cursor(m))
	}
	m = press(t, m, "right", "right", "right")
	if cursor(m) != [2]int{2, 1} {
		t.Fatalf("right past line end: %v, want [2 1]", cursor(m))
	}
	m = press(t, m, "left")
	if cursor(m) != [2]int{1, 3} {
		t.Fatalf("left at line start: %v, want [1 3]", cursor(m))
	}
}

func TestVerticalMovesKeepGoalColumn(t *testing.T) {
	m := newEditor(t, GraphQL, "abcdefgh\nab\nabcdefgh", 40, 10).GotoLine(1, 7)
	m = press(t, m, "down")
	if cursor(m) != [2]int{2, 3} {
		t.Fatalf("down onto a short line: %v, want [2 3]", cursor(m))
	}
	m = press(t, m, "down")
	if cursor(m) != [2]int{3, 7} {
		t.Fatalf("goal column lost: %v, want [3 7]", cursor(m))
	}
	m = press(t, m, "down")
	if cursor(m) != [2]int{3, 9} {
		t.Fatalf("down on the last line should go to its end: %v", cursor(m))
	}
	m = press(t, m, "ctrl+home", "right", "up")
	if cursor(m) != [2]int{1, 1} {
		t.Fatalf("up on the first line should go to its start: %v", cursor(m))
	}
}

func TestGoalColumnUsesDisplayWidth(t *testing.T) {
	// "世界" is two wide runes: column 3 (after both) is display column 4.
	m := newEditor(t, GraphQL, "世界x\nabcdef", 40, 10).GotoLine(1, 3)
	m = press(t, m, "down")
	if cursor(m) != [2]int{2, 5} {
		t.Fatalf("down from after two wide runes: %v, want [2 5]", cursor(m))
	}
	m = m.GotoLine(2, 4) // display column 3: the middle of 界 above
	m = press(t, m, "up")
	if cursor(m) != [2]int{1, 2} {
		t.Fatalf("up into the middle of a wide rune: %v, want [1 2]", cursor(m))
	}
}

func TestWordMotions(t *testing.T) {
	m := newEditor(t, GraphQL, "query Q($id: ID!) {\n  x", 40, 10)
	var stops [][2]int
	for range 7 {
		m = press(t, m, "alt+right")
		stops = append(stops, cursor(m))
	}
	want := [][2]int{{1, 6}, {1, 8}, {1, 12}, {1, 16}, {1, 20}, {2, 1}, {2, 4}}
	if !equalStops(stops, want) {
		t.Fatalf("word right stops %v, want %v", stops, want)
	}
	stops = nil
	for _, k := range []string{"alt+b", "ctrl+left", "alt+left", "alt+left", "alt+left"} {
		m = press(t, m, k)
		stops = append(stops, cursor(m))
	}
	want = [][2]int{{2, 3}, {2, 1}, {1, 20}, {1, 14}, {1, 10}}
	if !equalStops(stops, want) {
		t.Fatalf("word left stops %v, want %v", stops, want)
	}
	m = press(t, m, "alt+f", "ctrl+right")
	if cursor(m) != [2]int{1, 16} {
		t.Fatalf("alt+f, ctrl+right: %v", cursor(m))
	}
}

func equalStops(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLineStartIsSmartAndLineEnd(t *testing.T) {
	m := newEditor(t, GraphQL, "    id", 40, 10).GotoLine(1, 6)
	m = press(t, m, "home")
	if cursor(m) != [2]int{1, 5} {
		t.Fatalf("first home: %v, want first non-blank [1 5]", cursor(m))
	}
	m = press(t, m, "ctrl+a")
	if cursor(m) != [2]int{1, 1} {
		t.Fatalf("second home: %v, want [1 1]", cursor(m))
	}
	m = press(t, m, "ctrl+e")
	if cursor(m) != [2]int{1, 7} {
		t.Fatalf("ctrl+e: %v", cursor(m))
	}
}

func TestDocStartEndAndPaging(t *testing.T) {
	m := newEditor(t, GraphQL, graphqlDoc(100), 40, 10)
	m = press(t, m, "ctrl+end")
	if l, _ := m.Cursor(); l != 100 || m.yoff != 90 {
		t.Fatalf("ctrl+end: line %d yoff %d", l, m.yoff)
	}
	m = press(t, m, "ctrl+home", "pgdown")
	if l, _ := m.Cursor(); l != 10 || m.yoff != 9 {
		t.Fatalf("pgdown: line %d yoff %d, want line 10 yoff 9", l, m.yoff)
	}
	m = press(t, m, "pgdown", "pgup")
	if l, _ := m.Cursor(); l != 10 || m.yoff != 9 {
		t.Fatalf("pgdown pgup: line %d yoff %d, want line 10 yoff 9", l, m.yoff)
	}
}

// assertCursorVisible fails unless the cursor's line and cell are inside
// the window.
func assertCursorVisible(t *testing.T, m Model) {
	t.Helper()
	if m.cur.row < m.yoff || m.cur.row >= m.yoff+m.height {
		t.Fatalf("cursor line %d outside rows [%d,%d)", m.cur.row, m.yoff, m.yoff+m.height)
	}
	x := displayCol(m.doc.lines[m.cur.row], m.cur.col)
	if x < m.xoff || x >= m.xoff+m.textWidth() {
		t.Fatalf("cursor column %d outside [%d,%d)", x, m.xoff, m.xoff+m.textWidth())
	}
}

func TestWindowFollowsCursor(t *testing.T) {
	m := newEditor(t, GraphQL, graphqlDoc(200), 60, 12)
	for range 50 {
		m = press(t, m, "down")
		assertCursorVisible(t, m)
	}
	if m.yoff != 39 {
		t.Fatalf("after 50 downs yoff = %d, want 39", m.yoff)
	}
	for range 45 {
		m = press(t, m, "up")
		assertCursorVisible(t, m)
	}
	if m.yoff != 5 {
		t.Fatalf("after 45 ups yoff = %d, want 5", m.yoff)
	}
	m = typeText(t, m, strings.Repeat("\n", 20))
	assertCursorVisible(t, m)
}

func TestGotoLineScrollsIntoView(t *testing.T) {
	m := newEditor(t, GraphQL, graphqlDoc(500), 60, 20).GotoLine(300, 1)
	if cursor(m) != [2]int{300, 1} {
		t.Fatalf("Cursor() = %v", cursor(m))
	}
	if m.yoff != 289 {
		t.Fatalf("GotoLine off screen should centre: yoff %d, want 289", m.yoff)
	}
	if !strings.Contains(m.View(), "300 ") {
		t.Fatal("line 300 not in the view")
	}
	m = m.GotoLine(295, 1)
	if m.yoff != 289 {
		t.Fatalf("GotoLine on screen should not scroll: yoff %d", m.yoff)
	}
	m = m.GotoLine(9999, 9999)
	if cursor(m) != [2]int{500, len([]rune(m.Line(500))) + 1} {
		t.Fatalf("GotoLine past the end not clamped: %v", cursor(m))
	}
	assertCursorVisible(t, m)
}

func TestHorizontalScroll(t *testing.T) {
	long := strings.Repeat("abcdefghij", 10)          // 100 cells
	m := newEditor(t, GraphQL, long+"\nshort", 23, 4) // gutter 3, text 20
	m = press(t, m, "end")
	if m.xoff != 81 {
		t.Fatalf("end of a 100-cell line in a 20-cell window: xoff %d, want 81", m.xoff)
	}
	first := strings.Split(m.View(), "\n")[0]
	if want := " 1 " + long[81:] + " "; first != want {
		t.Fatalf("scrolled line = %q, want %q", first, want)
	}
	m = press(t, m, "down")
	if m.xoff != 0 {
		t.Fatalf("moving to a short line whose cursor fits the window should show the line from its start: xoff %d, want 0", m.xoff)
	}
	m = press(t, m, "home")
	if m.xoff != 0 {
		t.Fatalf("home: xoff %d", m.xoff)
	}
}

func TestWideRunesCursorAndScroll(t *testing.T) {
	m := newEditor(t, GraphQL, "a世界😀b", 40, 4)
	m = press(t, m, "end")
	if cursor(m) != [2]int{1, 6} {
		t.Fatalf("Cursor() = %v, want [1 6] (runes, not cells)", cursor(m))
	}
	if x := displayCol(m.Line(1), m.cur.col); x != 8 {
		t.Fatalf("display column %d, want 8", x)
	}
	m = press(t, m, "left", "left")
	if got := m.cursorRune(); got != '😀' {
		t.Fatalf("cursor on %q, want 😀", got)
	}
	// A 7-cell text area (gutter 3): the cursor on 😀 (cells 5-6) fits.
	n := newEditor(t, GraphQL, "a世界😀b", 10, 2).GotoLine(1, 4)
	assertCursorVisible(t, n)
	if n.xoff != 0 {
		t.Fatalf("xoff %d, want 0", n.xoff)
	}
	// In a 4-cell text area both cells of 😀 must be on screen.
	n = n.SetSize(7, 2)
	if n.xoff != 3 {
		t.Fatalf("xoff %d, want 3 so cells 5-6 are visible", n.xoff)
	}
}

func TestMouseWheelScrollsWithoutMovingCursor(t *testing.T) {
	m := newEditor(t, GraphQL, graphqlDoc(100), 40, 10)
	wheel := func(b tea.MouseButton) {
		m, _ = m.Update(tea.MouseMsg{Button: b, Action: tea.MouseActionPress})
	}
	wheel(tea.MouseButtonWheelDown)
	wheel(tea.MouseButtonWheelDown)
	if m.yoff != 6 || cursor(m) != [2]int{1, 1} {
		t.Fatalf("yoff %d cursor %v", m.yoff, cursor(m))
	}
	for range 100 {
		wheel(tea.MouseButtonWheelDown)
	}
	if m.yoff != 90 {
		t.Fatalf("wheel past the end: yoff %d, want 90", m.yoff)
	}
	m = press(t, m, "right")
	assertCursorVisible(t, m)
}

func TestClickAtPlacesCursor(t *testing.T) {
	m := newEditor(t, GraphQL, "query {\n  gift世Card\n}", 40, 10)
	m = m.ClickAt(3+2+5, 1) // gutter 3, then cell 7 of line 2: the 世's second cell
	if cursor(m) != [2]int{2, 7} {
		t.Fatalf("click on a wide rune: %v, want [2 7]", cursor(m))
	}
	m = m.ClickAt(30, 1)
	if cursor(m) != [2]int{2, 12} {
		t.Fatalf("click past the end of the line: %v", cursor(m))
	}
	m = m.ClickAt(1, 8)
	if cursor(m) != [2]int{3, 1} {
		t.Fatalf("click below the text: %v, want the last line", cursor(m))
	}
}
