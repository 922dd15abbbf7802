package workspace

import (
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// At 120 columns the results pane's title was cut, "… · 519 B · 1 erro…": the error count, the
// part that matters, went first. A title that does not fit drops "Results of" before anything else.
func TestResultsTitleKeepsTheSummaryWhenNarrow(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: "{ Products(account_id: 1) { id } }"}).SetSize(120, 34)
	m.resultOf = "anonymous query"
	meta := results.Meta{Status: 200, Duration: 451 * time.Microsecond, Size: 519,
		Errors: []results.ErrorItem{{Message: "x"}}}
	m.results = m.results.SetDocument(results.Prepare([]byte(`{"errors":[{"message":"x"}]}`), meta))
	top := strings.Split(m.View(), "\n")[0]
	if !strings.Contains(top, "anonymous query · 200 OK · 451µs · 519 B · 1 error") || strings.Contains(top, "…") {
		t.Errorf("results title: %q", top)
	}
	// Where it fits, the title says whose results they are.
	m = m.SetSize(200, 34)
	if top := strings.Split(m.View(), "\n")[0]; !strings.Contains(top, "Results of anonymous query · 200 OK") {
		t.Errorf("wide results title: %q", top)
	}
}

// A run stopped before the network (a syntax error) showed its reason under the title "Results of
// Balance (the previous query) · 1 error": the title named a response no longer on show.
func TestNotSentIsNotTitledWithThePreviousQuery(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables}).SetSize(200, 34)
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m = settle(t, m, cmd)
	if top := strings.Split(m.View(), "\n")[0]; !strings.Contains(top, "Results of Balance · 200 OK") {
		t.Fatalf("results title: %q", top)
	}
	_ = m.Load("", saved.Version{}, "d query Broken { a }", "")
	m, _ = m.Update(uitest.Key("ctrl+r"))
	v := m.View()
	if !strings.Contains(v, "Not sent") {
		t.Fatalf("no Not sent:\n%s", v)
	}
	if top := strings.Split(v, "\n")[0]; strings.Contains(top, "Balance") {
		t.Errorf("the title names the previous query: %q", top)
	}
}

// While the results pane has a line open (search, jq filter, write prompt), tab does not move
// between panes (it goes to the line), yet the help line still said "tab next pane".
func TestNoNextPaneInHelpWhileTyping(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m = settle(t, m, cmd)
	m, _ = m.setFocus(PaneResults)
	has := func(m Model, desc string) bool {
		for _, b := range m.Help().ShortHelp() {
			if b.Enabled() && b.Help().Desc == desc {
				return true
			}
		}
		return false
	}
	if !has(m, "next pane") {
		t.Fatal("no next pane in the results' help")
	}
	for _, open := range []string{"/", "|", "w"} {
		m2, _ := m.Update(uitest.Key(open))
		if !m2.results.InputFocused() {
			t.Fatalf("%s opened no line", open)
		}
		if has(m2, "next pane") || has(m2, "previous pane") {
			t.Errorf("with the %s line open the help offers tab to the next pane", open)
		}
		if m3, _ := m2.Update(uitest.Key("tab")); m3.focus != PaneResults {
			t.Errorf("tab left the results with the %s line open", open)
		}
	}
}
