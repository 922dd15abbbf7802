package session

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Property 7 with the 1/6 rule: 60-minute token, refresh due below 10 minutes left.
func TestCheckRefreshWindow(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	first := mustLogin(t, s, demoCreds(f))
	clock.Advance(50*time.Minute - time.Second) // 10m01s left: not due
	if err := s.CheckRefresh(context.Background()); err != nil || f.logins.Load() != 1 {
		t.Fatalf("refreshed too early: logins=%d err=%v", f.logins.Load(), err)
	}
	clock.Advance(2 * time.Second) // 9m59s left: due
	if err := s.CheckRefresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.logins.Load() != 2 {
		t.Fatalf("logins = %d, want 2", f.logins.Load())
	}
	if err := s.CheckRefresh(context.Background()); err != nil || f.logins.Load() != 2 {
		t.Fatal("a fresh token was refreshed again")
	}
	now, _ := s.Token()
	if now.Raw() == first.Raw() || len(eventsOf(s, Refreshed)) != 1 {
		t.Fatalf("token not replaced or no Refreshed event: %v", s.Timeline())
	}
}

// Property 9: failed refreshes keep the still-valid token, back off, and stop after the bound.
func TestRefreshFailuresKeepTokenAndBackOff(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	var failing atomic.Bool
	f.loginHook = func(w http.ResponseWriter, _ *http.Request) bool {
		if failing.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return true
		}
		return false
	}
	s, _ := newTestSession(t, f, clock, func(c *Config) {
		c.RefreshMinDelay, c.RefreshBackoff, c.RefreshRetries = 30*time.Second, 30*time.Second, 3
	})
	tok := mustLogin(t, s, demoCreds(f))
	failing.Store(true)
	clock.Advance(51 * time.Minute)
	attempts := func() int32 { return f.logins.Load() - 1 }

	if err := s.CheckRefresh(context.Background()); err == nil {
		t.Fatal("want a refresh error")
	}
	if attempts() != 1 {
		t.Fatalf("attempts = %d", attempts())
	}
	clock.Advance(29 * time.Second) // inside the 30 s floor: no attempt
	_ = s.CheckRefresh(context.Background())
	if attempts() != 1 {
		t.Fatalf("retried within the minimum delay: %d attempts", attempts())
	}
	// Over the rest of the token's life, attempts stay bounded by RefreshRetries.
	for range 8 * 60 / 5 {
		clock.Advance(5 * time.Second)
		_ = s.CheckRefresh(context.Background())
	}
	if attempts() != 3 {
		t.Fatalf("attempts = %d, want exactly RefreshRetries=3", attempts())
	}
	if cur, ok := s.Token(); !ok || cur.Raw() != tok.Raw() {
		t.Fatal("a failed refresh discarded the valid token")
	}
	if n := len(eventsOf(s, RefreshFailed)); n != 3 {
		t.Fatalf("RefreshFailed events = %d", n)
	}
	// Queries keep working with the valid token meanwhile.
	if _, err := s.Execute(context.Background(), hello()); err != nil {
		t.Fatal(err)
	}
	// Once the server recovers, the next request near expiry logs in first.
	failing.Store(false)
	clock.Advance(time.Hour - 51*time.Minute - 8*time.Minute - 29*time.Second - 5*time.Second)
	if _, err := s.Execute(context.Background(), hello()); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.Token(); cur.Raw() == tok.Raw() {
		t.Fatal("no login after recovery")
	}
}

