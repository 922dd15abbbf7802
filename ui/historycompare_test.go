package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// f4, ctrl+d: the response on show is compared with a history entry's kept response, in the
// results pane, with the changes counted and the entry named.
func TestHistoryCompareWithAnEntry(t *testing.T) {
	d, _, _ := libraryDriver(t)
	d.run()
	h := d.m.opts.History
	entries, _, err := h.Load(0)
	if err != nil || len(entries) != 1 || entries[0].Response == "" {
		t.Fatalf("the run's response was not kept: %+v, %v", entries, err)
	}
	kept, err := h.Response(entries[0])
	if err != nil || !strings.Contains(string(kept), `"balance":3250`) {
		t.Fatalf("kept %s, %v", kept, err)
	}
	// An older answer, as if the balance had been 1000 then.
	older := entries[0]
	older.Time = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC) // the test clock's day: its time alone
	older.Body = []byte(strings.Replace(string(kept), `"balance":3250`, `"balance":1000`, 1))
	if err := h.Append(older); err != nil {
		t.Fatal(err)
	}
	// And an entry whose response was not kept: nothing to compare with.
	none := entries[0]
	none.Operation = "Unkept"
	if err := h.Append(none); err != nil {
		t.Fatal(err)
	}

	d.press("f4")
	if strings.Contains(d.m.View(), "ctrl+d diff with current") {
		t.Error("ctrl+d offered for an entry without a kept response")
	}
	d.press("down")
	if !strings.Contains(d.m.View(), "ctrl+d diff with current") {
		t.Fatalf("ctrl+d not offered for an entry with a kept response:\n%s", d.m.View())
	}
	d.press("ctrl+d")
	v := d.m.View()
	if d.m.overlay != nil {
		t.Fatalf("the browser stayed open:\n%s", v)
	}
	if !strings.Contains(v, "Δ 1 changed · 0 added · 0 removed vs Balance of 08:00:00") {
		t.Errorf("no comparison with the entry:\n%s", v)
	}
	if d.m.workspace.Focused() != workspace.PaneResults {
		t.Error("the keyboard did not move to the results, where D ends the comparison")
	}

	// The run's own entry holds the same answer (it was recorded at the wall clock's time).
	d.press("f4", "down", "down", "ctrl+d")
	if v := d.m.View(); !strings.Contains(v, "Δ no differences from Balance of "+when(entries[0].Time, d.m.ctx.Now)) {
		t.Errorf("no comparison with the run's own entry:\n%s", v)
	}
}

// Without a response on show there is nothing to compare: the browser stays and says so.
func TestHistoryCompareNeedsAResponse(t *testing.T) {
	d, _, _ := libraryDriver(t)
	if err := d.m.opts.History.Append(history.Entry{Endpoint: testEndpoint, Operation: "Balance", OperationKind: "query",
		Document: balanceQuery, Status: 200, Body: []byte(`{"data":{}}`)}); err != nil {
		t.Fatal(err)
	}
	d.press("f4", "ctrl+d")
	if d.m.overlay == nil || !strings.Contains(d.m.View(), "nothing to compare with: run a query first") {
		t.Errorf("ctrl+d without a response:\n%s", d.m.View())
	}
}

// The entry's time is short in the footer: the time alone on the same day, else the date too.
func TestCompareNamesTheEntrysTime(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for in, want := range map[time.Time]string{
		time.Date(2026, 3, 2, 8, 1, 2, 0, time.UTC):                    "08:01:02",
		time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC):                  "Mar 1 23:59",
		time.Date(2026, 3, 2, 1, 0, 0, 0, time.FixedZone("x", 5*3600)): "Mar 1 20:00",
	} {
		if got := when(in, now); got != want {
			t.Errorf("when(%v) = %q, want %q", in, got, want)
		}
	}
}
