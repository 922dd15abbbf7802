package workspace

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

const balanceQuery = `query Balance($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) {
    data { card_reference balance }
  }
}
`

const balanceVariables = `{"ref": "` + mockapi.SeedCardPartlyUsed + `"}`

// twoOperations has First on lines 1-3 and Second on lines 5-7.
const twoOperations = `query First($ref: String) {
  Cards(card_reference: $ref, page: 1, limit: 1) { total }
}

query Second($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) { data { balance } }
}
`

// focusOf checks the focus and that exactly that pane reports itself focused.
func focusOf(t *testing.T, m Model, want Pane) {
	t.Helper()
	if m.Focused() != want {
		t.Fatalf("focus = %v, want %v", m.Focused(), want)
	}
	got := [paneCount]bool{m.editor.Focused(), m.vars.Focused(), m.hdrs.Focused(), m.results.Focused()}
	for p := range paneCount {
		if got[p] != (p == want) {
			t.Fatalf("pane %v focused = %v while the workspace's focus is %v", p, got[p], want)
		}
	}
}

// shown is the results pane's document, failing when there is none.
func shown(t *testing.T, m Model) *results.Document {
	t.Helper()
	doc := m.Results().Document()
	if doc == nil {
		t.Fatal("the results pane shows no document")
	}
	return doc
}

func TestFocusCycle(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery})
	focusOf(t, m, PaneEditor)
	for _, want := range []Pane{PaneVariables, PaneHeaders, PaneResults, PaneEditor, PaneVariables} {
		m, _ = m.Update(uitest.Key("tab"))
		focusOf(t, m, want)
	}
	for _, want := range []Pane{PaneEditor, PaneResults, PaneHeaders, PaneVariables} {
		m, _ = m.Update(uitest.Key("shift+tab"))
		focusOf(t, m, want)
	}
	// Focus changes never touch the text.
	if m.Query() != balanceQuery {
		t.Fatal("moving focus changed the query")
	}
}

func TestSyntaxErrorIsNotSent(t *testing.T) {
	f := newFixture(t)
	// Line 2, column 32: the selection set is never closed before the next token.
	broken := "query Broken {\n  Cards(page: 1, limit: 1) { total\n"
	m := f.workspace(Options{Query: broken})
	before := f.requests()
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	if cmd != nil {
		t.Fatalf("a request with a syntax error returned a command producing %v", uitest.Messages(cmd))
	}
	if m.Running() {
		t.Fatal("a request with a syntax error is marked running")
	}
	if got := f.requests(); got != before {
		t.Fatalf("the fake API saw %d requests, want none", got-before)
	}
	meta := shown(t, m).Meta()
	if !strings.HasPrefix(meta.Notice, "Not sent: the query has a syntax error") {
		t.Fatalf("notice = %q", meta.Notice)
	}
	if len(meta.Errors) != 1 || meta.Errors[0].Line != 3 {
		t.Fatalf("errors = %+v, want one located on line 3 (the unexpected end)", meta.Errors)
	}
	e := meta.Errors[0]
	loc := "at " + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
	v := m.View()
	for _, want := range []string{"Not sent", loc} {
		if !strings.Contains(v, want) {
			t.Fatalf("the view lacks %q:\n%s", want, v)
		}
	}
	// The editor underlines the same place, and ctrl+g takes the cursor there.
	if d := m.editor.Diagnostics(); len(d) != 1 || d[0].Line != e.Line || d[0].Column != e.Column {
		t.Fatalf("editor diagnostics = %+v, want one at %d:%d", d, e.Line, e.Column)
	}
	m, _ = m.Update(uitest.Key("tab"))
	m, _ = m.Update(uitest.Key("ctrl+g"))
	if line, col := m.editor.Cursor(); line != e.Line || col != e.Column {
		t.Fatalf("ctrl+g moved the cursor to %d:%d, want %d:%d", line, col, e.Line, e.Column)
	}
	focusOf(t, m, PaneEditor)
}

