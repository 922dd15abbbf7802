package results

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// numberedBody is a JSON array of n objects, one "row" key each, so line
// positions are easy to reason about: pretty-printed it has 3n+2 lines.
func numberedBody(n int) string {
	var b strings.Builder
	b.WriteString("[")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"row":"r` + strconv.Itoa(i) + `"}`)
	}
	b.WriteString("]")
	return b.String()
}

func TestScrollBounds(t *testing.T) {
	m := newModel(t, numberedBody(100), Meta{Status: 200}, 60, 12)
	rows := m.bodyRows() // 12 - title - footer
	if rows != 10 {
		t.Fatalf("bodyRows = %d, want 10", rows)
	}
	lines := m.doc.LineCount()
	maxTop := lines - rows

	// The cursor moves with the arrows and the view follows it; page keys
	// move both.
	steps := []struct {
		key      string
		top, cur int
	}{
		{"up", 0, 0}, {"k", 0, 0}, // already at the top
		{"down", 0, 1}, {"j", 0, 2}, {"up", 0, 1},
		{"pgdown", 10, 11}, {" ", 20, 21}, {"pgup", 10, 11}, {"b", 0, 1},
		{"ctrl+d", 5, 6}, {"ctrl+u", 0, 1}, {"ctrl+u", 0, 0},
		{"G", maxTop, lines - 1}, {"down", maxTop, lines - 1}, {"pgdown", maxTop, lines - 1},
		{"g", 0, 0}, {"end", maxTop, lines - 1}, {"home", 0, 0},
	}
	for _, s := range steps {
		m, _ = press(t, m, s.key)
		if m.top != s.top || m.cur != s.cur {
			t.Fatalf("after %q: top, cur = %d, %d; want %d, %d", s.key, m.top, m.cur, s.top, s.cur)
		}
	}
	// Moving the cursor past the last visible row scrolls by one row.
	for range rows {
		m, _ = press(t, m, "down")
	}
	if m.top != 1 || m.cur != rows {
		t.Errorf("after %d downs: top, cur = %d, %d; want 1, %d", rows, m.top, m.cur, rows)
	}
}

func TestScrollShortDocumentStaysAtTop(t *testing.T) {
	m := newModel(t, `{"a":1}`, Meta{}, 40, 20)
	m, _ = press(t, m, "down", "pgdown", "G")
	if m.top != 0 {
		t.Errorf("top = %d on a document shorter than the pane", m.top)
	}
}

func TestResizeClampsScroll(t *testing.T) {
	m := newModel(t, numberedBody(20), Meta{}, 40, 10)
	m, _ = press(t, m, "G")
	m = m.SetSize(40, 100)
	if m.top != 0 {
		t.Errorf("top = %d after growing the pane past the document", m.top)
	}
}

func TestHorizontalScroll(t *testing.T) {
	long := `{"description":"` + strings.Repeat("abcdefghij", 20) + `"}`
	m := newModel(t, long, Meta{}, 40, 6)
	step := m.hStep()
	m, _ = press(t, m, "right")
	if m.x0 != step {
		t.Fatalf("x0 = %d after right, want %d", m.x0, step)
	}
	if body := strings.Split(m.View(), "\n")[2]; !strings.Contains(body, "…") {
		t.Errorf("no left marker when scrolled: %q", body)
	}
	for range 40 {
		m, _ = press(t, m, "l")
	}
	if m.x0 != m.maxX() || m.maxX() == 0 {
		t.Fatalf("x0 = %d, want the bound %d", m.x0, m.maxX())
	}
	// At the bound the end of the longest line is visible.
	if body := strings.Split(m.View(), "\n")[2]; !strings.HasSuffix(strings.TrimRight(body, " "), `hij"`) {
		t.Errorf("end of line not visible at max scroll: %q", body)
	}
	m, _ = press(t, m, "h")
	if m.x0 != m.maxX()-step {
		t.Errorf("x0 = %d after h", m.x0)
	}
	for range 20 {
		m, _ = press(t, m, "left")
	}
	if m.x0 != 0 {
		t.Errorf("x0 = %d, want 0", m.x0)
	}
}

func TestMouseWheel(t *testing.T) {
	m := newModel(t, numberedBody(50), Meta{}, 40, 10)
	m.Blur() // the wheel works without focus: the app routes by position
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.top != wheelLines {
		t.Errorf("top = %d after wheel down", m.top)
	}
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.top != 0 {
		t.Errorf("top = %d after wheel up", m.top)
	}
}

