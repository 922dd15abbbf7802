package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// panes is the part of a view above the notice, status and help lines.
func panes(view string) string {
	lines := strings.Split(view, "\n")
	return strings.Join(lines[:len(lines)-3], "\n")
}

// An idle tick moves the token's age in the status bar and reuses the panes' rendering; anything
// else (a key here) draws them again.
func TestTickRedrawsTheStatusBarNotThePanes(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	d.run()
	before := d.m.View()
	drawnAt := d.m.panes.gen

	f.clock.Advance(7 * time.Second)
	d.send(tickMsg(f.clock.Now()))
	after := d.m.View()
	if !strings.Contains(after, "token 7s") || strings.Contains(before, "token 7s") {
		t.Fatalf("the tick did not move the token's age:\n%s", after)
	}
	if panes(after) != panes(before) {
		t.Fatalf("the panes changed on a tick:\nbefore\n%s\nafter\n%s", before, after)
	}
	if d.m.panes.gen != drawnAt {
		t.Fatal("the tick drew the panes again")
	}

	d.send(uitest.Key("x"))
	typed := d.m.View()
	if panes(typed) == panes(after) || d.m.panes.gen == drawnAt {
		t.Fatalf("a key did not redraw the panes:\n%s", typed)
	}
}
