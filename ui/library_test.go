package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// press delivers keys (named as bubbletea prints them, see uitest.Key) and settles what follows.
func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.settle(d.send(uitest.Key(k)))
	}
}

// typeText types literal text into whatever has focus.
func (d *driver) typeText(s string) {
	d.t.Helper()
	d.settle(d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}))
}

// settle runs cmd and delivers what it produces, repeatedly, skipping the commands that wait by
// design (listeners, ticks, blinks; see longLived).
func (d *driver) settle(cmd tea.Cmd) {
	for round := 0; cmd != nil && round < 8; round++ {
		var next []tea.Cmd
		for _, msg := range quickMessages(cmd) {
			if _, quit := msg.(tea.QuitMsg); quit {
				d.quit = true
				continue
			}
			next = append(next, d.send(msg))
		}
		cmd = tea.Batch(next...)
	}
}

// quickMessages runs cmd (flattening batches) and returns what it produces, skipping only the
// commands that wait by design (uitest.Waits): every other one is waited for however long it
// takes, so a loaded machine makes a test slow, never wrong.
func quickMessages(cmd tea.Cmd) []tea.Msg { return uitest.Settled(cmd) }

// libraryDriver logs in with a library and a history in a temporary directory.
func libraryDriver(t *testing.T) (*driver, *saved.Library, string) {
	f := newFixture(t, "pw-library-test")
	dir := t.TempDir()
	lib := saved.NewLibrary(filepath.Join(dir, "queries"))
	opts := f.options()
	opts.Library = lib
	opts.History = history.New(filepath.Join(dir, "history.jsonl"), 0)
	opts.Workspace.History = opts.History
	d := newDriver(t, f, opts, 120, 40)
	d.login()
	return d, lib, dir
}

