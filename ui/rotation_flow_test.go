package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
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
	const queries = 20
	p := startProgramWith(t, opts, 120, 40)
	p.login()
	p.waitFor("1 rotation") // the introspection after login, adopted: the schema is in

	for range queries {
		p.tm.Send(uitest.Key("ctrl+r"))
		// The next ctrl+r only once this result is in: one sent while a request runs is not a run.
		select {
		case <-p.log.finished:
		case <-time.After(waitLimit):
			t.Fatal("a query's result never arrived")
		}
	}
	p.waitFor(fmt.Sprintf("%d rotations", queries+1))
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

// holdLogins answers through the fake API, holding every login while held is armed.
type holdLogins struct {
	api  http.Handler
	mu   sync.Mutex
	hold chan struct{}
}

func (h *holdLogins) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	hold := h.hold
	h.mu.Unlock()
	if hold != nil {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.Contains(body, []byte("loginUser")) {
			<-hold
		}
	}
	h.api.ServeHTTP(w, r)
}

// The session says when a refresh starts and ends, and the status bar, which reads the
// session's snapshot, says "refreshing" in between.
func TestStatusBarShowsARefreshInFlight(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	h := &holdLogins{api: f.api}
	opts := f.options()
	opts.Connect = func(endpoint string) (*session.Session, error) {
		s, err := session.New(session.Config{Endpoint: endpoint, Clock: f.clock,
			BaseTransport: uitest.HandlerTransport{Handler: h}, CheckInterval: time.Hour})
		if err == nil {
			f.mu.Lock()
			f.sessions = append(f.sessions, s)
			f.mu.Unlock()
		}
		return s, err
	}
	d := newDriver(t, f, opts, 120, 40)
	d.login()
	sess := f.session()
	release := make(chan struct{})
	h.mu.Lock()
	h.hold = release
	h.mu.Unlock()

	done := make(chan error, 1)
	go func() { _, err := sess.RefreshNow(context.Background()); done <- err }()
	// Relay events until the session says the refresh started: the bar must say so.
	for ev := range sess.Events() {
		d.send(sessionEventMsg{gen: d.m.sessGen, ev: ev})
		if ev.Kind == session.RefreshStarted {
			break
		}
	}
	if got := statusbar.Classify(d.m.statusSnapshot(), d.m.ctx.Now); got != statusbar.StateRefreshing {
		t.Fatalf("state during the refresh = %v, want refreshing", got)
	}
	if bar := statusbar.Render(d.m.ctx, d.m.statusSnapshot(), 120); !strings.Contains(bar, "REFRESHING") {
		t.Fatalf("status bar %q", bar)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	d.drainEvents()
	if got := statusbar.Classify(d.m.statusSnapshot(), d.m.ctx.Now); got != statusbar.StateFresh {
		t.Fatalf("state after the refresh = %v, want fresh", got)
	}
}
