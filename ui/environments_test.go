package ui

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/envpicker"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// prodEndpoint is the second fake's endpoint; envFixture routes it by host.
const prodEndpoint = "http://127.0.0.2:1/graphql"

const redeemMutation = `mutation Redeem($ref: String!) {
  createBalanceAdjustment(card_reference: $ref, value: -100, currency: "GBP",
                          merchant_id: 26, unit_epos_reference: "TILL-1") { id }
}
`

// envFixture is two fake APIs: staging on testEndpoint (the fixture's own) and a protected
// production on prodEndpoint.
type envFixture struct {
	*fixture
	prod *mockapi.Server
}

func newEnvFixture(t *testing.T) *envFixture {
	f := &envFixture{fixture: newFixture(t, mockapi.DemoPassword)}
	f.prod = mockapi.New(mockapi.Config{Now: f.clock.Now, SigningKey: []byte("ui-test-prod-key")})
	return f
}

// connect routes each session to the fake for its host.
func (f *envFixture) connect(endpoint string) (*session.Session, error) {
	router := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Host == "127.0.0.2:1" {
			f.prod.ServeHTTP(w, r)
			return
		}
		f.api.ServeHTTP(w, r)
	})
	s, err := session.New(session.Config{Endpoint: endpoint, Clock: f.clock,
		BaseTransport: uitest.HandlerTransport{Handler: router}, CheckInterval: time.Hour})
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions = append(f.sessions, s)
	return s, nil
}

func mustHeaders(t *testing.T, m map[string]string) []headers.Header {
	t.Helper()
	hs, problems := headers.FromMap(m)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return hs
}

func (f *envFixture) options(t *testing.T) Options {
	opts := f.fixture.options()
	opts.Connect = f.connect
	opts.Profile = "staging"
	opts.Profiles = []ProfileOption{
		{Identity: mockapi.DemoUsername, Workspace: workspace.Profile{Name: "production", Endpoint: prodEndpoint,
			Headers: mustHeaders(t, map[string]string{"X-Tenant": "prod-tenant"}), Protected: true}},
		{Identity: mockapi.DemoUsername, Workspace: workspace.Profile{Name: "staging", Endpoint: testEndpoint,
			Headers: mustHeaders(t, map[string]string{"X-Tenant": "staging-tenant"})}},
	}
	opts.TokenStored = func(endpoint, _ string) bool { return endpoint == testEndpoint }
	return opts
}

// deliver runs cmd and sends every message it produces back to the model, recursively, except
// the long-lived session commands (they return nil here).
func (d *driver) deliver(cmd tea.Cmd) {
	for _, msg := range uitest.Messages(cmd) {
		if msg == nil {
			continue
		}
		d.deliver(d.send(msg))
	}
}

// tokenCarrying are the requests a fake received with a token (not the login).
func tokenCarrying(srv *mockapi.Server) []mockapi.Received {
	var out []mockapi.Received
	for _, r := range srv.Received() {
		if r.Header.Get("Authorization") != "" {
			out = append(out, r)
		}
	}
	return out
}

func TestEnvironmentPickerGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("picker_%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newEnvFixture(t)
			d := newDriver(t, f.fixture, f.options(t), size[0], size[1])
			d.login()
			d.deliver(d.send(uitest.Key("f7")))
			if _, ok := common.Unwrap[envpicker.Model](d.m.overlay); !ok {
				t.Fatal("f7 did not open the environment picker")
			}
			v := d.m.View()
			checkFits(t, v, size[0], size[1])
			for _, want := range []string{"production", prodEndpoint, "⚠ protected", "● staging", "✓ in use", "login needed", "[staging]"} {
				if !strings.Contains(v, want) {
					t.Errorf("the picker lacks %q:\n%s", want, v)
				}
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestSwitchEnvironmentSendsNothingAcross(t *testing.T) {
	f := newEnvFixture(t)
	d := newDriver(t, f.fixture, f.options(t), 120, 40)
	d.login()
	d.run()
	staging := tokenCarrying(f.api)
	if len(staging) != 1 || staging[0].Header.Get("X-Tenant") != "staging-tenant" {
		t.Fatalf("staging received %v", staging)
	}
	stagingAuth := staging[0].Header.Get("Authorization")

	// f7, down to production (the list is in the order given: production first), enter.
	d.deliver(d.send(uitest.Key("f7")))
	d.send(uitest.Key("up"))
	d.deliver(d.send(uitest.Key("enter")))
	if d.m.screen != screenLogin || !strings.Contains(d.m.View(), prodEndpoint) {
		t.Fatalf("with no stored token the switch should ask for a login on production:\n%s", d.m.View())
	}
	if !strings.Contains(d.m.View(), "⚠ production (protected)") && !strings.Contains(d.m.statusLine(), "production") {
		t.Errorf("the status bar does not name the protected profile: %s", d.m.statusLine())
	}
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(mockapi.DemoPassword), Paste: true})
	d.login()
	if d.m.screen != screenWorkspace || d.m.sess.Endpoint() != prodEndpoint {
		t.Fatalf("not on production after the login: %s", d.m.View())
	}
	if !strings.Contains(d.m.statusLine(), "⚠ production (protected)") {
		t.Errorf("status bar: %s", d.m.statusLine())
	}
	d.run() // a query runs without confirmation
	prod := tokenCarrying(f.prod)
	if len(prod) != 1 {
		t.Fatalf("production received %d requests, want 1", len(prod))
	}
	if got := prod[0].Header.Get("X-Tenant"); got != "prod-tenant" {
		t.Errorf("production got X-Tenant %q", got)
	}
	if prod[0].Header.Get("Authorization") == stagingAuth {
		t.Error("staging's token was sent to production")
	}
	if n := len(tokenCarrying(f.api)); n != 1 {
		t.Errorf("staging received %d token-carrying requests after the switch", n-1)
	}
	for _, r := range f.prod.Received() {
		if r.Header.Get("X-Tenant") == "staging-tenant" {
			t.Error("staging's header reached production")
		}
	}
}

