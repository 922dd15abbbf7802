package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

// The f1 help of the login screen and of every overlay listed the workspace's global keys
// (ctrl+s, ctrl+o, f2, f3, f4, f6, the tabs' keys), which do nothing there: pressing them left
// the screen as it was. Help lists only what works: f1 and ctrl+c everywhere, f6 in the docs.
func TestGlobalKeysInHelpOnlyWhereTheyWork(t *testing.T) {
	dead := []string{"save query", "open query", "auth inspector", "schema docs", "new tab", "close tab", "alt+p",
		"alt+n", "edit in $EDITOR"}
	check := func(t *testing.T, d *driver, where string, alsoDead ...string) {
		t.Helper()
		d.press("f1")
		v := d.m.View()
		if !d.m.helpOpen {
			t.Fatalf("f1 on %s opened no help", where)
		}
		for _, w := range []string{"f1", "ctrl+c"} {
			if !strings.Contains(v, w) {
				t.Errorf("the help on %s lacks %q", where, w)
			}
		}
		for _, w := range append(dead, alsoDead...) {
			if strings.Contains(v, w) {
				t.Errorf("the help on %s lists %q, which does nothing there:\n%s", where, w, v)
			}
		}
		d.press("esc")
	}
	t.Run("login", func(t *testing.T) {
		f := newFixture(t, "wrong")
		d := newDriver(t, f, f.options(), 120, 40)
		check(t, d, "the login screen", "history", "query builder")
	})
	for _, open := range []string{"f2", "f3", "f4", "ctrl+o"} {
		t.Run(open, func(t *testing.T) {
			d, lib, _ := libraryDriver(t)
			if _, err := lib.Save("mine", "query Mine { __typename }", "", saved.Version{}, false); err != nil {
				t.Fatal(err)
			}
			d.run()
			d.press(open)
			if d.m.overlay == nil {
				t.Fatalf("%s opened nothing", open)
			}
			check(t, d, fmt.Sprintf("%T", d.m.overlay))
		})
	}
	// Where the keys work, the help lists them.
	d, _, _ := libraryDriver(t)
	d.press("f1")
	for _, w := range dead {
		if !strings.Contains(d.m.View(), w) {
			t.Errorf("the workspace's help lacks %q", w)
		}
	}
}
