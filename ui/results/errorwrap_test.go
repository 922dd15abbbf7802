package results

import (
	"strings"
	"testing"
)

// An error header wider than the pane wraps onto further lines instead of being cut with "…":
// message, location, audience and path all stay readable.
func TestLongErrorHeadersWrap(t *testing.T) {
	long := "The card reference given does not match any card on this account, or the card was cancelled before this request"
	meta := Meta{Status: 200, Errors: []ErrorItem{{Message: long, Line: 3, Column: 5, CustomerFacing: boolPtr(true), Path: "createBalanceAdjustment.card"}}}
	m := newModel(t, `{"errors":[]}`, meta, 60, 24)
	v := m.View()
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{long, "at 3:5", "customer-facing", "path createBalanceAdjustment.card"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the error header lost %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "…") {
		t.Errorf("the error header was cut:\n%s", v)
	}
}
