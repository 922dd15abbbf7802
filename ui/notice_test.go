package ui

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// restoredWithoutKeyring is the longest routine notice there is: a token restored from the file
// because the OS keyring is missing, with the keyring's own error.
const restoredWithoutKeyring = "restored a stored token, valid for 14m, from /home/someone/.local/state/toggle-explorer/token.json " +
	"(OS keyring unavailable: The name org.freedesktop.secrets was not provided by any .service files)"

// A notice wider than the screen wraps onto a second line instead of losing its end, the screen
// stays within the terminal, and the row goes back to the workspace once the notice fades. At 120
// columns nothing is cut; at 80 only the end of the keyring's own error may be.
func TestLongNoticeWrapsOntoASecondLine(t *testing.T) {
	for _, width := range []int{120, 80} {
		essential := []string{"restored a stored token, valid for 14m, from", "token.json", "OS keyring unavailable"}
		if width == 120 {
			essential = append(essential, "service files) (fp 3f2a9c1b0d4e)")
		}
		f := newFixture(t, mockapi.DemoPassword)
		d := newDriver(t, f, f.options(), width, 40)
		d.login()
		d.m.notice = notice{} // the login's own notice is not the subject
		d.send(tickMsg(f.clock.Now()))
		short := strings.Count(d.m.View(), "\n")
		d.send(sessionEventMsg{gen: d.m.sessGen, ev: session.Event{Kind: session.LoggedIn, Message: restoredWithoutKeyring, Fingerprint: "3f2a9c1b0d4e"}})
		v := d.m.View()
		checkFits(t, v, width, 40)
		if got := strings.Count(v, "\n"); got != short {
			t.Errorf("%d columns: the screen has %d lines with the long notice, %d without", width, got+1, short+1)
		}
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range essential {
			if !strings.Contains(flat, want) {
				t.Errorf("%d columns: the notice lost %q:\n%s", width, want, v)
			}
		}
		if width == 120 && strings.Contains(v, "…") {
			t.Errorf("%d columns: something was cut:\n%s", width, v)
		}
		if d.m.laidNoticeRows != 2 {
			t.Errorf("%d columns: the layout leaves %d notice rows, want 2", width, d.m.laidNoticeRows)
		}
		f.clock.Advance(noticeLife + 1)
		d.send(tickMsg(f.clock.Now()))
		if d.m.laidNoticeRows != 1 || strings.Contains(d.m.View(), "keyring") {
			t.Errorf("%d columns: the faded notice keeps %d rows:\n%s", width, d.m.laidNoticeRows, d.m.View())
		}
	}
}

// Even two lines have an end: what does not fit in them is cut with "…", never spilling further.
func TestNoticeLinesStopAtTwo(t *testing.T) {
	lines := noticeLines(strings.Repeat("word ", 100), 40)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 40 {
			t.Errorf("line %q is %d wide", l, w)
		}
	}
	if got := noticeLines("fits", 40); len(got) != 1 || got[0] != " fits" {
		t.Errorf("a short notice became %q", got)
	}
}

// A broken config found at start-up is said in the workspace, not only on the login form: a TUI
// that starts logged in never shows the form. It shows whenever no other notice is on show.
func TestStartupWarningShowsInTheWorkspace(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	opts := f.options()
	opts.StartupWarning = "config ignored: /home/someone/.config/toggle-explorer/config.toml:4: expected a value\x1b[2J"
	d := newDriver(t, f, opts, 120, 40)
	if strings.Contains(d.m.View(), "config ignored") {
		t.Error("the login screen shows the workspace's notice line")
	}
	d.login()
	d.send(tickMsg(f.clock.Now()))
	if !strings.Contains(d.m.View(), "✓ logged in") {
		t.Fatalf("the login's notice does not show first:\n%s", d.m.View())
	}
	f.clock.Advance(noticeLife + 1)
	d.send(tickMsg(f.clock.Now()))
	v := d.m.View()
	if !strings.Contains(v, "⚠ config ignored: /home/someone/.config/toggle-explorer/config.toml:4: expected a value\\x1b[2J") {
		t.Errorf("the workspace does not say the config was ignored (escaped):\n%s", v)
	}
	// Over the auth inspector (f2) too: the notice line stays under every overlay.
	d.send(uitest.Key("f2"))
	if v := d.m.View(); d.m.overlay == nil || !strings.Contains(v, "⚠ config ignored: /home/someone") {
		t.Errorf("f2 hides the config warning:\n%s", v)
	}
}
