package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// The status bar's time comes from ticks only. With DisableTick the test owns time: a tick it
// sends moves the clock and must not re-arm the wall-clock tick behind the test's back.
func TestTickDrivesTheStatusBar(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	if cmd := d.m.Init(); cmd != nil {
		t.Fatal("Init started a tick although DisableTick is set")
	}
	d.login()
	if !strings.Contains(d.m.View(), "token 0s · expires in 1h") {
		t.Fatalf("fresh token not shown:\n%s", d.m.View())
	}
	f.clock.Advance(4*time.Minute + 12*time.Second)
	if cmd := d.send(tickMsg(f.clock.Now())); cmd != nil {
		t.Fatal("a driven tick re-armed the wall-clock tick")
	}
	if v := d.m.View(); !strings.Contains(v, "FRESH  token 4m12s · expires in 55m48s") {
		t.Fatalf("the tick did not move the token's age:\n%s", v)
	}

	ticking := f.options()
	ticking.DisableTick = false
	if cmd := newDriver(t, f, ticking, 80, 24).send(tickMsg(f.clock.Now())); cmd == nil {
		t.Fatal("without DisableTick a tick does not re-arm itself")
	}
}

// The clock is one chain of ticks: Init sends the first one at once and each handled tick arms
// the next. Two chains (a second tick() armed in Init beside the immediate one) redrew the idle
// screen twice a second.
func TestInitStartsOneClock(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	ticking := f.options()
	ticking.DisableTick = false
	ticks := 0
	var drain func(tea.Cmd)
	drain = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				drain(c)
			}
		case tickMsg:
			ticks++
		}
	}
	drain(newDriver(t, f, ticking, 80, 24).m.Init())
	if ticks != 1 {
		t.Fatalf("Init started %d clock ticks, want 1", ticks)
	}
}

// An answer to a login the user has since replaced must not switch screens.
func TestStaleLoginIsDropped(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	sess, err := f.connect(testEndpoint)
	if err != nil {
		t.Fatal(err)
	}
	d.m.loginID = 2
	d.send(loginFinishedMsg{id: 1, sess: sess})
	if d.m.Screen() != "login" || d.m.sess != nil {
		t.Fatal("a stale login answer was taken")
	}
}
