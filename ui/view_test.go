package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// screens are the states worth a golden, each reached through the real session and fake API.
var screens = []struct {
	name string
	// reach drives a fresh driver to the screen.
	reach func(d *driver)
}{
	{"login", func(*driver) {}},
	{"result", func(d *driver) {
		d.login()
		d.run()
	}},
	{"unauthorized", func(d *driver) {
		d.login()
		revokeAndChangePassword(d.f)
		d.run()
	}},
	{"headers", func(d *driver) {
		d.login()
		d.send(uitest.Key("tab"))
		d.send(uitest.Key("tab"))
		for _, line := range []string{"X-Tenant: acme", "Authorization: Bearer mine", "X-Key: $TOGGLE_KEY"} {
			d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line), Paste: true})
			d.send(uitest.Key("enter"))
		}
	}},
	{"tabs", func(d *driver) {
		d.login()
		d.run()
		d.send(uitest.Key("ctrl+t"))
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("query Products { Products(account_id: 1) { id } }")})
		d.send(uitest.Key("ctrl+t"))
		d.send(uitest.Key("alt+1"))
	}},
	{"help", func(d *driver) {
		d.login()
		d.run()
		d.send(uitest.Key("f1"))
	}},
}

// revokeAndChangePassword makes the server refuse the current token although it is unexpired,
// and refuse the re-login that follows.
func revokeAndChangePassword(f *fixture) {
	f.api.RevokeTokens()
	f.api.UpdateConfig(func(c *mockapi.Config) { c.Password = "rotated-by-an-admin" })
}

func TestGolden(t *testing.T) {
	for _, s := range screens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				f := newFixture(t, mockapi.DemoPassword)
				d := newDriver(t, f, f.options(), size[0], size[1])
				s.reach(d)
				v := d.m.View()
				checkFits(t, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// checkFits asserts that a view fills at most width×height cells.
func checkFits(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Errorf("%dx%d: the view has %d lines", width, height, len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", width, height, i, w, l)
		}
	}
}

// The goldens show what each screen says; these check the facts behind them directly, so an
// -update cannot silently bless a wrong screen.
func TestScreensSayWhatHappened(t *testing.T) {
	want := map[string][]string{
		"login":  {"Endpoint", testEndpoint, "User", "demo", "Password", "enter log in"},
		"result": {"200 OK", `"balance": 3250`, "FRESH", "demo on 127.0.0.1:1", "last 200 ok", "✓ logged in"},
		"unauthorized": {"✗ token rejected although valid", "gave up: logging in again was refused: Invalid credentials",
			"✗ Unauthorized · at 2:3", "REJECTED", "last 200 unauthorized"},
		"headers": {"Headers ✗ line 2: Authorization is the session's token", "X-Tenant: acme"},
		"help":    {"Keys", "esc or f1 closes", "ctrl+r", "run", "ctrl+c", "quit"},
	}
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			f := newFixture(t, mockapi.DemoPassword)
			d := newDriver(t, f, f.options(), 200, 50)
			s.reach(d)
			v := d.m.View()
			for _, w := range want[s.name] {
				if !strings.Contains(v, w) {
					t.Errorf("the %s screen lacks %q:\n%s", s.name, w, v)
				}
			}
		})
	}
}

func TestHelpOverlayOpensAndCloses(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	d.login()
	normal := d.m.View()
	d.send(uitest.Key("f1"))
	if !d.m.helpOpen || !strings.Contains(d.m.View(), "esc or f1 closes") {
		t.Fatal("f1 did not open the help")
	}
	// While help is up, keys are swallowed: ctrl+r must not send anything.
	before := f.api.Stats().Requests
	if cmd := d.send(uitest.Key("ctrl+r")); cmd != nil || f.api.Stats().Requests != before {
		t.Fatal("ctrl+r acted behind the help overlay")
	}
	for _, k := range []tea.KeyMsg{uitest.Key("esc"), uitest.Key("f1"), uitest.Key("q")} {
		d.send(uitest.Key("f1"))
		d.send(k)
		if d.m.helpOpen {
			t.Fatalf("%v did not close the help", k)
		}
	}
	if d.m.View() != normal {
		t.Fatal("the screen changed after opening and closing the help")
	}
}

// A single letter goes to the focused text field, never to the app: q types q.
func TestLettersGoToTheEditor(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	d.login()
	if cmd := d.send(uitest.Key("q")); cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while the editor had focus")
		}
	}
	ws, _ := d.m.Workspace()
	if !strings.HasPrefix(ws.Query(), "q") || ws.Query() == balanceQuery {
		t.Fatalf("q did not reach the editor: %q", ws.Query()[:10])
	}
}

func TestLoginFailureStaysOnForm(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	opts := f.options()
	opts.Login.Password = "not-the-password"
	d := newDriver(t, f, opts, 80, 24)
	d.login()
	if d.m.Screen() != "login" {
		t.Fatalf("a refused login moved to %s", d.m.Screen())
	}
	if v := d.m.View(); !strings.Contains(v, "login refused") {
		t.Fatalf("the form does not show the refusal:\n%s", v)
	}
	if d.m.login.Busy() {
		t.Fatal("the form stayed busy after the refusal")
	}
	if got := f.api.Stats().FailedLogins; got != 1 {
		t.Fatalf("the fake API refused %d logins, want 1", got)
	}
}

// The keys to get help and to quit must be findable at the sizes people use: help truncates from
// its end, so they must not come last.
func TestGlobalKeysAlwaysInHelp(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, s := range screens {
			f := newFixture(t, mockapi.DemoPassword)
			d := newDriver(t, f, f.options(), size[0], size[1])
			s.reach(d)
			v := d.m.View()
			lines := strings.Split(v, "\n")
			helpText := lines[len(lines)-1]
			want := []string{"f1 help", "ctrl+c quit"}
			if d.m.helpOpen {
				helpText, want = v, []string{"f1", "help", "ctrl+c", "quit"}
			}
			for _, w := range want {
				if !strings.Contains(helpText, w) {
					t.Errorf("%s at %dx%d: help lacks %q:\n%s", s.name, size[0], size[1], w, helpText)
				}
			}
		}
	}
}