func TestBadVariablesAreNotSent(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: `{"ref": }`})
	if !strings.Contains(m.View(), "Variables ✗") {
		t.Fatalf("the variables pane does not flag the bad JSON:\n%s", m.View())
	}
	before := f.requests()
	m, cmd := m.Update(uitest.Key("f5"))
	if cmd != nil || m.Running() {
		t.Fatal("a request with bad variables was started")
	}
	if got := f.requests(); got != before {
		t.Fatalf("the fake API saw %d requests, want none", got-before)
	}
	if n := shown(t, m).Meta().Notice; !strings.HasPrefix(n, "Not sent: the variables are not valid JSON") {
		t.Fatalf("notice = %q", n)
	}

	// Valid JSON that lacks a required variable is stopped too, before the network.
	m = f.workspace(Options{Query: balanceQuery, Variables: `{}`})
	m, cmd = m.Update(uitest.Key("ctrl+r"))
	if cmd != nil || f.requests() != before {
		t.Fatal("a request missing a required variable was sent")
	}
	if n := shown(t, m).Meta().Notice; !strings.HasPrefix(n, "Not sent: the variables do not fit") {
		t.Fatalf("notice = %q", n)
	}
}

func TestRunSendsAndShowsResult(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	if cmd == nil || !m.Running() {
		t.Fatal("ctrl+r started nothing")
	}
	if !strings.Contains(m.View(), "running Balance") {
		t.Fatalf("the results title does not show the running request:\n%s", m.View())
	}
	// The batch is the request and the spinner's first tick; nothing else.
	var rf *RunFinishedMsg
	var ticks int
	for _, msg := range uitest.Messages(cmd) {
		switch msg := msg.(type) {
		case RunFinishedMsg:
			rf = &msg
		case spinner.TickMsg:
			ticks++
		default:
			t.Fatalf("unexpected message %T", msg)
		}
	}
	if rf == nil || ticks != 1 {
		t.Fatalf("got RunFinishedMsg %v and %d spinner ticks", rf != nil, ticks)
	}
	m, cmd = m.Update(*rf)
	if cmd != nil {
		t.Fatal("finishing a request returned a command")
	}
	if m.Running() {
		t.Fatal("still running after the result arrived")
	}
	last := m.LastRequest()
	if last == nil || last.Status != 200 || last.Outcome != "ok" {
		t.Fatalf("last request = %+v, want 200 ok", last)
	}
	doc := shown(t, m)
	if body := string(doc.Bytes()); !strings.Contains(body, `"balance": 3250`) {
		t.Fatalf("the body lacks the seeded balance:\n%s", body)
	}
	if got := f.api.Stats().Operations["Balance"]; got != 1 {
		t.Fatalf("the fake API ran Balance %d times, want 1", got)
	}
}

func TestOperationUnderCursorIsSent(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		line int
		want string
	}{{6, "Second"}, {2, "First"}, {4, "Second"}} { // line 4 is blank: the next operation runs
		m := f.workspace(Options{Query: twoOperations, Variables: balanceVariables})
		m.editor = m.editor.GotoLine(c.line, 3)
		before := f.api.Stats().Operations
		m, cmd := m.Update(uitest.Key("ctrl+r"))
		rf := finished(t, cmd)
		m, _ = m.Update(rf)
		after := f.api.Stats().Operations
		for _, op := range []string{"First", "Second"} {
			want := before[op]
			if op == c.want {
				want++
			}
			if after[op] != want {
				t.Fatalf("cursor on line %d: %s ran %d times, want %d", c.line, op, after[op]-before[op], want-before[op])
			}
		}
		if m.LastRequest().Outcome != "ok" {
			t.Fatalf("cursor on line %d: outcome %q", c.line, m.LastRequest().Outcome)
		}
	}
}

func TestStaleResultIsDropped(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	first := finished(t, cmd)
	m, _ = m.Update(first)
	firstDoc := shown(t, m)

	m, cmd = m.Update(uitest.Key("ctrl+r"))
	second := finished(t, cmd)
	if second.ID <= first.ID {
		t.Fatalf("request IDs did not grow: %d then %d", first.ID, second.ID)
	}
	// The first result arrives again (a slow duplicate): it must not end the second request.
	stale := first
	stale.Doc = results.Prepare([]byte(`{"data":{"stale":true}}`), results.Meta{Status: 200})
	m, _ = m.Update(stale)
	if !m.Running() {
		t.Fatal("a stale result ended the request in flight")
	}
	if shown(t, m) != firstDoc {
		t.Fatal("a stale result replaced the document")
	}
	m, _ = m.Update(second)
	if m.Running() || shown(t, m) != second.Doc {
		t.Fatal("the current result was not shown")
	}
	// And once nothing runs, any late result is dropped as well.
	m, _ = m.Update(stale)
	if shown(t, m) != second.Doc {
		t.Fatal("a result arriving when nothing runs replaced the document")
	}
}

