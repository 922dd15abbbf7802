package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/statusbar"
)

// The TUI against the hardest server issue 9 names, over real HTTP: a fresh token on every
// authorized response, whole-second claims (the clock never moves, so every token ties the
// previous one on iat and exp), and the old token refused at once. The introspection right after
// login and twenty queries must cost one login and not a single refusal, by the fake's own log,
// while the status bar counts every rotation.
func TestFlowTwentyQueriesUnderRotationOnEveryResponse(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	f.api = mockapi.New(mockapi.Config{Now: f.clock.Now, Rotate: true, Strict: true, SigningKey: []byte("ui-test-signing-key")})
	url, stop, err := f.api.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	opts := f.options()
	opts.Login.Endpoint = url
	opts.Connect = func(endpoint string) (*session.Session, error) {
		s, err := session.New(session.Config{Endpoint: endpoint, Clock: f.clock, CheckInterval: time.Hour})
		if err == nil {
			f.mu.Lock()
			f.sessions = append(f.sessions, s)
			f.mu.Unlock()
		}
		return s, err
	}
	p := startProgramWith(t, opts, 120, 40)
	p.login()
	p.waitFor("1 rotation") // the introspection after login, adopted: the schema is in

	const queries = 20
	for i := range queries {
		p.tm.Send(uitest.Key("ctrl+r"))
		p.waitFor(fmt.Sprintf("%d rotations", i+2))
	}
	m := p.quit()

	log := f.api.Log()
	counts := mockapi.CountLog(log)
	if counts[mockapi.LogLogin] != 1 || counts[mockapi.LogRefused] != 0 || counts[mockapi.LogAuthorized] != queries+1 {
		t.Fatalf("fake's log %v; want 1 login, 0 refused, %d authorized", counts, queries+1)
	}
	// The session's token is the last one the server handed out, and the bar says so.
	if last := log[len(log)-1]; m.snap.Token.Fingerprint != last.Issued {
		t.Fatalf("the UI shows fp %s, the server last issued %s", m.snap.Token.Fingerprint, last.Issued)
	}
	bar := statusbar.Render(m.ctx, m.statusSnapshot(), 200)
	if want := fmt.Sprintf("%d rotations", queries+1); !strings.Contains(bar, want) || !strings.Contains(bar, "FRESH") {
		t.Fatalf("status bar %q lacks %q", bar, want)
	}
}
