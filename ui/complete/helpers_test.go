package complete

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// TestMain pins lipgloss to plain ASCII output so views and goldens do not
// depend on the terminal running the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// schemaDir holds the query package's schema fixtures.
const schemaDir = "../../query/schema/testdata/schema/"

// toggle loads the Toggle schema fixture or fails the test.
func toggle(t testing.TB) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile("../../mockapi/schema.graphql") // the fake Toggle API's own schema
	if err != nil {
		t.Fatalf("load toggle schema: %v", err)
	}
	return s
}

// newPopup returns a closed popup with the default theme.
func newPopup() Model { return New(common.NewContext(themes.Default())) }

// items builds completions with the given labels, all fields.
func items(labels ...string) []completion.Item {
	out := make([]completion.Item, len(labels))
	for i, l := range labels {
		out[i] = completion.Item{Label: l, Kind: completion.Field, Insert: l}
	}
	return out
}

// press sends the named keys, failing if the popup does not handle one.
func press(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	for _, n := range names {
		var handled bool
		m, _, handled = m.Update(uitest.Key(n))
		if !handled {
			t.Fatalf("key %q not handled", n)
		}
	}
	return m
}

// selected returns the selected label, or "" when closed.
func selected(m Model) string {
	it, _ := m.Selected()
	return it.Label
}

// lines splits a view into its lines.
func lines(s string) []string { return strings.Split(s, "\n") }
