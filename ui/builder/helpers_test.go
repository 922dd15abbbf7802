package builder

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	// Goldens must not depend on the terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// toggleSchema is the fake Toggle API's schema.
func toggleSchema(t testing.TB) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile(filepath.Join("..", "..", "mockapi", "schema.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// githubSchema is GitHub's public schema (~1,600 types).
func githubSchema(t testing.TB) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile(filepath.Join("..", "..", "query", "schema", "testdata", "schema", "github", "schema.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newModel is a builder of w×h over text with the cursor at byte offset cursor.
func newModel(s *schema.Schema, text string, cursor, w, h int) Model {
	ctx := uitest.NewContext(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	return New(ctx, s, text, cursor).SetSize(w, h)
}

// press sends keys by name and applies every EditMsg to text, as the root applies them to the
// editor; it returns the model and the edits seen.
func press(t testing.TB, m Model, text *string, keys ...string) (Model, []EditMsg) {
	t.Helper()
	var edits []EditMsg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(uitest.Key(k))
		for _, msg := range uitest.Messages(cmd) {
			if e, ok := msg.(EditMsg); ok {
				*text = e.Edit.Apply(*text)
				edits = append(edits, e)
			}
		}
	}
	if m.Text() != *text {
		t.Fatalf("the builder's text and the edited text differ:\n%s\n---\n%s", m.Text(), *text)
	}
	return m, edits
}

// typeText sends each character of s as a key.
func typeText(t testing.TB, m Model, text *string, s string) Model {
	t.Helper()
	keys := make([]string, 0, len(s))
	for _, r := range s {
		keys = append(keys, string(r))
	}
	m, _ = press(t, m, text, keys...)
	return m
}

// goTo selects the node of key by keys only: from the top it walks down to each ancestor,
// expanding it, then to the node.
func goTo(t testing.TB, m Model, text *string, chain []string) Model {
	t.Helper()
	for i, k := range chain {
		m, _ = press(t, m, text, "home")
		for n := 0; ; n++ {
			if r, ok := m.current(); ok && r.key() == k {
				break
			}
			if n > len(m.rows) {
				st, _ := m.Status()
				t.Fatalf("no row %s among %d rows (status %q, prompt %v)\n%s", k, len(m.rows), st, m.entry != nil, m.View())
			}
			m, _ = press(t, m, text, "down")
		}
		if i < len(chain)-1 {
			if r, _ := m.current(); !r.expanded {
				m, _ = press(t, m, text, "right")
			}
		}
	}
	return m
}
