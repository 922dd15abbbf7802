package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// The workspace's fast frame (the painted panes kept while only the clock moves) is the full
// draw, byte for byte: after a message that redraws, after a tick that reuses the panes, and with
// the tab bar. In colour, where the background is laid line by line, and without, where only
// the padding makes the lines under the panes as wide as they are.
func TestWorkspaceFrameIsTheFullDraw(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.TrueColor, termenv.Ascii} {
		t.Run(profile.Name(), func(t *testing.T) {
			lipgloss.SetColorProfile(profile)
			t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
			testWorkspaceFrame(t)
		})
	}
}

func testWorkspaceFrame(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	check := func(when string) {
		t.Helper()
		fast := d.m.View()
		if _, ok := d.m.workspaceFrame(); !ok {
			t.Fatalf("%s: the fast frame does not apply on the bare workspace", when)
		}
		if full := d.m.paint(d.m.frame()); fast != full {
			t.Fatalf("%s: the fast frame differs from the full draw\nfast:\n%s\nfull:\n%s", when, fast, full)
		}
	}
	check("after login")
	f.clock.Advance(3 * time.Second)
	d.send(tickMsg(f.clock.Now()))
	check("after a tick")
	d.send(uitest.Key("ctrl+t"))
	check("with two tabs")
	f.clock.Advance(time.Second)
	d.send(tickMsg(f.clock.Now()))
	check("with two tabs, after a tick")
}

// The clock's tick comes back tagged with the tab it was armed on, like every command's message:
// tagged or not, it must leave the panes' drawing as it is (only the lines under them change).
func TestTaggedTickKeepsThePanes(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	d.m.View()
	gen := d.m.viewGen
	f.clock.Advance(time.Second)
	d.send(tabMsg{tab: d.m.activeTabID(), msg: tickMsg(f.clock.Now())})
	if d.m.viewGen != gen || !d.m.clockOnly {
		t.Fatalf("a tagged tick invalidated the panes (generation %d -> %d, clock only %v)", gen, d.m.viewGen, d.m.clockOnly)
	}
}
