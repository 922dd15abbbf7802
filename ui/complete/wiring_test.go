package complete

import (
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// workspace is the wiring doc.go prescribes, reduced to the editor pane, so
// the prescription itself is tested: keys to the popup first, completion
// re-queried after edits, accepted items inserted, and validation debounced
// with stale results dropped.
type workspace struct {
	schema *schema.Schema
	editor editor.Model
	popup  Model
	lint   Linter
}

func newWorkspace(s *schema.Schema) workspace {
	w := workspace{schema: s, popup: newPopup(), lint: Linter{Delay: time.Millisecond}}
	w.editor = editor.New(editor.Options{Language: editor.GraphQL}).SetSize(60, 10)
	w.editor, _ = w.editor.Focus()
	return w
}

func (w workspace) Update(msg tea.Msg) (workspace, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if w.popup.Visible() {
			var handled bool
			if w.popup, cmd, handled = w.popup.Update(msg); handled {
				return w, cmd
			}
		}
		if key.Matches(msg, w.popup.KeyMap.Trigger) {
			w.popup = w.popup.Open(Complete(w.schema, w.editor.Value(), w.editor.CursorOffset()))
			return w, nil
		}
		w.editor, cmd = w.editor.Update(msg)
		if w.popup.Visible() {
			w.popup = w.popup.Refresh(Complete(w.schema, w.editor.Value(), w.editor.CursorOffset()))
		}
		var lintCmd tea.Cmd
		w.lint, lintCmd = w.lint.Changed(w.editor.Revision())
		return w, tea.Batch(cmd, lintCmd)
	case AcceptedMsg:
		w.editor = w.editor.InsertCompletion(msg.PrefixLen, msg.Item.Insert, msg.Item.CursorBack)
		w.lint, cmd = w.lint.Changed(w.editor.Revision())
		return w, cmd
	case LintRequestMsg:
		if !w.lint.Current(msg.Rev) {
			return w, nil
		}
		return w, LintCmd(w.schema, w.editor.Value(), msg.Rev)
	case LintedMsg:
		if w.lint.Current(msg.Rev) {
			w.editor = w.editor.SetDiagnostics(msg.Diagnostics)
		}
	}
	return w, nil
}

// load is the workspace's Load: new text, and a forced re-lint.
func (w workspace) load(text string) (workspace, tea.Cmd) {
	w.editor = w.editor.SetValue(text)
	w.popup = w.popup.Close()
	var cmd tea.Cmd
	w.lint, cmd = w.lint.Reset(w.editor.Revision())
	return w, cmd
}

// typeKeys sends s one rune per key and returns the commands, not yet run,
// as keystrokes arrive faster than the debounce.
func typeKeys(w workspace, s string) (workspace, []tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range s {
		var cmd tea.Cmd
		w, cmd = w.Update(uitest.Key(string(r)))
		cmds = append(cmds, cmd)
	}
	return w, cmds
}

