package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// fakeEditor writes a shell script standing in for $EDITOR and returns the command line to run it.
func fakeEditor(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fake-editor")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

// editorDriver logs in with editor as $EDITOR, run in place of the suspended program.
func editorDriver(t *testing.T, editor string) *driver {
	f := newFixture(t, mockapi.DemoPassword)
	opts := f.options()
	opts.Editor = editor
	opts.ExecEditor = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
		return func() tea.Msg { return done(c.Run()) }
	}
	d := newDriver(t, f, opts, 80, 24)
	d.login()
	return d
}

// edit presses alt+e and delivers what the editor's commands produce until they are done.
func (d *driver) edit() {
	d.t.Helper()
	cmd := d.sendTagged(uitest.Key("alt+e"))
	for round := 0; cmd != nil && round < 4; round++ {
		var next []tea.Cmd
		for _, msg := range uitest.Messages(cmd) {
			next = append(next, d.sendTagged(msg))
		}
		cmd = tea.Batch(next...)
	}
}

func TestEditorReplacesTheFocusedTextUndoably(t *testing.T) {
	// The fake editor checks it got a .graphql file holding the query, then rewrites it.
	d := editorDriver(t, fakeEditor(t, `case "$1" in *.graphql) ;; *) exit 3 ;; esac
grep -q 'query Balance' "$1" || exit 4
printf 'query Edited { x }\n' > "$1"`))
	d.edit()
	ws, _ := d.m.Workspace()
	if ws.Query() != "query Edited { x }\n" {
		t.Fatalf("the query is %q after the editor", ws.Query())
	}
	if !ws.Modified() || !strings.Contains(d.m.View(), "replaced by the editor") {
		t.Fatal("the edit is not shown as an unsaved change with a notice")
	}
	d.press("ctrl+z")
	if ws, _ = d.m.Workspace(); ws.Query() != balanceQuery {
		t.Fatalf("ctrl+z did not bring the old text back: %q", ws.Query())
	}
}

func TestEditorEditsTheVariablesAsJSON(t *testing.T) {
	d := editorDriver(t, fakeEditor(t, `case "$1" in *.json) printf '{"ref": "edited"}' > "$1" ;; *) exit 3 ;; esac`))
	d.press("tab")
	d.edit()
	if ws, _ := d.m.Workspace(); ws.Variables() != `{"ref": "edited"}` {
		t.Fatalf("the variables are %q after the editor", ws.Variables())
	}
}

func TestEditorFailureLeavesTheText(t *testing.T) {
	d := editorDriver(t, fakeEditor(t, `printf 'garbage' > "$1"; exit 7`))
	d.edit()
	if ws, _ := d.m.Workspace(); ws.Query() != balanceQuery || ws.Modified() {
		t.Fatal("a failing editor changed the text")
	}
	if !strings.Contains(d.m.View(), "exited with status 7; the text is unchanged") {
		t.Fatalf("no notice of the editor's failure:\n%s", d.m.View())
	}
}

func TestNoEditorSaysHowToSetOne(t *testing.T) {
	d := editorDriver(t, "")
	if cmd := d.sendTagged(uitest.Key("alt+e")); cmd != nil {
		t.Fatal("alt+e without an editor started something")
	}
	if !strings.Contains(d.m.View(), "no editor: set $VISUAL or $EDITOR") {
		t.Fatalf("no notice:\n%s", d.m.View())
	}
}

// The edit goes back to the tab that asked, even when another is shown when the editor returns.
func TestEditorResultGoesToItsTab(t *testing.T) {
	d := editorDriver(t, fakeEditor(t, `printf 'query Edited { x }' > "$1"`))
	ready := uitest.Messages(d.sendTagged(uitest.Key("alt+e")))
	d.press("ctrl+t")
	for _, msg := range ready {
		for _, back := range uitest.Messages(d.sendTagged(msg)) {
			d.sendTagged(back)
		}
	}
	tabs, active := d.m.Tabs()
	if active != 1 || tabs[0].Query() != "query Edited { x }" || tabs[1].Query() != "" {
		t.Fatalf("active %d, tab 1 %q, tab 2 %q", active, tabs[0].Query(), tabs[1].Query())
	}
}
