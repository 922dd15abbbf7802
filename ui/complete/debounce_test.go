package complete

import (
	"testing"
	"time"
)

func TestDebounceSendsTheStampAfterTheDelay(t *testing.T) {
	msg := Debounce(7, time.Millisecond)()
	if got, ok := msg.(LintRequestMsg); !ok || got.Rev != 7 {
		t.Fatalf("Debounce sent %#v, want LintRequestMsg{Rev: 7}", msg)
	}
}

func TestLintCmdValidatesTheGivenText(t *testing.T) {
	msg := LintCmd(toggle(t), "{ Cards { totl } }", 3)()
	got, ok := msg.(LintedMsg)
	if !ok || got.Rev != 3 || len(got.Diagnostics) != 1 || got.Diagnostics[0].Column != 11 {
		t.Fatalf("LintCmd sent %#v, want LintedMsg{Rev: 3} with one diagnostic at column 11", msg)
	}
	if got := LintCmd(nil, "{ Cards { totl } }", 4)().(LintedMsg); got.Diagnostics != nil {
		t.Fatalf("without a schema a syntactically valid document got %+v", got.Diagnostics)
	}
}

func TestLinterStampsChanges(t *testing.T) {
	var l Linter
	if l.Current(0) {
		t.Fatal("stamp 0 is current before any change")
	}
	l, cmd := l.Changed(0)
	if cmd == nil || !l.Current(1) {
		t.Fatal("the first look at the text did not start a debounce for stamp 1")
	}
	if l, cmd = l.Changed(0); cmd != nil || !l.Current(1) {
		t.Fatal("an unchanged revision started another debounce")
	}
	l, cmd = l.Changed(5)
	if cmd == nil || l.Current(1) || !l.Current(2) {
		t.Fatal("a new revision did not supersede stamp 1 with stamp 2")
	}
	// Undo back to an earlier revision is a change too.
	if l, cmd = l.Changed(0); cmd == nil || !l.Current(3) {
		t.Fatal("returning to an earlier revision did not start a debounce")
	}
	// SetValue: same revision number, different text.
	if l, cmd = l.Reset(0); cmd == nil || l.Current(3) || !l.Current(4) {
		t.Fatal("Reset did not supersede the current stamp")
	}
}

func TestLinterDelay(t *testing.T) {
	l := Linter{Delay: time.Millisecond}
	_, cmd := l.Changed(1)
	start := time.Now()
	if _, ok := cmd().(LintRequestMsg); !ok {
		t.Fatal("Changed's command is not the debounce tick")
	}
	// Not a timing assertion on speed: the default delay would make this
	// wait LintDelay, so a quick return shows Delay was used.
	if time.Since(start) >= LintDelay {
		t.Fatalf("the tick waited %v, the default delay, not the 1ms set", time.Since(start))
	}
}
