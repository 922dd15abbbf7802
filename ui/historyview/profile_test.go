package historyview

import (
	"slices"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestProfileScopeIsTheDefaultAndTabTogglesIt(t *testing.T) {
	entries := sample()
	entries[0].Profile = "production"
	entries[1].Profile = "staging"
	entries[3].Profile = "production"
	m := New(uitest.NewContext(now), entries, nil).SetProfile("production").SetSize(120, 40)
	if got := ops(m.Visible()); !slices.Equal(got, []string{"GetCards", "Orders"}) || !m.Scoped() {
		t.Fatalf("scoped to production: %q", got)
	}
	if v := m.View(); !strings.Contains(v, "profile production (tab: all)") {
		t.Fatalf("the title does not say the list is scoped:\n%s", v)
	}
	m, _ = press(t, m, "tab")
	if got := ops(m.Visible()); len(got) != len(entries) || m.Scoped() {
		t.Fatalf("tab should show every entry: %q", got)
	}
	if v := m.View(); !strings.Contains(v, "@staging") || !strings.Contains(v, "@production") {
		t.Fatalf("unscoped rows do not name their profile:\n%s", v)
	}
	// The text filter still applies within the scope, and matches profile names.
	m, _ = press(t, m, "tab")
	m = typeText(t, m, "orders")
	if got := ops(m.Visible()); !slices.Equal(got, []string{"Orders"}) {
		t.Fatalf("filter within scope: %q", got)
	}
	// Without a profile there is no scope and tab does nothing.
	m = New(uitest.NewContext(now), entries, nil).SetProfile("").SetSize(120, 40)
	if m.Scoped() || m.KeyMap().Scope.Enabled() || len(m.Visible()) != len(entries) {
		t.Fatal("no profile must mean no scope")
	}
}
