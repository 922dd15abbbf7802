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

// A word longer than the pane (a token, an escaped payload) is broken once, at the width left
// under the message: wrapping it at the pane's width and then again at the indented width left
// two-cell orphans ("\u2", "02", "eevil") on lines of their own.
func TestLongErrorWordWrapsWithoutOrphans(t *testing.T) {
	word := strings.Repeat("abcdefghij", 15)
	meta := Meta{Status: 200, Errors: []ErrorItem{{Message: word, Line: 1, Column: 3}}}
	const width = 64
	m := newModel(t, `{"errors":[]}`, meta, width, 24)
	lines := m.errorLines1(meta.Errors[0], false)
	var got strings.Builder
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if i > 0 {
			if !strings.HasPrefix(l, "  ") {
				t.Errorf("line %d not indented: %q", i, l)
			}
			l = l[2:]
		}
		got.WriteString(l)
		if i > 0 && i < len(lines)-1 && len(l) < width-2 {
			t.Errorf("line %d of %d is a fragment: %q", i, len(lines), l)
		}
	}
	if want := "✗" + word + "·at1:3"; strings.ReplaceAll(got.String(), " ", "") != want {
		t.Errorf("header text = %q, want %q", got.String(), want)
	}
}
