package picker

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// entries lists names as a library would (sorted), with fixed times.
func entries(names ...string) []saved.Entry {
	out := make([]saved.Entry, len(names))
	for i, n := range names {
		out[i] = saved.Entry{Name: n, Path: "/q/" + n + ".graphql", Modified: now.Add(-time.Duration(i) * 50 * time.Hour), Operations: []string{"Op"}}
	}
	return out
}

var names = []string{"bigcatalogue", "getCards", "gcList", "gift cards (prod)", "GiftCardBalance", "logic", "orders"}

func TestFilterRanksFuzzy(t *testing.T) {
	m := New(uitest.NewContext(now), saved.NewLibrary(t.TempDir()), entries(names...)).SetSize(80, 24)
	if got := m.Visible(); !slices.Equal(got, names) {
		t.Fatalf("no filter: %q", got)
	}
	m = typeText(t, m, "gc")
	want := []string{"gcList", "getCards", "GiftCardBalance", "gift cards (prod)", "bigcatalogue", "logic"}
	if got := m.Visible(); !slices.Equal(got, want) {
		t.Fatalf("filter gc: %q, want %q", got, want)
	}
	if name, _ := m.Selected(); name != "gcList" {
		t.Fatalf("the best match is not selected: %q", name)
	}
	m = typeText(t, m, "b")
	if got := m.Visible(); !slices.Equal(got, []string{"GiftCardBalance"}) {
		t.Fatalf("filter gcb: %q", got)
	}
	m = typeText(t, m, "zz")
	if len(m.Visible()) != 0 || !strings.Contains(m.View(), `No saved query matches "gcbzz"`) {
		t.Fatalf("no match: %q\n%s", m.Visible(), m.View())
	}
	if _, ok := m.Selected(); ok || m.KeyMap().Open.Enabled() || m.KeyMap().Delete.Enabled() {
		t.Fatal("actions on a query still enabled with nothing selected")
	}
	m, _ = press(t, m, "ctrl+u") // the field's "delete to start"
	if m.Filter() != "" || len(m.Visible()) != len(names) || !m.KeyMap().Open.Enabled() {
		t.Fatalf("cleared filter: %q %q", m.Filter(), m.Visible())
	}
}

func TestSelectionBoundsAndScrolling(t *testing.T) {
	many := make([]string, 40)
	for i := range many {
		many[i] = "query " + string(rune('a'+i/26)) + string(rune('a'+i%26))
	}
	m := New(uitest.NewContext(now), saved.NewLibrary(t.TempDir()), entries(many...)).SetSize(80, 12) // 7 rows
	m, _ = press(t, m, "up", "ctrl+p")
	if name, _ := m.Selected(); name != many[0] {
		t.Fatalf("up at the top moved: %q", name)
	}
	m, _ = press(t, m, "down", "ctrl+n", "pgdown")
	if name, _ := m.Selected(); name != many[8] {
		t.Fatalf("down, down, page down: %q", name)
	}
	if !strings.Contains(m.View(), "▸ "+many[8]) {
		t.Fatalf("the selected row is not drawn:\n%s", m.View())
	}
	for range 10 {
		m, _ = press(t, m, "pgdown")
	}
	if name, _ := m.Selected(); name != many[39] || !strings.Contains(m.View(), "▸ "+many[39]) {
		t.Fatalf("page down past the end: %q\n%s", name, m.View())
	}
	m, _ = press(t, m, "down")
	if name, _ := m.Selected(); name != many[39] {
		t.Fatalf("down at the end moved: %q", name)
	}
	// A smaller pane keeps the selection on screen.
	m = m.SetSize(80, 8)
	if !strings.Contains(m.View(), "▸ "+many[39]) {
		t.Fatalf("resize lost the selected row:\n%s", m.View())
	}
}

