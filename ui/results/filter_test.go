package results

import (
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// typeText presses each rune of s as a key.
func typeText(t *testing.T, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m, _ = press(t, m, string(r))
	}
	return m
}

const cardsBody = `{"data":{"Cards":{"total":3,"per_page":2,"current_page":1,"data":[{"id":1,"number":1234567890123456789,"balance":25.5},{"id":2,"number":9876543210987654321,"balance":0}]}}}`

func TestFilterAppliesAsYouTypeAndEscRestores(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	whole := m.doc
	m, _ = press(t, m, "|")
	if !m.InputFocused() {
		t.Fatal("| did not open the filter line")
	}
	m = typeText(t, m, ".data.Cards.data[].number")
	if m.doc == whole {
		t.Fatal("the filter did not apply")
	}
	got := string(m.doc.Bytes())
	if got != "1234567890123456789\n9876543210987654321" {
		t.Errorf("outputs = %q: numbers must stay exact", got)
	}
	if !strings.Contains(m.View(), "2 outputs") {
		t.Errorf("no output count:\n%s", m.View())
	}
	// Letters are text while the line is open.
	if m.folds != nil || m.searching {
		t.Error("a letter acted as a shortcut")
	}
	m, _ = press(t, m, "esc")
	if m.doc != whole || m.InputFocused() {
		t.Error("esc did not return to the whole response")
	}
	if expr, on := m.Filtered(); on || expr != "" {
		t.Errorf("Filtered = %q, %v after esc", expr, on)
	}
}

func TestFilterParseErrorShownInPlace(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	m, _ = press(t, m, "|")
	m = typeText(t, m, ".data | map(.id")
	view := m.View()
	if !strings.Contains(view, "jq: unexpected EOF at column 16") {
		t.Errorf("parse error not shown:\n%s", view)
	}
	// A runtime error is jq's too; the previous output stays.
	m, _ = press(t, m, "ctrl+u")
	m = typeText(t, m, ".data.Cards.total + \"x\"")
	if !strings.Contains(m.View(), "jq: cannot add") {
		t.Errorf("runtime error not shown:\n%s", m.View())
	}
}

func TestFilterEnterKeepsOutputAndEscClearsIt(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	whole := m.doc
	m, _ = press(t, m, "|")
	m = typeText(t, m, ".data.Cards.data[0]")
	m, _ = press(t, m, "enter")
	if m.InputFocused() || m.doc == whole {
		t.Fatal("enter did not keep the output")
	}
	if expr, on := m.Filtered(); !on || expr != ".data.Cards.data[0]" {
		t.Errorf("Filtered = %q, %v", expr, on)
	}
	// Keys work on the output: fold it.
	m, _ = press(t, m, "z")
	if !strings.Contains(m.View(), "{…} 3 keys") {
		t.Errorf("fold on the output:\n%s", m.View())
	}
	// | reopens with the expression; esc outside the line returns too.
	m, _ = press(t, m, "|")
	if m.inputs.Get().filter.Value() != ".data.Cards.data[0]" {
		t.Errorf("reopened with %q", m.inputs.Get().filter.Value())
	}
	m, _ = press(t, m, "enter", "esc")
	if m.doc != whole {
		t.Error("esc did not clear the applied filter")
	}
}

// The pause: an edit schedules a tick; a tick of an older edit starts
// nothing, the latest one starts the run.
func TestFilterDebounce(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	m.SetFilterDebounce(FilterDebounce)
	m, _ = m.Update(uitest.Key("|"))
	m, _ = m.Update(uitest.Key("."))
	first := m.filterID
	m, _ = m.Update(uitest.Key("d"))
	m, cmd := m.Update(filterTickMsg{id: first})
	if cmd != nil || m.filterBusy {
		t.Error("a stale tick started a run")
	}
	m, cmd = m.Update(filterTickMsg{id: m.filterID})
	if cmd == nil || !m.filterBusy {
		t.Fatal("the latest tick did not start the run")
	}
	if !strings.Contains(m.View(), "filtering…") {
		t.Errorf("no progress shown:\n%s", m.View())
	}
	var done FilterFinishedMsg
	for _, msg := range uitest.Messages(cmd) {
		done = msg.(FilterFinishedMsg)
	}
	// An edit after the run started makes its result stale.
	m2, _ := m.Update(uitest.Key("a"))
	m2, _ = m2.Update(done)
	if _, on := m2.Filtered(); on {
		t.Error("a stale result was shown")
	}
	m, _ = m.Update(done)
	if _, on := m.Filtered(); !on {
		t.Error("the current result was dropped")
	}
}

