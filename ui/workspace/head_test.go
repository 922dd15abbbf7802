package workspace

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// bigResult is a valid GraphQL response of n items, about 60 B each.
func bigResult(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"data":{"items":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":` + strconv.Itoa(i) + `,"name":"item number ` + strconv.Itoa(i) + `","ok":true}`)
	}
	b.WriteString(`]}}`)
	return b.Bytes()
}

// TestLargeResultShowsItsFirstLinesFirst: a result over a megabyte is shown from its first lines
// at once, and the whole document, prepared next, replaces them without moving the view.
func TestLargeResultShowsItsFirstLinesFirst(t *testing.T) {
	f := newFixture(t)
	big := bigResult(40_000)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := io.ReadAll(r.Body)
		if bytes.Contains(req, []byte("items")) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(big)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(req))
		f.api.ServeHTTP(w, r)
	})
	sess, err := session.New(session.Config{Endpoint: testEndpoint, Clock: f.clock,
		BaseTransport: uitest.HandlerTransport{Handler: handler}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sess.Close)
	if _, err := sess.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername,
		Password: mockapi.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	m := New(uitest.NewContext(f.clock.Now()), sess, Options{Query: "{ items { id name ok } }"})
	m = m.SetSize(80, 21)

	m, cmd := m.Update(uitest.Key("ctrl+r"))
	rf := finished(t, cmd)
	m, cmd = m.Update(rf)
	head := shown(t, m)
	if !head.Partial() || head.LineCount() != headLines {
		t.Fatalf("first document: partial %v, %d lines; want the first %d lines", head.Partial(), head.LineCount(), headLines)
	}
	if !strings.Contains(m.View(), `"name": "item number 0"`) {
		t.Fatalf("the first screen does not show the first item:\n%s", m.View())
	}
	if cmd == nil {
		t.Fatal("no command to prepare the whole document")
	}
	// The reader moves before the rest arrives.
	for i := 0; m.Focused() != PaneResults && i < 5; i++ {
		m, _ = m.Update(uitest.Key("tab"))
	}
	m, _ = m.Update(uitest.Key("pgdown"))
	if m.Focused() != PaneResults || strings.Contains(m.View(), `"item number 0"`) {
		t.Fatalf("the results pane did not scroll:\n%s", m.View())
	}
	msgs := uitest.Messages(cmd)
	if len(msgs) != 1 {
		t.Fatalf("preparing the rest produced %d messages, want 1", len(msgs))
	}
	ready, ok := msgs[0].(DocumentReadyMsg)
	if !ok {
		t.Fatalf("got %T, want DocumentReadyMsg", msgs[0])
	}
	before := m.View()
	if visibleIDs(before) == "" {
		t.Fatalf("no item on screen after scrolling:\n%s", before)
	}
	m, _ = m.Update(ready)
	whole := shown(t, m)
	want := results.Prepare(big, results.Meta{})
	if whole.Partial() || whole.LineCount() != want.LineCount() || !bytes.Equal(whole.Bytes(), want.Bytes()) {
		t.Fatalf("whole document: partial %v, %d lines; want Prepare's %d lines", whole.Partial(), whole.LineCount(), want.LineCount())
	}
	for i := range headLines {
		if !bytes.Equal(head.Line(i), whole.Line(i)) {
			t.Fatalf("line %d: head %q, whole %q", i, head.Line(i), whole.Line(i))
		}
	}
	if after := m.View(); visibleIDs(after) != visibleIDs(before) {
		t.Fatalf("the view moved when the whole document arrived:\nbefore\n%s\nafter\n%s", before, after)
	}

	// A stale whole document (another request since) is dropped.
	m2, _ := m.Update(DocumentReadyMsg{ID: rf.ID - 1, Doc: results.Prepare([]byte(`{"x":1}`), results.Meta{})})
	if shown(t, m2) != whole {
		t.Fatal("a document for an older request replaced the one on show")
	}
}

// visibleIDs lists the item ids a view shows (the gutter and the line count change width when
// the whole document arrives; the lines shown must not).
func visibleIDs(view string) string {
	var ids []string
	for _, line := range strings.Split(view, "\n") {
		if _, rest, ok := strings.Cut(line, `"id": `); ok {
			ids = append(ids, strings.TrimRight(rest, ", │"))
		}
	}
	return strings.Join(ids, " ")
}
