package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// memoryStore is a TokenStore in memory, shared by the sessions of one test.
type memoryStore struct {
	mu    sync.Mutex
	saved map[string]session.StoredToken
}

func (s *memoryStore) Load(endpoint string) (session.StoredToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.saved[endpoint]
	if !ok {
		return st, session.ErrNotStored
	}
	return st, nil
}

func (s *memoryStore) Save(endpoint string, t session.StoredToken) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saved == nil {
		s.saved = map[string]session.StoredToken{}
	}
	s.saved[endpoint] = t
	return nil
}

func (s *memoryStore) Delete(endpoint string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.saved, endpoint)
	return nil
}

func (s *memoryStore) Where() string { return "memory" }

// startWith builds the app with AutoLogin and runs what Init starts, as the program would.
func startWith(t *testing.T, f *fixture, store session.TokenStore, password string) *driver {
	t.Helper()
	opts := f.options()
	opts.AutoLogin = true
	opts.Login.Password = password
	opts.Connect = func(endpoint string) (*session.Session, error) {
		return session.New(session.Config{Endpoint: endpoint, Clock: f.clock, Store: store,
			BaseTransport: uitest.HandlerTransport{Handler: f.api}, CheckInterval: time.Hour})
	}
	d := newDriver(t, f, opts, 100, 30)
	for _, msg := range uitest.Messages(d.m.Init()) {
		d.send(msg)
	}
	d.drainEvents()
	t.Cleanup(d.m.Close)
	return d
}

// The TUI starts in the workspace with a password it was given (TOGGLE_PASSWORD,
// --password-stdin), without the form asking for it.
func TestStartLogsInWithTheGivenPassword(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := startWith(t, f, &memoryStore{}, mockapi.DemoPassword)
	if d.m.Screen() != "workspace" {
		t.Fatalf("screen %s, want the workspace:\n%s", d.m.Screen(), d.m.View())
	}
	if got := f.api.Stats().Logins; got != 1 {
		t.Fatalf("%d logins, want 1", got)
	}
}

// A valid stored token for the endpoint and user is enough: no password, no login.
func TestStartUsesTheStoredToken(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	store := &memoryStore{}
	first := startWith(t, f, store, mockapi.DemoPassword)
	if first.m.Screen() != "workspace" {
		t.Fatal("the first start did not log in")
	}
	first.m.Close() // saves the token
	if _, err := store.Load(testEndpoint); err != nil {
		t.Fatalf("nothing stored: %v", err)
	}
	logins := f.api.Stats().Logins
	d := startWith(t, f, store, "")
	if d.m.Screen() != "workspace" {
		t.Fatalf("screen %s with a valid stored token:\n%s", d.m.Screen(), d.m.View())
	}
	if got := f.api.Stats().Logins; got != logins {
		t.Fatalf("logged in again (%d → %d) despite the stored token", logins, got)
	}
}

// With neither a stored token nor a password the form asks, idle and saying why.
func TestStartShowsTheFormWithoutTokenOrPassword(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := startWith(t, f, &memoryStore{}, "")
	if d.m.Screen() != "login" || d.m.login.Busy() {
		t.Fatalf("screen %s busy %v, want the idle form", d.m.Screen(), d.m.login.Busy())
	}
	if v := d.m.View(); !containsAll(v, "No valid stored token", "Password") {
		t.Fatalf("the form does not say why it asks:\n%s", v)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// A session living on a stored token alone cannot log in again by itself: when the server refuses
// that token, the notice says how the user can, before the diagnosis.
func TestRefusedStoredTokenSaysHowToLogInAgain(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	store := &memoryStore{}
	first := startWith(t, f, store, mockapi.DemoPassword)
	first.m.Close() // saves the token
	d := startWith(t, f, store, "")
	if d.m.Screen() != "workspace" {
		t.Fatalf("screen %s with a valid stored token", d.m.Screen())
	}
	f.api.RevokeTokens()
	d.run()
	if n := d.m.noticeLine(); !strings.Contains(n, "f2, then L, to log in again") || !strings.Contains(n, "rejected") {
		t.Fatalf("notice = %q", n)
	}
}
