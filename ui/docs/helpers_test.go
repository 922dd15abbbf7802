package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	// Goldens must not depend on the terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// schemaDir holds the query package's schema fixtures.
var schemaDir = filepath.Join("..", "..", "query", "schema", "testdata", "schema")

// loadSchema loads a fixture schema with schema.LoadFile.
func loadSchema(t testing.TB, rel string) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile(filepath.Join(schemaDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// toggleSchema is the fake Toggle API's schema.
func toggleSchema(t testing.TB) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFile(filepath.Join("..", "..", "mockapi", "schema.graphql")) // the fake Toggle API's own schema
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// githubSchema is GitHub's public schema (~1,600 types).
func githubSchema(t testing.TB) *schema.Schema {
	return loadSchema(t, filepath.Join("github", "schema.graphql"))
}

// sdlSchema loads a schema written inline.
func sdlSchema(t testing.TB, sdl string) *schema.Schema {
	t.Helper()
	s, err := schema.LoadSDL("test.graphql", sdl)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newModel builds a browser over s at w×h.
func newModel(s *schema.Schema, w, h int) Model {
	return New(common.NewContext(themes.Default()), s).SetSize(w, h)
}

// press sends keys one by one; it returns the model and the messages the commands produced.
func press(t testing.TB, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(uitest.Key(k))
		if cmd != nil {
			out = append(out, cmd())
		}
	}
	return m, out
}

// typeText types s one rune at a time, as a user would.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m, _ = press(t, m, string(r))
	}
	return m
}

// plain is a view without styling and with the frame's side borders and padding removed, one
// string per line.
func plain(view string) []string {
	lines := strings.Split(ansi.Strip(view), "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(l, "│")
		l = strings.TrimSuffix(l, "│")
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// selectedLine is the line of the view holding the selection mark, trimmed.
func selectedLine(t testing.TB, m Model) string {
	t.Helper()
	for _, l := range plain(m.View()) {
		if i := strings.Index(l, "▸ "); i >= 0 {
			return strings.TrimSpace(l[i+len("▸ "):])
		}
	}
	t.Fatalf("no selection on screen:\n%s", m.View())
	return ""
}
