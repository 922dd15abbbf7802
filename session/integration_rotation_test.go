package session_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/tokenstore"
)

// everyResponse is the hard server: a fresh token on every authorized response, whole-second
// claims (the test clock never moves, so every token ties on iat and exp), old ones refused at once.
var everyResponse = mockapi.Config{Rotate: true, Strict: true}

// logCounts counts the fake's own log: logins, refusals, authorized requests.
func logCounts(srv *mockapi.Server) (logins, refused, authorized int) {
	c := mockapi.CountLog(srv.Log())
	return c[mockapi.LogLogin], c[mockapi.LogRefused], c[mockapi.LogAuthorized]
}

// The bug of issue 9: a rotated token tying the current one on iat and exp was ignored, so every
// request after the first paid a refusal, a login and a replay. By the chain rule each response
// to the current token supersedes it.
func TestMockEveryResponseRotationFollowsTheChain(t *testing.T) {
	srv, s, _ := start(t, everyResponse)
	login := mustLogin(t, s, demoUser())
	if _, _, err := s.Introspect(context.Background()); err != nil {
		t.Fatal(err) // the request right after login that started the cycle
	}
	const n = 20
	for range n {
		if res := run(t, s); res.Replayed || res.ReLoggedIn {
			t.Fatalf("replayed=%v relogged=%v", res.Replayed, res.ReLoggedIn)
		}
	}
	logins, refused, authorized := logCounts(srv)
	if logins != 1 || refused != 0 || authorized != n+1 {
		t.Fatalf("fake's log: %d logins, %d refused, %d authorized", logins, refused, authorized)
	}
	cur, _ := s.Token()
	if cur.Rotations != n+1 || !cur.ExpiresAt.Equal(login.ExpiresAt) || !cur.IssuedAt.Equal(login.IssuedAt) {
		t.Fatalf("rotations %d (want %d); the test needs tying claims: exp %v/%v", cur.Rotations, n+1, cur.ExpiresAt, login.ExpiresAt)
	}
	if got := len(kinds(s, session.Rotated)); got != n+1 {
		t.Fatalf("%d Rotated events, want %d", got, n+1)
	}
}

// kinds returns the timeline's events of one kind.
func kinds(s *session.Session, k session.EventKind) []session.Event {
	var out []session.Event
	for _, e := range s.Timeline() {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

// holdRotations delays every rotation (an answer to a request with a token that carries a token)
// until release is closed; the first
// batch of requests goes out together, so they carry the same token.
type holdRotations struct {
	*gate
	release chan struct{}
}

func (h holdRotations) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := h.gate.RoundTrip(r)
	if err != nil || resp.Header.Get("X-Authorization") == "" || r.Header.Get("Authorization") == "" {
		return resp, err
	}
	select {
	case <-h.release:
		return resp, nil
	case <-r.Context().Done():
		resp.Body.Close()
		return nil, r.Context().Err()
	}
}

// Two requests carry the current token; the server answers one with its successor (held back on
// the wire) and refuses the other, which is handled first. The refusal must wait for the other
// request instead of logging in, then replay with the token it brought.
func TestMockRefusalWaitsForRequestsInFlight(t *testing.T) {
	g := newGate()
	hold := holdRotations{gate: g, release: make(chan struct{})}
	srv, s, _ := startWith(t, everyResponse, func(c *session.Config) { c.BaseTransport = hold })
	mustLogin(t, s, demoUser())
	go func() {
		for e := range s.Events() {
			// The refusal has decided: it waits (right) or logs in (wrong). Only now does the
			// successor arrive.
			if e.Kind == session.AwaitingInFlight || e.Kind == session.RefreshStarted {
				close(hold.release)
				return
			}
		}
	}()
	g.collect(2, nil)
	results, errs := runAll(s, 2)
	checkAllSucceeded(t, results, errs)
	logins, refused, _ := logCounts(srv)
	if logins != 1 || refused != 1 {
		t.Fatalf("fake's log: %d logins, %d refused; want 1 and 1", logins, refused)
	}
	for i, r := range results {
		if r.ReLoggedIn {
			t.Fatalf("request %d logged in again", i)
		}
	}
}

// Two sessions on one token file, as two processes would be. Each one's rotation revokes the
// token the other holds; the other's refusal re-reads the store and takes the newer token instead
// of logging in. Twenty alternations: still one login.
func TestMockSessionsSharingAStoreFollowEachOther(t *testing.T) {
	store := tokenstore.NewFile(filepath.Join(t.TempDir(), "tokens.json"))
	withStore := func(c *session.Config) { c.Store = store }
	srv, a, clk := startWith(t, everyResponse, withStore)
	b, err := session.New(session.Config{Endpoint: a.Endpoint(), Clock: clk, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	mustLogin(t, a, demoUser())
	if err := b.SetCredentials(demoUser()); err != nil {
		t.Fatal(err)
	}
	if _, ok := b.Restore(mockapi.DemoUsername); !ok {
		t.Fatal("b could not restore a's token")
	}
	const rounds = 20
	for i := range rounds {
		for _, s := range []*session.Session{a, b} {
			if res := run(t, s); res.ReLoggedIn {
				t.Fatalf("round %d: logged in again", i)
			}
		}
	}
	logins, refused, authorized := logCounts(srv)
	if logins != 1 {
		t.Fatalf("fake's log: %d logins, want 1 (%d refused)", logins, refused)
	}
	if authorized != 2*rounds {
		t.Fatalf("%d authorized requests, want %d", authorized, 2*rounds)
	}
	if got := len(kinds(b, session.Rotated)); got < rounds {
		t.Fatalf("b adopted %d tokens, want at least %d (its own and a's from the store)", got, rounds)
	}
}

// A response to a request sent with an earlier token, tying the current one, is not adopted, and
// the timeline says so and why.
func TestMockIgnoredRotationIsInTheTimeline(t *testing.T) {
	g := newGate()
	_, s, _ := startWith(t, mockapi.Config{Rotate: true}, func(c *session.Config) { c.BaseTransport = g })
	mustLogin(t, s, demoUser())
	g.collect(2, nil) // both carry the login's token; not strict, so both are answered
	results, errs := runAll(s, 2)
	checkAllSucceeded(t, results, errs)
	ignored := kinds(s, session.RotationIgnored)
	if len(ignored) != 1 || len(kinds(s, session.Rotated)) != 1 {
		t.Fatalf("ignored %d, adopted %d; want 1 and 1: %v", len(ignored), len(kinds(s, session.Rotated)), s.Timeline())
	}
	if e := ignored[0]; e.Fingerprint == "" || e.ExchangeID == 0 || e.Message == "" {
		t.Fatalf("ignored rotation event lacks detail: %+v", e)
	}
}