func TestBlurredIgnoresKeys(t *testing.T) {
	m := newModel(t, numberedBody(50), Meta{}, 40, 10)
	m.Blur()
	m, _ = press(t, m, "j", "G", "/")
	if m.top != 0 || m.searching {
		t.Errorf("blurred pane reacted: top=%d searching=%v", m.top, m.searching)
	}
}

func TestSearchNextPrevWrap(t *testing.T) {
	m := newModel(t, numberedBody(50), Meta{}, 40, 10)
	m, _ = press(t, m, "/")
	if !m.InputFocused() {
		t.Fatal("search input not focused after /")
	}
	m, _ = press(t, m, "r", "4") // matches "r4" and "r40".."r49"; "row" contains no "r4"
	if got := m.counter(); got != "1/11" {
		t.Fatalf("counter = %q, want 1/11", got)
	}
	m, _ = press(t, m, "enter")
	if m.InputFocused() || m.query != "r4" {
		t.Fatalf("after enter: input focused=%v query=%q", m.InputFocused(), m.query)
	}
	// The current match is visible.
	if line := m.doc.lineOf(int(m.matches[m.current])); line < m.top || line >= m.top+m.bodyRows() {
		t.Errorf("current match on line %d not in view [%d,%d)", line, m.top, m.top+m.bodyRows())
	}
	m, _ = press(t, m, "n")
	if m.counter() != "2/11" {
		t.Errorf("after n: %q", m.counter())
	}
	m, _ = press(t, m, "N", "N")
	if m.counter() != "11/11" {
		t.Errorf("N from the first match should wrap to the last: %q", m.counter())
	}
	m, _ = press(t, m, "n")
	if m.counter() != "1/11" {
		t.Errorf("n from the last match should wrap to the first: %q", m.counter())
	}
	if !strings.Contains(m.View(), "/r4  1/11") {
		t.Errorf("footer lacks the counter:\n%s", m.View())
	}
}

func TestSearchSmartCase(t *testing.T) {
	m := newModel(t, `{"currency":"EUR","note":"eur"}`, Meta{}, 40, 10)
	m, _ = press(t, m, "/", "e", "u", "r", "enter")
	if len(m.matches) != 2 {
		t.Errorf("lower-case query: %d matches, want 2", len(m.matches))
	}
	m, _ = press(t, m, "/", "E", "U", "R", "enter")
	if len(m.matches) != 1 {
		t.Errorf("query with capitals: %d matches, want 1 (exact case)", len(m.matches))
	}
	m, _ = press(t, m, "/", "x", "y", "z", "enter")
	if m.counter() != "no matches" {
		t.Errorf("counter = %q", m.counter())
	}
}

func TestSearchLettersGoToInput(t *testing.T) {
	m := newModel(t, numberedBody(50), Meta{}, 40, 10)
	m, msgs := press(t, m, "/", "j", "G", "e", "q")
	// "jGeq" matches nothing, so nothing may have moved: j and G did not
	// scroll, e did not select an error.
	if m.top != 0 || m.errIndex != -1 || len(m.matches) != 0 {
		t.Errorf("a letter acted as a shortcut while typing: top=%d errIndex=%d", m.top, m.errIndex)
	}
	if m.inputs.Get().search.Value() != "jGeq" || len(msgs) != 0 {
		t.Errorf("input = %q, msgs = %v", m.inputs.Get().search.Value(), msgs)
	}
}

func TestSearchEscRestores(t *testing.T) {
	m := newModel(t, numberedBody(80), Meta{}, 40, 10)
	m, _ = press(t, m, "ctrl+d")
	top, cur := m.top, m.cur
	m, _ = press(t, m, "/", "r", "7", "0")
	if m.top == top {
		t.Fatal("incremental search did not move to the match")
	}
	m, _ = press(t, m, "esc")
	if m.top != top || m.cur != cur || m.query != "" || len(m.matches) != 0 || m.InputFocused() {
		t.Errorf("after esc: top=%d query=%q matches=%d", m.top, m.query, len(m.matches))
	}
}

func TestSearchStaleResultDropped(t *testing.T) {
	m := newModel(t, numberedBody(10), Meta{}, 40, 10)
	m, _ = press(t, m, "/")
	var cmd tea.Cmd
	m, cmd = m.Update(uitest.Key("r"))
	stale := uitest.Messages(cmd)
	m, _ = press(t, m, "1") // a newer query supersedes "r"
	for _, msg := range stale {
		m, _ = m.Update(msg)
	}
	if m.query != "r1" {
		t.Errorf("stale result for %q replaced %q", "r", m.query)
	}
	// A result for another document is dropped too.
	other := newModel(t, numberedBody(10), Meta{}, 40, 10)
	other, _ = press(t, other, "/")
	_, cmd = other.Update(uitest.Key("o"))
	for _, msg := range uitest.Messages(cmd) {
		m, _ = m.Update(msg)
	}
	if m.query != "r1" {
		t.Errorf("result from another document applied: %q", m.query)
	}
}

