package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/tabstate"
)

// Quitting and starting again brings back the tabs, their unsaved text, cursors, scroll positions
// and focus; the file holds no token or password.
func TestTabsRestoreRoundTrip(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	d.login()
	d.typeText("# draft\n")
	d.press("ctrl+t")
	long := "query Long {\n" + strings.Repeat("  field\n", 30) + "}\n"
	d.typeText(long)
	d.press("up", "up", "up", "right", "tab") // cursor and scroll away from the start; focus on the variables
	d.typeText(`{"a": 1}`)
	before, ok := d.m.TabState()
	if !ok {
		t.Fatal("no tab state after login")
	}
	if before.Tabs[1].QueryCursor.Top == 0 {
		t.Fatal("the test did not scroll the second tab's query")
	}
	path := filepath.Join(t.TempDir(), "tabs.json")
	if err := tabstate.Save(path, before); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if tok, ok := d.m.sess.Token(); !ok || strings.Contains(string(data), tok.Raw()) || strings.Contains(string(data), f.password) {
		t.Fatal("the tabs file holds the token or the password")
	}

	restored, ok, notice := tabstate.Load(path, time.Now())
	if !ok || notice != "" {
		t.Fatalf("load: ok=%v notice=%q", ok, notice)
	}
	opts := f.options()
	opts.Restore = &restored
	d2 := newDriver(t, f, opts, 80, 24)
	d2.login()
	after, _ := d2.m.TabState()
	if !reflect.DeepEqual(after, before) {
		t.Fatalf("the restored tabs differ:\n got %+v\nwant %+v", after, before)
	}
	for _, want := range []string{"1 Balance ●", "2 Long ●"} {
		if !strings.Contains(d2.m.View(), want) {
			t.Fatalf("the restored tab bar lacks %q:\n%s", want, d2.m.View())
		}
	}
	// The unsaved changes are one undo away from what the tab was opened with.
	d2.press("alt+1", "ctrl+z")
	if ws, _ := d2.m.Workspace(); ws.Query() != balanceQuery || ws.Modified() {
		t.Fatalf("undo in a restored tab gave %q (modified %v)", ws.Query(), ws.Modified())
	}
}

// Before the first login there is nothing to keep: an earlier run's file must not be replaced.
func TestNoTabStateBeforeLogin(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	if _, ok := d.m.TabState(); ok {
		t.Fatal("tab state before login")
	}
}

// A start-up notice (the tabs file was set aside) is shown once the workspace opens.
func TestStartNoticeIsShown(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	opts := f.options()
	opts.StartNotice = "tabs not restored: tabs.json was unreadable; set aside as tabs.json.corrupt-X"
	d := newDriver(t, f, opts, 120, 40)
	d.login()
	if !strings.Contains(d.m.View(), "set aside as tabs.json.corrupt-X") {
		t.Fatalf("the notice is not shown:\n%s", d.m.View())
	}
}