func TestKeysAndCloseMessages(t *testing.T) {
	m := New(uitest.NewContext(now), saved.NewLibrary(t.TempDir()), entries(names...)).SetSize(80, 24)
	if !m.CapturesKeys() {
		t.Fatal("the filter field has focus: letters are text")
	}
	// q is text here, not a shortcut.
	m, msgs := press(t, m, "q")
	if len(msgs) != 0 || m.Filter() != "q" {
		t.Fatalf("q: %#v, filter %q", msgs, m.Filter())
	}
	_, msgs = press(t, m, "esc")
	only[CloseMsg](t, msgs)
}

func TestPreviewIsCachedByName(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "query A { a }", "b": "query B { b }", "c": "query C { c }"})
	m := opened(t, lib, 120, 40)
	if !strings.Contains(m.View(), "query A { a }") {
		t.Fatalf("first preview not shown:\n%s", m.View())
	}
	m, cmd := m.Update(uitest.Key("down"))
	if cmd == nil {
		t.Fatal("moving to b did not ask for its preview")
	}
	if !strings.Contains(m.View(), "Loading…") {
		t.Fatalf("no loading state while b is read:\n%s", m.View())
	}
	// Back and forth before b arrives: asked once.
	m, cmd2 := m.Update(uitest.Key("up"))
	m, cmd3 := m.Update(uitest.Key("down"))
	if cmd2 != nil || cmd3 != nil {
		t.Fatal("a cached or pending preview was asked for again")
	}
	m, _ = loop(t, m, cmd())
	if !strings.Contains(m.View(), "query B { b }") {
		t.Fatalf("b's preview not shown:\n%s", m.View())
	}
	// The cache is by name: changing a's file does not show until the next listing.
	save(t, lib, "a", "query A2 { a2 }", "")
	m, cmd = m.Update(uitest.Key("up"))
	if cmd != nil || !strings.Contains(m.View(), "query A { a }") {
		t.Fatalf("a not served from the cache (cmd %v)", cmd != nil)
	}
}

func TestStalePreviewsAndListingsAreDropped(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "query A { a }", "b": "query B { b }"})
	m := opened(t, lib, 120, 40)
	m, ask := m.Update(uitest.Key("down")) // asks for b in this generation
	if ask == nil {
		t.Fatal("no preview asked for b")
	}
	oldPreview := ask()
	// b changes and the picker takes a new listing (as after a rename elsewhere)...
	save(t, lib, "b", "query NewB { b }", "")
	m, _ = loop(t, m, ListedMsg{Entries: mustList(t, lib), Seq: 5})
	// ...so the preview read before it is dropped, even though it is for the selected name.
	m, _ = m.Update(oldPreview)
	if strings.Contains(m.View(), "query B { b }") {
		t.Fatalf("a stale preview was shown:\n%s", m.View())
	}
	if !strings.Contains(m.View(), "query NewB { b }") {
		t.Fatalf("the new listing's preview is missing:\n%s", m.View())
	}
	// A listing answering an older request is dropped too.
	m, _ = m.Update(ListedMsg{Entries: entries("zzz"), Seq: 4})
	if slices.Contains(m.Visible(), "zzz") {
		t.Fatal("an older listing replaced a newer one")
	}
}

func mustList(t *testing.T, lib *saved.Library) []saved.Entry {
	t.Helper()
	e, err := lib.List()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestOpenLoadsVariablesAndWarnings(t *testing.T) {
	lib := newLibrary(t, map[string]string{"get cards": "query GetCards($first: Int) { giftCards(first: $first) { id } }", "broken": "query {"})
	m := opened(t, lib, 120, 40)
	if got := m.Visible(); !slices.Equal(got, []string{"broken", "get cards"}) {
		t.Fatalf("listing: %q", got)
	}
	if !strings.Contains(m.View(), "broken ⚠") {
		t.Fatalf("the unparsable file is not flagged:\n%s", m.View())
	}
	_, msgs := press(t, m, "enter")
	open := only[OpenMsg](t, msgs)
	if open.Name != "broken" || open.Saved.Text != "query {" || !strings.Contains(open.Saved.Warning, "does not parse") {
		t.Fatalf("opening the broken file: %#v", open)
	}
	m, _ = press(t, m, "down")
	_, msgs = press(t, m, "enter")
	open = only[OpenMsg](t, msgs)
	if open.Name != "get cards" || open.Saved.Variables != `{"first": 10}` || open.Saved.Version.IsZero() || open.Saved.Warning != "" {
		t.Fatalf("opening get cards: %#v", open)
	}
}

func TestOpenVanishedFileReportsAndRelists(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "{ a }", "b": "{ b }"})
	m := opened(t, lib, 120, 40)
	if err := lib.Delete("a"); err != nil {
		t.Fatal(err)
	}
	m, msgs := press(t, m, "enter")
	if len(msgs) != 0 {
		t.Fatalf("opened a deleted file: %#v", msgs)
	}
	if !strings.Contains(m.View(), `✗ cannot open "a"`) || !slices.Equal(m.Visible(), []string{"b"}) {
		t.Fatalf("after a failed open: %q\n%s", m.Visible(), m.View())
	}
}