func TestSearchCapped(t *testing.T) {
	m := newModel(t, strings.Repeat("a", MaxMatches+5), Meta{}, 40, 10)
	m, _ = press(t, m, "/", "a", "enter")
	if len(m.matches) != MaxMatches || !m.capped {
		t.Fatalf("matches = %d capped = %v", len(m.matches), m.capped)
	}
	if got := m.counter(); got != "1/100000+" {
		t.Errorf("counter = %q", got)
	}
}

func TestErrorsCycle(t *testing.T) {
	meta := sampleMeta()
	meta.Errors = append(meta.Errors, ErrorItem{Message: "third", Line: 7, Column: 1})
	m := newModel(t, sampleBody, meta, 80, 24)

	want := []struct {
		key   string
		index int
		jump  *JumpToErrorMsg
	}{
		{"e", 0, &JumpToErrorMsg{Line: 3, Column: 5}},
		{"e", 1, nil}, // no location: selected, but nothing to jump to
		{"e", 2, &JumpToErrorMsg{Line: 7, Column: 1}},
		{"e", 0, &JumpToErrorMsg{Line: 3, Column: 5}}, // wraps
		{"E", 2, &JumpToErrorMsg{Line: 7, Column: 1}}, // wraps backwards
	}
	for i, w := range want {
		var msgs []tea.Msg
		m, msgs = press(t, m, w.key)
		if m.errIndex != w.index {
			t.Fatalf("step %d: errIndex = %d, want %d", i, m.errIndex, w.index)
		}
		switch {
		case w.jump == nil && len(msgs) != 0:
			t.Errorf("step %d: unexpected %v", i, msgs)
		case w.jump != nil && (len(msgs) != 1 || msgs[0] != *w.jump):
			t.Errorf("step %d: msgs = %v, want %v", i, msgs, *w.jump)
		}
	}
	m2 := newModel(t, sampleBody, sampleMeta(), 80, 24)
	if m2, _ = press(t, m2, "E"); m2.errIndex != 1 {
		t.Errorf("E from nothing selected: errIndex = %d, want the last", m2.errIndex)
	}
}

func TestErrorsKeysDisabledWithoutErrors(t *testing.T) {
	m := newModel(t, `{"data":{}}`, Meta{}, 40, 10)
	if m.keys.NextError.Enabled() {
		t.Error("e enabled without errors")
	}
	if m, _ = press(t, m, "e"); m.errIndex != -1 {
		t.Error("e selected something")
	}
}

func TestLoadingAndEmpty(t *testing.T) {
	m := New(asciiStyles(), DefaultKeyMap())
	m = m.SetSize(40, 5)
	if v := m.View(); !strings.Contains(v, hintEmpty) || strings.Count(v, "\n") != 4 {
		t.Errorf("empty view:\n%q", v)
	}
	m.SetLoading(true)
	if v := m.View(); !strings.Contains(v, "Running…") {
		t.Errorf("loading view:\n%s", v)
	}
	m = m.SetDocument(Prepare([]byte(`{}`), Meta{Status: 200}))
	if v := m.View(); strings.Contains(v, "Running…") {
		t.Errorf("SetDocument should end the loading state:\n%s", v)
	}
	m.SetLoading(true)
	if v := m.View(); !strings.HasPrefix(v, "Running…") || !strings.Contains(v, "{}") {
		t.Errorf("loading over a previous result should keep the body:\n%s", v)
	}
}

func TestViewSizeInvariant(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {20, 3}, {10, 1}, {1, 1}} {
		m := newModel(t, sampleBody, sampleMeta(), size[0], size[1])
		m, _ = press(t, m, "e", "l")
		lines := strings.Split(m.View(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := cellCount(l); w > size[0] {
				t.Errorf("%v: line of %d cells: %q", size, w, l)
			}
		}
	}
}

func TestHelpFollowsMode(t *testing.T) {
	m := newModel(t, sampleBody, sampleMeta(), 80, 24)
	if len(m.ShortHelp()) == 0 || len(m.FullHelp()) == 0 {
		t.Fatal("no help")
	}
	m, _ = press(t, m, "/")
	if h := m.ShortHelp(); len(h) != 2 || h[0].Help().Key != "enter" {
		t.Errorf("search-mode help = %v", h)
	}
}
