package picker

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// TestMain pins lipgloss to plain ASCII so views do not depend on the terminal running the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// now is the tests' fixed clock.
var now = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

// loop stands in for the Bubble Tea runtime: it delivers msg, runs every command that comes back
// (batches included) and delivers their messages in turn, until nothing is left. Messages meant
// for the root (OpenMsg, CloseMsg) are collected instead of delivered.
func loop(t testing.TB, m Model, msg tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	var toRoot []tea.Msg
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("the picker keeps sending itself messages")
		}
		msg, queue = queue[0], queue[1:]
		switch msg.(type) {
		case OpenMsg, CloseMsg:
			toRoot = append(toRoot, msg)
			continue
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		queue = append(queue, uitest.Messages(cmd)...)
	}
	return m, toRoot
}

// press delivers key presses through loop and returns the root's messages.
func press(t testing.TB, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var all []tea.Msg
	for _, k := range keys {
		var got []tea.Msg
		m, got = loop(t, m, uitest.Key(k))
		all = append(all, got...)
	}
	return m, all
}

// typeText types s one rune at a time.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m, _ = press(t, m, string(r))
	}
	return m
}

// save writes a saved query into lib, failing the test on error.
func save(t testing.TB, lib *saved.Library, name, text, vars string) {
	t.Helper()
	v, err := lib.Current(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Save(name, text, vars, v, false); err != nil {
		t.Fatal(err)
	}
}

// newLibrary returns a library in a fresh temporary directory holding the given queries
// (name → document), plus variables for "get cards".
func newLibrary(t testing.TB, docs map[string]string) *saved.Library {
	t.Helper()
	lib := saved.NewLibrary(filepath.Join(t.TempDir(), "queries"))
	for name, doc := range docs {
		vars := ""
		if name == "get cards" {
			vars = `{"first": 10}`
		}
		save(t, lib, name, doc, vars)
	}
	return lib
}

// opened returns the picker on lib after its first listing, sized w×h.
func opened(t testing.TB, lib *saved.Library, w, h int) Model {
	t.Helper()
	m := New(uitest.NewContext(now), lib, nil).SetSize(w, h)
	var msgs []tea.Msg
	for _, msg := range uitest.Messages(m.Init()) {
		m, msgs = loop(t, m, msg)
		if len(msgs) > 0 {
			t.Fatalf("opening sent %#v to the root", msgs)
		}
	}
	return m
}

// only returns the single message of type T in msgs.
func only[T tea.Msg](t testing.TB, msgs []tea.Msg) T {
	t.Helper()
	var zero T
	if len(msgs) != 1 {
		t.Fatalf("want one %T, got %#v", zero, msgs)
	}
	got, ok := msgs[0].(T)
	if !ok {
		t.Fatalf("want %T, got %s", zero, reflect.TypeOf(msgs[0]))
	}
	return got
}

// promptChoice builds a prompt answer.
func promptChoice(id prompt.ID, key string) tea.Msg { return prompt.ChoiceMsg{ID: id, Key: key} }