func TestRenameFlow(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "{ a }", "b": "{ b }", "get cards": "{ c }"})
	m := opened(t, lib, 120, 40)
	m, _ = press(t, m, "down", "down") // "get cards", which has variables
	m, _ = press(t, m, "ctrl+e")
	if !strings.Contains(m.View(), `Rename "get cards" to`) {
		t.Fatalf("no rename prompt:\n%s", m.View())
	}
	// A name another query has is refused in the prompt, before any disk work.
	m, _ = press(t, m, "ctrl+u")
	m = typeText(t, m, "a")
	m, msgs := press(t, m, "enter")
	if len(msgs) != 0 || !strings.Contains(m.View(), "already exists") || !lib.Exists("get cards") {
		t.Fatalf("taken name accepted:\n%s", m.View())
	}
	m, _ = press(t, m, "backspace")
	m = typeText(t, m, "all cards")
	m, _ = press(t, m, "enter")
	if lib.Exists("get cards") || !lib.Exists("all cards") {
		t.Fatal("not renamed on disk")
	}
	s, err := lib.Load("all cards")
	if err != nil || s.Variables != `{"first": 10}` {
		t.Fatalf("the variables did not follow: %#v %v", s, err)
	}
	if name, _ := m.Selected(); name != "all cards" || !slices.Equal(m.Visible(), []string{"a", "all cards", "b"}) {
		t.Fatalf("after rename: selected %q, list %q", name, m.Visible())
	}
	if !strings.Contains(m.View(), `✓ Renamed "get cards" to "all cards"`) {
		t.Fatalf("no note:\n%s", m.View())
	}
	// Renaming to the same name, or cancelling, touches nothing.
	m, _ = press(t, m, "ctrl+e", "enter")
	m, _ = press(t, m, "ctrl+e", "x", "esc")
	if !slices.Equal(m.Visible(), []string{"a", "all cards", "b"}) {
		t.Fatalf("no-op renames changed the list: %q", m.Visible())
	}
}

func TestDuplicateFlow(t *testing.T) {
	lib := newLibrary(t, map[string]string{"get cards": "{ c }", "get cards copy": "{ old }"})
	m := opened(t, lib, 120, 40)
	m, _ = press(t, m, "ctrl+t")
	if !strings.Contains(m.View(), "> get cards copy 2") {
		t.Fatalf("the suggested name is not free:\n%s", m.View())
	}
	m, _ = press(t, m, "enter")
	s, err := lib.Load("get cards copy 2")
	if err != nil || s.Text != "{ c }" || s.Variables != `{"first": 10}` {
		t.Fatalf("copy: %#v %v", s, err)
	}
	if name, _ := m.Selected(); name != "get cards copy 2" {
		t.Fatalf("the copy is not selected: %q", name)
	}
}

