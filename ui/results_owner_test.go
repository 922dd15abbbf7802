package ui

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

// The results pane says whose response it shows, and says so again once another query replaced
// the editors (it kept the previous response without a word).
func TestResultsSayWhoseResponseTheyShow(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	d.run()
	if v := d.m.View(); !strings.Contains(v, "Results of Balance · 200 OK") {
		t.Fatalf("the results title does not name the operation:\n%s", v)
	}
	d.m.workspace.Load("other", saved.Version{}, "query Other { Products(account_id: 1) { id } }", "")
	// At 120 columns the title drops "Results of" to keep the status whole (resultsTitle).
	if v := d.m.View(); !strings.Contains(v, "Balance (the previous query) · 200 OK") {
		t.Fatalf("after opening another query the results do not say whose they are:\n%s", v)
	}
}