func TestSaveAsThenInPlaceThenConflict(t *testing.T) {
	d, lib, _ := libraryDriver(t)
	d.typeText("# note\n")
	if !strings.Contains(d.m.View(), "Query ●") {
		t.Fatal("the title does not mark unsaved changes")
	}
	d.press("ctrl+s")
	if !strings.Contains(d.m.View(), "Save query as") {
		t.Fatal("ctrl+s on a new query did not ask for a name")
	}
	// The operation's name is offered; typing replaces it.
	d.typeText("balance")
	d.press("enter")
	saved, err := lib.Load("balance")
	if err != nil || !strings.HasPrefix(saved.Text, "# note") || !strings.Contains(saved.Variables, "ref") {
		t.Fatalf("saved = %+v, %v", saved, err)
	}
	if v := d.m.View(); !strings.Contains(v, "Query · balance  ") || !strings.Contains(v, "saved balance") {
		t.Fatalf("after saving, the title should name the query without the mark:\n%s", v)
	}

	// A second ctrl+s saves in place, without asking.
	d.typeText("x")
	d.press("ctrl+s")
	if saved, _ := lib.Load("balance"); !strings.HasPrefix(saved.Text, "# note\nxquery") {
		t.Fatalf("in-place save wrote %q", saved.Text[:10])
	}

	// Someone else changes the file: the next save asks, and "reload" takes their version.
	path := filepath.Join(lib.Dir(), "balance.graphql")
	if err := os.WriteFile(path, []byte("{ Products(account_id: 1) { id } }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.typeText("y")
	d.press("ctrl+s")
	if !strings.Contains(d.m.View(), "changed on disk") {
		t.Fatalf("a changed file was not reported:\n%s", d.m.View())
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "{ Products") {
		t.Fatal("the other writer's version was overwritten before the user chose")
	}
	d.press("r")
	if text, _ := d.m.workspace.Document(); !strings.HasPrefix(text, "{ Products") {
		t.Fatalf("reload put %q in the editor", text)
	}
}

func TestSaveAsOntoAnExistingNameAsks(t *testing.T) {
	d, lib, _ := libraryDriver(t)
	if _, err := lib.Save("taken", "{ a }", "", saved.Version{}, false); err != nil {
		t.Fatal(err)
	}
	d.press("ctrl+s")
	d.typeText("taken")
	d.press("enter")
	if !strings.Contains(d.m.View(), "already exists") {
		t.Fatalf("saving onto an existing name did not ask:\n%s", d.m.View())
	}
	if saved, _ := lib.Load("taken"); saved.Text != "{ a }" {
		t.Fatal("the existing query was overwritten before the user chose")
	}
	d.press("o")
	if saved, _ := lib.Load("taken"); !strings.Contains(saved.Text, "Balance") {
		t.Fatalf("overwrite did not write the editor's query: %q", saved.Text)
	}
}

func TestHistoryRerun(t *testing.T) {
	d, _, _ := libraryDriver(t)
	d.run()
	d.press("f4")
	if !strings.Contains(d.m.View(), "Balance") {
		t.Fatalf("the history does not list the run:\n%s", d.m.View())
	}
	before := d.f.api.Stats().Operations["Balance"]
	d.press("enter")
	if got := d.f.api.Stats().Operations["Balance"]; got != before+1 {
		t.Fatalf("re-run sent %d requests, want 1", got-before)
	}
	if d.m.overlay != nil {
		t.Fatal("the history browser stayed open after re-run")
	}
}

func TestQuitWithUnsavedChangesAsks(t *testing.T) {
	d, _, _ := libraryDriver(t)
	d.typeText("draft ")
	d.press("ctrl+c")
	if d.quit || !strings.Contains(d.m.View(), "Quit without saving") {
		t.Fatalf("ctrl+c with unsaved changes quit at once (quit=%v)", d.quit)
	}
	d.press("esc")
	if d.quit || d.m.dialog.open() {
		t.Fatal("cancel did not keep the app open")
	}
	d.press("ctrl+c", "q")
	if !d.quit {
		t.Fatal("quit without saving did not quit")
	}
}

func TestOpenAtAChosenOperation(t *testing.T) {
	d, lib, _ := libraryDriver(t)
	doc := "query First { Products(account_id: 1) { id } }\n\nquery Second { Products(account_id: 1) { name } }\n"
	if _, err := lib.Save("two", doc, "", saved.Version{}, false); err != nil {
		t.Fatal(err)
	}
	d.press("ctrl+o")
	d.typeText("two")
	if !strings.Contains(d.m.View(), "[First]") {
		t.Fatalf("the first operation is not marked as chosen:\n%s", d.m.View())
	}
	d.press("tab")
	if !strings.Contains(d.m.View(), "[Second]") {
		t.Fatal("tab did not choose the next operation")
	}
	d.press("enter")
	d.run()
	stats := d.f.api.Stats().Operations
	if stats["Second"] != 1 || stats["First"] != 0 {
		t.Fatalf("ran %v, want only Second", stats)
	}
}

func TestLogoutReturnsToAUsableLoginForm(t *testing.T) {
	d, _, _ := libraryDriver(t)
	d.press("f2")
	for _, msg := range quickMessages(d.send(inspector.LogoutMsg{})) {
		d.send(msg)
	}
	if d.m.Screen() != "login" {
		t.Fatalf("screen after logout = %s", d.m.Screen())
	}
	if d.m.login.Busy() {
		t.Fatal("the login form is still busy: it would ignore every key")
	}
	if strings.Contains(d.m.View(), "•••") {
		t.Fatal("the password is still in the form after logout")
	}
	d.typeText("pw-library-test")
	d.press("enter")
	if d.m.Screen() != "workspace" {
		t.Fatalf("logging in again after logout failed:\n%s", d.m.View())
	}
}

// Re-running a mutation from the history asks first, naming the operation and the endpoint: it
// changes data again.
func TestHistoryRerunOfAMutationAsks(t *testing.T) {
	d, _, _ := libraryDriver(t)
	redeem := `mutation Redeem($ref: String!) {
  createBalanceAdjustment(card_reference: $ref, value: -100, currency: "GBP", merchant_id: 26, unit_epos_reference: "TILL-1") { id }
}`
	if err := d.m.opts.History.Append(history.Entry{Endpoint: testEndpoint, Operation: "Redeem", OperationKind: "mutation",
		Document: redeem, Variables: map[string]any{"ref": mockapi.SeedCardPartlyUsed}, Status: 200, Outcome: "ok"}); err != nil {
		t.Fatal(err)
	}
	d.press("f4")
	before := d.f.api.Stats().Operations["Redeem"]
	d.press("enter")
	v := d.m.View()
	if !d.m.dialog.open() || !strings.Contains(v, "Run mutation Redeem again against") || !strings.Contains(v, testEndpoint+"? It changes data again") {
		t.Fatalf("enter on a mutation did not ask, naming it and the endpoint:\n%s", v)
	}
	if got := d.f.api.Stats().Operations["Redeem"]; got != before {
		t.Fatal("the mutation ran before the answer")
	}
	d.press("esc")
	if got := d.f.api.Stats().Operations["Redeem"]; got != before || d.m.dialog.open() {
		t.Fatal("cancel ran the mutation or left the question open")
	}
	d.press("enter", "r")
	if got := d.f.api.Stats().Operations["Redeem"]; got != before+1 {
		t.Fatalf("\"run it again\" sent %d requests, want 1", got-before)
	}
}
