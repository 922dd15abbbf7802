package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query/saved"

	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/complete"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/historyview"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/picker"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// Every key a place declares (and so matches in its Update) is in that place's full help.
func TestEveryKeyIsInItsFullHelp(t *testing.T) {
	// Close is the help overlay's own key; the overlay's title says "esc or f1 closes". Run is
	// the workspace's key (its help lists it); the root adds it to the builder's help.
	uitest.CheckFullHelp(t, DefaultKeyMap(), "Close", "Run")
	uitest.CheckFullHelp(t, builder.DefaultKeyMap())
	// Prettify acts in the editor only, whose help lists it (workspace.paneHelp).
	uitest.CheckFullHelp(t, workspace.DefaultKeyMap(), "Prettify")
	uitest.CheckFullHelp(t, editor.DefaultKeyMap())
	uitest.CheckFullHelp(t, results.DefaultKeyMap(),
		"AcceptSearch", "CancelSearch", // only while typing a search, when they are the short help
		"AcceptWrite", "CancelWrite", "ReplaceFile", "KeepFile") // only in the write prompt, likewise
	uitest.CheckFullHelp(t, complete.DefaultKeyMap())
	uitest.CheckFullHelp(t, inspector.DefaultKeyMap())
	uitest.CheckFullHelp(t, docs.DefaultKeyMap())
	uitest.CheckFullHelp(t, historyview.DefaultKeyMap())
	uitest.CheckFullHelp(t, picker.DefaultKeyMap())
	uitest.CheckFullHelp(t, login.DefaultKeyMap())
}

// f1 opens the full help of whatever is open — overlays and dialogs included — with that place's
// keys, and esc returns to it.
func TestF1WorksInEveryOverlay(t *testing.T) {
	cases := []struct {
		open string
		want []string // keys only that place has
	}{
		{"f2", []string{"d", "diff good/failing", "w", "curl to file", "L", "log out", "p", "paste a token"}},
		{"f3", []string{"ctrl+f", "fetch schema again"}},
		{"f4", []string{"ctrl+l", "load into editor"}},
		{"ctrl+o", []string{"ctrl+e", "rename", "ctrl+d", "delete"}},
	}
	for _, c := range cases {
		t.Run(c.open, func(t *testing.T) {
			d, lib, _ := libraryDriver(t)
			if _, err := lib.Save("mine", "query Mine { __typename }", "", saved.Version{}, false); err != nil {
				t.Fatal(err)
			}
			d.run() // a request, so the inspector has one to act on
			d.press(c.open)
			if d.m.overlay == nil {
				t.Fatalf("%s opened nothing", c.open)
			}
			under := fmt.Sprintf("%T", d.m.overlay) // panes hold slices: compare their types

			d.press("f1")
			v := d.m.View()
			if !d.m.helpOpen || !strings.Contains(v, "esc or f1 closes") {
				t.Fatalf("f1 over %s did not open the help:\n%s", under, v)
			}
			for _, w := range c.want {
				if !strings.Contains(v, w) {
					t.Errorf("the help over %s lacks %q:\n%s", under, w, v)
				}
			}
			d.press("esc")
			if now := fmt.Sprintf("%T", d.m.overlay); d.m.helpOpen || now != under {
				t.Fatalf("esc left help %v, overlay %s; want back in %s", d.m.helpOpen, now, under)
			}
		})
	}
}

// The help line is never cut: at 80 and 120 columns it holds whole bindings, by priority.
func TestHelpLineIsNeverCut(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, s := range screens {
			f := newFixture(t, "pw-helpline")
			d := newDriver(t, f, f.options(), size[0], size[1])
			s.reach(d)
			if d.m.helpOpen {
				continue
			}
			lines := strings.Split(d.m.View(), "\n")
			last := lines[len(lines)-1]
			if strings.Contains(last, "…") || !strings.Contains(last, "f1 help") {
				t.Errorf("%s at %dx%d: help line %q", s.name, size[0], size[1], last)
			}
		}
	}
}