// deliver sends msgs and returns the commands they produced, dropping nils.
func deliver(w workspace, msgs []tea.Msg) (workspace, []tea.Cmd) {
	var cmds []tea.Cmd
	for _, m := range msgs {
		var cmd tea.Cmd
		if w, cmd = w.Update(m); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	return w, cmds
}

func runAll(cmds []tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, c := range cmds {
		out = append(out, uitest.Messages(c)...)
	}
	return out
}

func TestWiringValidatesOnceAfterABurstOfTyping(t *testing.T) {
	w := newWorkspace(toggle(t))
	w, cmds := typeKeys(w, `{ Cards(page: "x") { total } }`)
	ticks := runAll(cmds)
	if len(ticks) != len(cmds) {
		t.Fatalf("%d keystrokes gave %d debounce ticks", len(cmds), len(ticks))
	}
	w, lints := deliver(w, ticks)
	if len(lints) != 1 {
		t.Fatalf("%d validations ran for one burst of typing, want 1", len(lints))
	}
	w, _ = deliver(w, runAll(lints))
	got := w.editor.Diagnostics()
	want := []editor.Diagnostic{{Line: 1, Column: 15, EndColumn: 18, Message: `Int cannot represent non-integer value: "x"`}}
	if !equalDiags(got, want) {
		t.Fatalf("diagnostics %+v, want %+v", got, want)
	}
}

func TestWiringDropsResultsForOlderText(t *testing.T) {
	w := newWorkspace(toggle(t))
	w, cmds := typeKeys(w, `{ Cards { totl } }`)
	w, lints := deliver(w, runAll(cmds))
	results := runAll(lints) // validated "totl"...
	w, more := typeKeys(w, " ")
	w, _ = deliver(w, results) // ...but the text changed meanwhile
	if d := w.editor.Diagnostics(); d != nil {
		t.Fatalf("a result for older text was shown: %+v", d)
	}
	w, lints = deliver(w, runAll(more))
	w, _ = deliver(w, runAll(lints))
	if d := w.editor.Diagnostics(); len(d) != 1 || d[0].Column != 11 {
		t.Fatalf("after the pause: %+v, want the unknown field at column 11", d)
	}
}

// TestWiringLoadDropsThePreviousDocumentsResult loads two documents in a
// row: both have editor revision 0, so only the linter's stamp can tell the
// first one's result from the second's.
func TestWiringLoadDropsThePreviousDocumentsResult(t *testing.T) {
	w := newWorkspace(toggle(t))
	w, cmd := w.load("{ Cards { totl } }")
	rev := w.editor.Revision()
	w, lints := deliver(w, uitest.Messages(cmd))
	stale := runAll(lints) // validation of the first document, still in flight

	w, cmd = w.load("{ Cards { total } }")
	if w.editor.Revision() != rev {
		t.Fatalf("test premise: both loads should share revision %d, got %d", rev, w.editor.Revision())
	}
	w, _ = deliver(w, stale)
	if d := w.editor.Diagnostics(); d != nil {
		t.Fatalf("the previous document's diagnostics were shown after Load: %+v", d)
	}
	w, lints = deliver(w, uitest.Messages(cmd))
	w, _ = deliver(w, runAll(lints))
	if d := w.editor.Diagnostics(); d != nil {
		t.Fatalf("the loaded valid document got %+v", d)
	}
}

func TestWiringCompletionNarrowsAndInserts(t *testing.T) {
	w := newWorkspace(toggle(t))
	w, _ = typeKeys(w, "mutation { c")
	w, _ = w.Update(tea.KeyMsg{Type: tea.KeyCtrlAt})
	if !w.popup.Visible() || len(w.popup.Items()) < 3 {
		t.Fatalf("ctrl+space did not open the popup with the create* fields: %v", w.popup.Items())
	}
	w, _ = typeKeys(w, "reateB")
	if got := labelsOf(w.popup.Items()); len(got) != 1 || got[0] != "createBalanceAdjustment" {
		t.Fatalf("typing did not narrow the list: %v", got)
	}
	w, cmd := w.Update(tea.KeyMsg{Type: tea.KeyTab})
	if w.popup.Visible() {
		t.Fatal("tab did not close the popup")
	}
	w, _ = deliver(w, uitest.Messages(cmd))
	want := "mutation { createBalanceAdjustment(card_reference: , merchant_id: )"
	if got := w.editor.Value(); got != want {
		t.Fatalf("after accepting: %q, want %q", got, want)
	}
	w, _ = typeKeys(w, `"6301"`)
	if got, want := w.editor.Value(), `mutation { createBalanceAdjustment(card_reference: "6301", merchant_id: )`; got != want {
		t.Fatalf("the cursor was not left in the first argument: %q", got)
	}
}

func TestWiringWithoutSchema(t *testing.T) {
	w := newWorkspace(nil)
	w, cmds := typeKeys(w, "{ a(")
	w, _ = w.Update(tea.KeyMsg{Type: tea.KeyCtrlAt})
	if w.popup.Visible() {
		t.Fatal("the popup opened without a schema")
	}
	w, lints := deliver(w, runAll(cmds))
	w, _ = deliver(w, runAll(lints))
	if d := w.editor.Diagnostics(); len(d) != 1 || d[0].Line != 1 || d[0].Column != 5 {
		t.Fatalf("syntax-only check gave %+v, want one error at 1:5", d)
	}
}

func labelsOf(items []completion.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}