func TestBackoffBounds(t *testing.T) {
	s, err := New(Config{Endpoint: "http://127.0.0.1:1/", RefreshBackoff: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for n := 1; n <= 12; n++ {
		for range 50 {
			d := s.backoff(n)
			if d < 30*time.Second || d > maxRefreshBackoff {
				t.Fatalf("backoff(%d) = %v", n, d)
			}
		}
	}
}

// Property 8: the wall clock jumps 2 h (suspend); the next request logs in first and never sends
// the expired token; the age reads about 2 h.
func TestWallClockJump(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	old := mustLogin(t, s, demoCreds(f))
	clock.Advance(2 * time.Hour)
	if age := old.Age(clock.Now()); age != 2*time.Hour {
		t.Fatalf("age = %v", age)
	}
	if _, err := s.Execute(context.Background(), hello()); err != nil {
		t.Fatal(err)
	}
	for _, tok := range f.sentTokens() {
		if tok == old.Raw() {
			t.Fatal("the expired token was sent")
		}
	}
	if f.logins.Load() != 2 {
		t.Fatalf("logins = %d", f.logins.Load())
	}
}

// After the jump, the background check announces the expiry and refreshes at once.
func TestCheckRefreshAfterWallJump(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	mustLogin(t, s, demoCreds(f))
	clock.Advance(2 * time.Hour)
	if err := s.CheckRefresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(eventsOf(s, Expired)) != 1 || f.logins.Load() != 2 {
		t.Fatalf("timeline %v logins %d", s.Timeline(), f.logins.Load())
	}
}

// F3 / Property 10: the caller that triggered the login gives up; the shared login still
// completes and the other waiter gets the token.
func TestLoginNotCancelledByOneCaller(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	release := make(chan struct{})
	started := make(chan struct{}, 4)
	f.loginHook = func(http.ResponseWriter, *http.Request) bool {
		started <- struct{}{}
		<-release
		return false
	}
	s, _ := newTestSession(t, f, clock, nil)
	if err := s.SetCredentials(demoCreds(f)); err != nil {
		t.Fatal(err)
	}
	ctx1, cancel1 := context.WithCancel(context.Background())
	err1 := make(chan error, 1)
	go func() { _, err := s.Execute(ctx1, hello()); err1 <- err }()
	<-started
	err2 := make(chan error, 1)
	go func() { _, err := s.Execute(context.Background(), hello()); err2 <- err }()
	cancel1() // Esc on the first query
	if err := <-err1; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller: %v", err)
	}
	close(release)
	if err := <-err2; err != nil {
		t.Fatalf("other caller: %v", err)
	}
	if f.logins.Load() != 1 {
		t.Fatalf("logins = %d, want 1 shared login", f.logins.Load())
	}
}

// F17: a login that never answers fails every waiter by the login deadline.
func TestLoginThatNeverAnswers(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	block := make(chan struct{})
	defer close(block)
	f.loginHook = func(http.ResponseWriter, *http.Request) bool { <-block; return true }
	s, _ := newTestSession(t, f, clock, func(c *Config) { c.LoginTimeout = 200 * time.Millisecond })
	if err := s.SetCredentials(demoCreds(f)); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 5)
	for range 5 {
		go func() { _, err := s.Execute(context.Background(), hello()); errs <- err }()
	}
	for range 5 {
		select {
		case err := <-errs:
			var te *TransportError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), "login did not answer in time") {
				t.Fatalf("err = %v", err)
			}
		case <-time.After(5 * time.Second): // a hang guard, not a timing assertion
			t.Fatal("callers still waiting long after the login deadline")
		}
	}
}

func TestExpiringSoonWithoutCredentials(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	if _, err := s.UseToken("Bearer "+f.mint(), "pasted"); err != nil {
		t.Fatal(err)
	}
	clock.Advance(51 * time.Minute)
	for range 3 {
		_ = s.CheckRefresh(context.Background())
	}
	if len(eventsOf(s, ExpiringSoon)) != 1 || f.logins.Load() != 0 {
		t.Fatalf("timeline %v", s.Timeline())
	}
	clock.Advance(10 * time.Minute)
	res, err := s.Execute(context.Background(), hello())
	var ae *AuthError
	if !errors.As(err, &ae) || res.Diagnosis.Cause != CauseExpired || res.Diagnosis.Action != "gave up: no credentials held" {
		t.Fatalf("err %v diag %+v", err, res.Diagnosis)
	}
}

func TestRunStopsWithContext(t *testing.T) {
	clock := newFakeClock()
	s, _ := newTestSession(t, newFakeAPI(clock), clock, func(c *Config) { c.CheckInterval = time.Millisecond })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	cancel()
	<-done
}

func TestRefreshNowLogsInAgainWhateverTheAge(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	first := mustLogin(t, s, demoCreds(f))
	clock.Advance(time.Second) // a fresh token: the background refresh would leave it alone
	tok, err := s.RefreshNow(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tok.Raw() == first.Raw() || f.logins.Load() != 2 || len(eventsOf(s, Refreshed)) != 1 {
		t.Fatalf("RefreshNow kept the token or did not log in (logins %d)", f.logins.Load())
	}
	if _, err := s.UseToken(first.Raw(), "pasted"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RefreshNow(context.Background()); !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("a pasted token cannot be refreshed: got %v", err)
	}
}