func TestEscCancels(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables})
	// Every answer now takes a minute, unless the client goes away first.
	f.api.UpdateConfig(func(c *mockapi.Config) { c.Latency = time.Minute })
	before := f.requests()
	m, run := m.Update(uitest.Key("ctrl+r"))
	// The request blocks in the fake API until cancelled, so it runs on its own goroutine.
	done := make(chan []tea.Msg, 1)
	go func() { done <- uitest.Messages(run) }()
	// Cancel only once the fake API holds the request, so esc cancels a request in flight.
	for f.requests() == before {
		select {
		case <-done:
			t.Fatal("the request ended before esc")
		case <-time.After(time.Millisecond):
		}
	}
	if !m.KeyMap().Cancel.Enabled() {
		t.Fatal("help does not offer cancel while a request runs")
	}
	m, cmd := m.Update(uitest.Key("esc"))
	if cmd != nil {
		t.Fatal("esc returned a command")
	}
	var msgs []tea.Msg
	select {
	case msgs = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not end after esc")
	}
	m, _ = m.Update(findFinished(t, msgs))
	if m.Running() {
		t.Fatal("still running after the cancelled result arrived")
	}
	if got := m.LastRequest().Outcome; got != "cancelled" {
		t.Fatalf("outcome = %q, want cancelled", got)
	}
	if n := shown(t, m).Meta().Notice; !strings.HasPrefix(n, "Cancelled") {
		t.Fatalf("notice = %q", n)
	}
	if m.KeyMap().Cancel.Enabled() {
		t.Fatal("help still offers cancel with nothing running")
	}
	// With nothing running esc is not the workspace's: it reaches the editor and changes nothing.
	query := m.Query()
	m, _ = m.Update(uitest.Key("esc"))
	if m.Query() != query || m.Running() {
		t.Fatal("esc with nothing running did something")
	}
}

func TestJumpToErrorMovesCursor(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: twoOperations})
	m, _ = m.Update(uitest.Key("shift+tab"))
	focusOf(t, m, PaneResults)
	m, cmd := m.Update(results.JumpToErrorMsg{Line: 6, Column: 5})
	if cmd != nil {
		t.Fatal("a jump returned a command")
	}
	if line, col := m.editor.Cursor(); line != 6 || col != 5 {
		t.Fatalf("cursor at %d:%d, want 6:5", line, col)
	}
	// Stepping through errors keeps the focus in the results: the next e steps again instead of
	// being typed into the query.
	focusOf(t, m, PaneResults)
	if !strings.Contains(m.View(), "Query  6:5") {
		t.Fatalf("the editor title does not show the new position:\n%s", m.View())
	}
	before := m.Query()
	m, _ = m.Update(uitest.Key("e"))
	if m.Query() != before {
		t.Fatal("the second e was typed into the query")
	}
	// A position past the text is clamped; one without a line is ignored.
	m, _ = m.Update(results.JumpToErrorMsg{Line: 99, Column: 1})
	if line, _ := m.editor.Cursor(); line != m.editor.Lines() {
		t.Fatalf("cursor on line %d, want the last line %d", line, m.editor.Lines())
	}
	m, _ = m.Update(results.JumpToErrorMsg{Line: 0, Column: 3})
	if line, _ := m.editor.Cursor(); line != m.editor.Lines() {
		t.Fatal("a jump without a line moved the cursor")
	}
}

func TestViewFitsSize(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m, _ = m.Update(finished(t, cmd))
	for _, size := range [][2]int{{80, 21}, {120, 37}, {60, 17}, {109, 30}, {110, 30}} {
		m = m.SetSize(size[0], size[1])
		lines := strings.Split(m.View(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if w := lipgloss.Width(l); w != size[0] {
				t.Errorf("%dx%d: line %d is %d cells wide", size[0], size[1], i, w)
			}
		}
	}
}
