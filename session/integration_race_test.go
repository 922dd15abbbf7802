package session_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// gate is a BaseTransport that turns races the network produces only sometimes into races that
// happen on every run, so the concurrency tests can assert exact counts without being flaky:
//   - after collect(n), the next n requests wait for each other and then go out together, so
//     they all reach the server carrying the same token;
//   - when collect is given a hold channel, answers of that batch that carry no token header
//     are delivered only once hold is closed (a slow network path, as in reliability.md §2).
type gate struct {
	base *http.Transport

	mu      sync.Mutex
	pending int           // requests still to join the current batch
	full    chan struct{} // closed when the batch is complete
	hold    chan struct{} // token-less answers of the batch wait for it (nil: no wait)
}

// newGate returns a gate over a transport of its own; startWith closes its idle connections.
func newGate() *gate {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = 64
	return &gate{base: base}
}

// CloseIdleConnections closes the idle connections of the underlying transport.
func (g *gate) CloseIdleConnections() { g.base.CloseIdleConnections() }

// collect makes the next n requests a batch.
func (g *gate) collect(n int, hold chan struct{}) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pending, g.full, g.hold = n, make(chan struct{}), hold
}

// RoundTrip implements http.RoundTripper.
func (g *gate) RoundTrip(r *http.Request) (*http.Response, error) {
	g.mu.Lock()
	var full, hold chan struct{}
	if g.pending > 0 {
		full, hold = g.full, g.hold
		if g.pending--; g.pending == 0 {
			close(g.full)
		}
	}
	g.mu.Unlock()
	ctx := r.Context()
	if full != nil {
		select {
		case <-full:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	resp, err := g.base.RoundTrip(r)
	if err != nil || hold == nil || resp.Header.Get("X-Authorization") != "" || resp.Header.Get("Authorization") != "" {
		return resp, err
	}
	select {
	case <-hold:
		return resp, nil
	case <-ctx.Done():
		resp.Body.Close()
		return nil, ctx.Err()
	}
}

// closeOnRotation closes the returned channel once the session has adopted a rotated token.
// It reads the Events channel, which Close closes, so the goroutine ends with the session.
func closeOnRotation(s *session.Session) chan struct{} {
	ch := make(chan struct{})
	go func() {
		done := false
		for e := range s.Events() {
			if e.Kind == session.Rotated && !done {
				done = true
				close(ch)
			}
		}
	}()
	return ch
}

// runAll runs n copies of the cards query at once and returns their results and errors.
func runAll(s *session.Session, n int) ([]*session.Result, []error) {
	results, errs := make([]*session.Result, n), make([]error, n)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-release
			results[i], errs[i] = s.Execute(context.Background(), session.Request{Query: cardsQuery, OperationName: "Cards"})
		})
	}
	close(release)
	wg.Wait()
	return results, errs
}

// checkAllSucceeded fails unless every result is a clean answer.
func checkAllSucceeded(t *testing.T, results []*session.Result, errs []error) {
	t.Helper()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if r := results[i]; r.EnvelopeErr != nil || len(r.Envelope.Errors) > 0 || !r.Envelope.HasData {
			t.Fatalf("request %d: %v %+v", i, r.EnvelopeErr, r.Envelope.Errors)
		}
	}
}

// Strict rotation raced by 20 requests carrying the same token: one is answered with the
// successor, the other 19 are refused as superseded. Those answers reach the session after it
// adopted the successor, so each is a stale Unauthorized: replayed with the new token, no login.
func TestMockStrictRotationRace(t *testing.T) {
	const n = 20
	g := newGate()
	srv, s, clk := startWith(t, mockapi.Config{RotateAfter: 5 * time.Minute, Strict: true},
		func(c *session.Config) { c.BaseTransport = g })
	old := mustLogin(t, s, demoUser())
	clk.advance(6 * time.Minute)
	g.collect(n, closeOnRotation(s))
	results, errs := runAll(s, n)
	checkAllSucceeded(t, results, errs)

	cur, _ := s.Token()
	if cur.Raw() == old.Raw() || cur.Rotations != 1 {
		t.Fatalf("rotations = %d", cur.Rotations)
	}
	st := srv.Stats()
	if st.Logins != 1 || st.Rotations != 1 || st.Unauthorized != n-1 || st.UnauthorizedReasons["superseded"] != n-1 {
		t.Fatalf("logins=%d rotations=%d unauthorized=%v", st.Logins, st.Rotations, st.UnauthorizedReasons)
	}
	replayed := 0
	for _, r := range results {
		if r.ReLoggedIn {
			t.Fatal("a stale Unauthorized caused a login")
		}
		if !r.Replayed {
			continue
		}
		replayed++
		if d := r.Diagnosis; d == nil || d.SentFingerprint != old.Fingerprint || d.Action != "replayed with a newer token" {
			t.Fatalf("diagnosis = %+v", d)
		}
		if ex := exchangeByID(t, s, r.ExchangeIDs[1]); ex.SentFingerprint != cur.Fingerprint {
			t.Fatalf("replay sent fp %q, want %q", ex.SentFingerprint, cur.Fingerprint)
		}
	}
	if replayed != n-1 {
		t.Fatalf("replayed = %d, want %d", replayed, n-1)
	}
}

// Fifty queries at the instant the token expires wait for one shared login; none sends the
// expired token.
func TestMockBurstAtExpiry(t *testing.T) {
	const n = 50
	srv, s, clk := start(t, mockapi.Config{})
	old := mustLogin(t, s, demoUser())
	clk.advance(old.ExpiresAt.Sub(clk.Now()))
	results, errs := runAll(s, n)
	checkAllSucceeded(t, results, errs)
	st := srv.Stats()
	if st.Logins != 2 || st.Unauthorized != 0 {
		t.Fatalf("logins=%d unauthorized=%v", st.Logins, st.UnauthorizedReasons)
	}
	for _, ex := range s.Exchanges() {
		if ex.SentFingerprint == old.Fingerprint {
			t.Fatalf("exchange %d sent the expired token", ex.ID)
		}
	}
}

// Fifty queries carrying a token revoked meanwhile are all refused (200 or 401); they share
// one re-login and every one succeeds on its replay.
func TestMockBurstAfterRevoke(t *testing.T) {
	const n = 50
	for _, status := range []int{http.StatusOK, http.StatusUnauthorized} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			g := newGate()
			srv, s, _ := startWith(t, mockapi.Config{UnauthStatus: status}, func(c *session.Config) { c.BaseTransport = g })
			old := mustLogin(t, s, demoUser())
			srv.RevokeTokens()
			g.collect(n, nil)
			results, errs := runAll(s, n)
			checkAllSucceeded(t, results, errs)
			st := srv.Stats()
			if st.Logins != 2 || st.UnauthorizedReasons["revoked"] != n || st.Unauthorized != n {
				t.Fatalf("logins=%d unauthorized=%v", st.Logins, st.UnauthorizedReasons)
			}
			for i, r := range results {
				d := r.Diagnosis
				if !r.Replayed || d == nil || d.Cause != session.CauseRejectedWhileValid || d.SentFingerprint != old.Fingerprint {
					t.Fatalf("request %d: replayed=%v diagnosis=%+v", i, r.Replayed, d)
				}
			}
		})
	}
}