func TestProtectedMutationNeedsTheProfileName(t *testing.T) {
	f := newEnvFixture(t)
	opts := f.options(t)
	opts.Profile = "production"
	opts.Login.Endpoint = prodEndpoint
	opts.Workspace = workspace.Options{Query: redeemMutation, Variables: `{"ref": "` + mockapi.SeedCardFresh + `"}`}
	d := newDriver(t, f.fixture, opts, 80, 24)
	d.login()
	before := f.prod.Stats().Requests
	d.deliver(d.send(uitest.Key("ctrl+r")))
	if d.m.dialog.input == nil {
		t.Fatal("ctrl+r on a protected profile's mutation opened no confirmation")
	}
	box := d.m.View()
	for _, want := range []string{"production is protected", "Redeem", "127.0.0.2:1", mockapi.SeedCardFresh} {
		if !strings.Contains(strings.ReplaceAll(box, "\n", " "), want) && !strings.Contains(box, want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, box)
		}
	}
	golden.RequireEqual(t, []byte(box))
	// A wrong name keeps the dialog open and sends nothing.
	d.typeText("prod")
	d.deliver(d.send(uitest.Key("enter")))
	if d.m.dialog.input == nil || f.prod.Stats().Requests != before {
		t.Fatal("a wrong name closed the dialog or sent the mutation")
	}
	// esc cancels: nothing sent.
	d.deliver(d.send(uitest.Key("esc")))
	if d.m.dialog.open() || f.prod.Stats().Requests != before {
		t.Fatal("esc did not cancel")
	}
	// The right name sends it.
	d.deliver(d.send(uitest.Key("ctrl+r")))
	d.typeText("production")
	var finished int
	for _, submitted := range uitest.Messages(d.send(uitest.Key("enter"))) {
		for _, msg := range uitest.Messages(d.send(submitted)) {
			if rf, ok := msg.(workspace.RunFinishedMsg); ok {
				finished++
				d.send(d.fixTimes(rf))
			}
		}
	}
	if finished != 1 || f.prod.Stats().Requests != before+1 {
		t.Fatalf("the confirmed mutation was not sent once (%d results, %d requests)", finished, f.prod.Stats().Requests-before)
	}
	ws, _ := d.m.Workspace()
	if body := string(ws.Results().Document().Bytes()); !strings.Contains(body, `"id"`) {
		t.Fatalf("the mutation's result: %s", body)
	}
}

func TestEnvironmentPickerFromTheLoginForm(t *testing.T) {
	f := newEnvFixture(t)
	d := newDriver(t, f.fixture, f.options(t), 80, 24)
	d.deliver(d.send(uitest.Key("f7")))
	if _, ok := common.Unwrap[envpicker.Model](d.m.overlay); !ok {
		t.Fatal("f7 on the login form did not open the picker")
	}
	d.send(uitest.Key("up"))
	d.deliver(d.send(uitest.Key("enter")))
	if d.m.screen != screenLogin || d.m.profile.Name != "production" || !strings.Contains(d.m.View(), prodEndpoint) {
		t.Fatalf("the login form is not for production:\n%s", d.m.View())
	}
	if n := len(f.api.Received()) + len(f.prod.Received()); n != 0 {
		t.Fatalf("%d requests before any login", n)
	}
}

func TestNewTabsSendTheProfilesHeaders(t *testing.T) {
	f := newEnvFixture(t)
	d := newDriver(t, f.fixture, f.options(t), 120, 40)
	d.login()
	d.send(uitest.Key("ctrl+t"))
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("query P { Products(account_id: 1) { id } }"), Paste: true})
	d.run()
	reqs := tokenCarrying(f.api)
	if len(reqs) != 1 || reqs[0].Header.Get("X-Tenant") != "staging-tenant" {
		t.Fatalf("a new tab did not send the profile's headers: %v", reqs)
	}
}
