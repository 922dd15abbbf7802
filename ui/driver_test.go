package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// fixedDuration replaces measured round trips, so goldens do not depend on the machine.
const fixedDuration = 42 * time.Millisecond

// driver runs the root model synchronously, the way the program loop would, but executes only
// commands that return at once. Instead of the long-lived listener it drains the session's
// events itself; the session emits them before Login or Execute returns, so the order is fixed.
type driver struct {
	t    *testing.T
	f    *fixture
	m    Model
	quit bool // a command asked the program to quit
}

func newDriver(t *testing.T, f *fixture, opts Options, width, height int) *driver {
	d := &driver{t: t, f: f, m: New(opts)}
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// send delivers one message and returns the model's command.
func (d *driver) send(msg tea.Msg) tea.Cmd {
	return d.m.update(msg)
}

// login presses enter on the prefilled form and completes the login it starts (successful or
// not: the form shows a failure).
func (d *driver) login() {
	d.t.Helper()
	var submit *login.SubmitMsg
	for _, msg := range uitest.Messages(d.send(uitest.Key("enter"))) {
		if s, ok := msg.(login.SubmitMsg); ok {
			submit = &s
		}
	}
	if submit == nil {
		d.t.Fatal("enter on the login form submitted nothing")
	}
	// startLogin returns the one login command; loginFinishedMsg comes back from it. What
	// finishLogin returns (refresh loop, listener) is left unrun: drainEvents stands in.
	for _, msg := range uitest.Messages(d.send(*submit)) {
		d.send(msg)
	}
	d.drainEvents()
}

// run presses ctrl+r and delivers the request's result with its timings fixed.
func (d *driver) run() {
	d.t.Helper()
	var got int
	for _, msg := range uitest.Messages(d.send(uitest.Key("ctrl+r"))) {
		if rf, ok := msg.(workspace.RunFinishedMsg); ok {
			got++
			d.send(d.fixTimes(rf))
		}
	}
	if got != 1 {
		d.t.Fatalf("ctrl+r produced %d results, want 1", got)
	}
	d.drainEvents()
}

// fixTimes sets the measured durations and the finish time to fixed values, keeping everything
// the server sent.
func (d *driver) fixTimes(rf workspace.RunFinishedMsg) workspace.RunFinishedMsg {
	rf.Last.At, rf.Last.Duration = d.f.clock.Now(), fixedDuration
	meta := rf.Doc.Meta()
	meta.Duration = fixedDuration
	rf.Doc = results.Prepare(rf.Doc.Bytes(), meta)
	return rf
}

// drainEvents relays every event the session has queued, as listenCmd would one by one.
func (d *driver) drainEvents() {
	if d.m.sess == nil {
		return
	}
	for {
		select {
		case ev := <-d.m.sess.Events():
			d.send(sessionEventMsg{gen: d.m.sessGen, ev: ev})
		default:
			return
		}
	}
}
