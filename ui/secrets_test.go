package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// Canary secrets: distinctive, so any appearance on screen is a leak and not a coincidence.
const (
	canaryPassword = "canary-Pw-9d2f7c4e1b"
	canaryWrong    = "canary-wrong-3a8e5f"
	canaryRotated  = "canary-rotated-71c0d2"
)

// secretWindow is the shortest piece of a secret that counts as a leak: a view that cuts a token
// with "…" must not show a long run of it either.
const secretWindow = 10

// leakChecker looks for every secret seen so far in views.
type leakChecker struct {
	t       *testing.T
	secrets map[string]bool
	tokens  map[string]bool
}

// addToken records a token the session held.
func (l *leakChecker) addToken(raw string) {
	l.tokens[raw] = true
	l.add(raw)
}

// add records a secret; for a JWT each dot-separated segment is a secret of its own.
func (l *leakChecker) add(s string) {
	for _, part := range strings.Split(s, ".") {
		if len(part) >= secretWindow {
			l.secrets[part] = true
		}
	}
}

// leak returns a window of secretWindow bytes of a secret that occurs in view, or "".
func (l *leakChecker) leak(view string) string {
	for s := range l.secrets {
		for i := 0; i+secretWindow <= len(s); i++ {
			if strings.Contains(view, s[i:i+secretWindow]) {
				return s[i : i+secretWindow]
			}
		}
	}
	return ""
}

// check fails when view shows part of a secret.
func (l *leakChecker) check(where, view string) {
	l.t.Helper()
	if w := l.leak(view); w != "" {
		l.t.Fatalf("%s: the view shows %q, part of a secret:\n%s", where, w, view)
	}
}

// After logging in with a canary password, no screen at any size shows the password or any part
// of a token the session held: login (masked field, refused login), workspace with a result,
// full help, after a background refresh, and after an Unauthorized.
func TestNoSecretOnScreen(t *testing.T) {
	f := newFixture(t, canaryPassword)
	l := &leakChecker{t: t, secrets: map[string]bool{}, tokens: map[string]bool{}}
	for _, s := range []string{canaryPassword, canaryWrong, canaryRotated} {
		l.add(s)
	}
	opts := f.options()
	opts.Login.Password = canaryWrong
	d := newDriver(t, f, opts, 120, 40)

	// look checks the view at the current size and at a narrow and a wide one, collecting the
	// session's current token first.
	look := func(where string) {
		t.Helper()
		if d.m.sess != nil {
			if tok, ok := d.m.sess.Token(); ok {
				l.addToken(tok.Raw())
			}
		}
		for _, size := range [][2]int{{120, 40}, {60, 20}, {240, 60}} {
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			l.check(where, d.m.View())
			d.send(uitest.Key("f1"))
			l.check(where+" with help", d.m.View())
			d.send(uitest.Key("esc"))
		}
	}

	look("login form")
	d.login() // refused: the form keeps the wrong password
	if d.m.Screen() != "login" {
		t.Fatal("the wrong password was accepted")
	}
	look("refused login")

	// Retype the right password into the (focused) password field and log in.
	for range len(canaryWrong) {
		d.send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	for _, r := range canaryPassword {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	look("typed password")
	d.login()
	if d.m.Screen() != "workspace" {
		t.Fatal("the canary password was refused")
	}
	look("after login")
	d.run()
	look("result")

	f.clock.Advance(55 * time.Minute)
	d.send(tickMsg(f.clock.Now()))
	if err := d.m.sess.CheckRefresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.drainEvents()
	look("after a background refresh")

	f.api.RevokeTokens()
	f.api.UpdateConfig(func(c *mockapi.Config) { c.Password = canaryRotated })
	d.run()
	look("unauthorized")

	if n := len(l.tokens); n != 2 {
		t.Fatalf("the test saw %d tokens, want 2 (login and refresh)", n)
	}
	// The checker itself must be able to see a leak: a token cut short inside other text.
	for raw := range l.tokens {
		if l.leak("fp "+raw[len(raw)-secretWindow-3:len(raw)-1]+"…") == "" {
			t.Fatal("the leak checker missed a planted token fragment")
		}
	}
}