func TestDeleteFlow(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "{ a }", "b": "{ b }", "c": "{ c }"})
	m := opened(t, lib, 120, 40)
	m, _ = press(t, m, "down")
	for _, keep := range [][]string{{"ctrl+d", "n"}, {"ctrl+d", "esc"}, {"ctrl+d", "enter"}} {
		m, _ = press(t, m, keep...)
		if !lib.Exists("b") {
			t.Fatalf("%v deleted the query", keep)
		}
	}
	m, _ = press(t, m, "ctrl+d")
	if !strings.Contains(m.View(), `Delete the saved query "b"?`) {
		t.Fatalf("no confirmation:\n%s", m.View())
	}
	m, _ = press(t, m, "y")
	if lib.Exists("b") {
		t.Fatal("y did not delete")
	}
	// The row that followed takes the deleted one's place.
	if name, _ := m.Selected(); name != "c" || !slices.Equal(m.Visible(), []string{"a", "c"}) {
		t.Fatalf("after delete: %q %q", name, m.Visible())
	}
}

// A prompt's answer is taken once: a stray or repeated answer does nothing.
func TestPromptAnswersMatchedByID(t *testing.T) {
	lib := newLibrary(t, map[string]string{"a": "{ a }", "b": "{ b }"})
	m := opened(t, lib, 120, 40)
	m, cmd := m.Update(uitest.Key("ctrl+d"))
	if cmd != nil {
		t.Fatal("opening the prompt did disk work")
	}
	id := m.dialog.id
	m, _ = loop(t, m, uitest.Key("n"))
	// The same answer again, and an answer for a prompt that never existed.
	for _, stray := range []tea.Msg{promptChoice(id, "y"), promptChoice(DialogID{kind: deleteDialog, n: 99}, "y"), promptChoice("picker.delete.1", "y")} {
		if _, cmd := m.Update(stray); cmd != nil {
			t.Fatalf("stray answer %#v acted", stray)
		}
	}
	if !lib.Exists("a") {
		t.Fatal("deleted by a stray answer")
	}
}

func TestEmptyLibrary(t *testing.T) {
	lib := newLibrary(t, nil)
	m := opened(t, lib, 120, 40)
	v := m.View()
	if !strings.Contains(strings.ReplaceAll(v, "│", ""), "No saved queries in") || m.KeyMap().Open.Enabled() {
		t.Fatalf("empty state:\n%s", v)
	}
	if _, msgs := press(t, m, "enter", "ctrl+d", "ctrl+e", "ctrl+t"); len(msgs) != 0 || m.dialog.open() {
		t.Fatalf("actions ran on nothing: %#v", msgs)
	}
}

func TestHostileFileContentIsSanitised(t *testing.T) {
	lib := newLibrary(t, map[string]string{"evil": "query X { a(s: \"\x1b]52;c;aGk=\x07\u202e\") }\n\x1b[2J{", "fine": "{ a }"})
	m := opened(t, lib, 120, 40)
	v := m.View()
	if i := display.Unsafe(v, false); i >= 0 {
		t.Fatalf("raw control or bidi characters reached the view at %d: %q", i, v)
	}
	if !strings.Contains(v, `\x1b`) {
		t.Fatalf("the escape is not shown as text:\n%s", v)
	}
}

func TestTabChoosesTheOperationToOpenAt(t *testing.T) {
	lib := saved.NewLibrary(t.TempDir())
	if _, err := lib.Save("two", "query A { a }\nquery B { b }\nquery C { c }\n", "", saved.Version{}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Save("one", "query Only { a }\n", "", saved.Version{}, false); err != nil {
		t.Fatal(err)
	}
	entries, err := lib.List()
	if err != nil {
		t.Fatal(err)
	}
	m := New(uitest.NewContext(now), lib, entries).SetSize(100, 30)
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("two")})
	for _, k := range []tea.KeyType{tea.KeyTab, tea.KeyTab, tea.KeyTab, tea.KeyShiftTab} {
		m, _ = m.Update(tea.KeyMsg{Type: k})
	}
	// A, B, C, back to A, back to C.
	if got := m.chosenOperation(); got != "C" {
		t.Fatalf("chosen operation %q, want C", got)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	open, ok := cmd().(OpenMsg)
	if !ok || open.Name != "two" || open.Operation != "C" {
		t.Fatalf("enter gave %#v", cmd())
	}
	// A one-operation query has no choice to make.
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("one")})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyTab})
	if got := m.chosenOperation(); got != "" {
		t.Fatalf("one operation: chosen %q, want none", got)
	}
}