// esc while a run is in flight cancels its context.
func TestFilterEscCancelsRun(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	m, _ = m.Update(uitest.Key("|"))
	m, cmd := m.Update(uitest.Key("."))
	if cmd == nil || m.cancelFilter == nil {
		t.Fatal("no run started")
	}
	cancel := m.cancelFilter
	_ = cancel
	m, _ = m.Update(uitest.Key("esc"))
	if m.filterBusy || m.cancelFilter != nil {
		t.Error("esc left the run going")
	}
	// The cancelled run reports context.Canceled, which is dropped quietly.
	var msgs []tea.Msg
	for _, msg := range uitest.Messages(cmd) {
		msgs = append(msgs, msg)
	}
	for _, msg := range msgs {
		m, _ = m.Update(msg)
	}
	if m.filterErr != "" || m.orig != nil {
		t.Errorf("cancelled run left err=%q orig=%v", m.filterErr, m.orig != nil)
	}
}

func TestPrepareValuesMatchesPrepare(t *testing.T) {
	pieces := [][]byte{[]byte(`{"a":[1,2]}`), []byte(`"x"`), []byte(`[]`)}
	d := prepareValues(pieces, Meta{}, "")
	var want []string
	for _, p := range pieces {
		want = append(want, string(Prepare(p, Meta{}).Bytes()))
	}
	if got := string(d.Bytes()); got != strings.Join(want, "\n") || !d.IsJSON() {
		t.Errorf("got %q, want %q", got, strings.Join(want, "\n"))
	}
	if countValues(d) != 3 {
		t.Errorf("countValues = %d", countValues(d))
	}
	if d.structure() == nil || !d.structure().isOpen(0) {
		t.Error("no fold structure on outputs")
	}
}

// A filter on show carries over to the next document once the parent
// resumes it; esc before that drops it.
func TestFilterResumesOnTheNextDocument(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	m, _ = press(t, m, "|")
	m = typeText(t, m, ".data.Cards.data[].id")
	m, _ = press(t, m, "enter")
	next := strings.Replace(cardsBody, `"id":1`, `"id":7`, 1)
	m = m.SetDocument(Prepare([]byte(next), Meta{Status: 200}))
	if _, on := m.Filtered(); on {
		t.Fatal("SetDocument showed a filtered document before the run")
	}
	cmd := m.ResumeFilter()
	if cmd == nil || !strings.Contains(m.View(), "filtering…") {
		t.Fatalf("no run resumed:\n%s", m.View())
	}
	for _, msg := range uitest.Messages(cmd) {
		m, _ = m.Update(msg)
	}
	if got := string(m.doc.Bytes()); got != "7\n2" {
		t.Errorf("resumed output %q", got)
	}
	if m.ResumeFilter() != nil {
		t.Error("resumed twice")
	}
	// Without a filter on show there is nothing to resume.
	m, _ = press(t, m, "esc")
	m = m.SetDocument(Prepare([]byte(cardsBody), Meta{Status: 200}))
	if m.ResumeFilter() != nil {
		t.Error("resumed a filter that esc had dropped")
	}
}

// TestFilterCountShownInColour: in colour the filter line's padding ends in
// SGR codes, so trimming spaces could not make room for the output count and
// it was cut off while typing; the line must leave room for it.
func TestFilterCountShownInColour(t *testing.T) {
	for _, w := range []int{80, 120} {
		m := newModel(t, cardsBody, Meta{Status: 200}, w, 20)
		m.SetStyles(trueColorStyles())
		m, _ = press(t, m, "|")
		m = typeText(t, m, ".data.Cards.data[].number")
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		footer := lines[len(lines)-1]
		if !strings.Contains(footer, "2 outputs") {
			t.Errorf("width %d: no output count in the filter line %q", w, footer)
		}
		if got := ansi.StringWidth(footer); got > w {
			t.Errorf("width %d: footer is %d cells wide", w, got)
		}
	}
}
