package session

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// unsignedJWT is an "alg": "none" token with the given claims.
func unsignedJWT(claims map[string]any) string {
	enc := base64.RawURLEncoding
	h, _ := json.Marshal(map[string]any{"alg": "none", "typ": "JWT"})
	p, _ := json.Marshal(claims)
	return enc.EncodeToString(h) + "." + enc.EncodeToString(p) + "."
}

// A response that rotates to a token the trust rules refuse leaves the current token in place,
// and the timeline says why with a diagnosis.
func TestRotatedTokensThatBreakTrustAreRefused(t *testing.T) {
	for name, offered := range map[string]func(now time.Time) string{
		"another subject": func(now time.Time) string {
			return makeJWT(map[string]any{"sub": "mallory", "iat": now.Unix(), "exp": now.Add(2 * time.Hour).Unix()})
		},
		"alg none": func(now time.Time) string {
			return unsignedJWT(map[string]any{"sub": "demo", "iat": now.Unix(), "exp": now.Add(2 * time.Hour).Unix()})
		},
	} {
		t.Run(name, func(t *testing.T) {
			clock := newFakeClock()
			f := newFakeAPI(clock)
			f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, _ string, _ bool) bool {
				w.Header().Set("X-Authorization", offered(clock.Now()))
				return false
			}
			s, _ := newTestSession(t, f, clock, nil)
			cur := mustLogin(t, s, demoCreds(f))
			if _, err := s.Execute(context.Background(), hello()); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Token(); got.Raw() != cur.Raw() {
				t.Fatal("an untrusted token was adopted")
			}
			refused := eventsOf(s, TokenRefused)
			if len(refused) != 1 || refused[0].Diagnosis == nil || refused[0].Diagnosis.Cause != CauseUntrusted {
				t.Fatalf("TokenRefused events %+v", refused)
			}
			if len(eventsOf(s, Rotated)) != 0 {
				t.Fatal("a Rotated event for a refused token")
			}
		})
	}
}

// An unsigned stored token is never restored.
func TestUnsignedStoredTokenIsNotRestored(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	store := &memStore{}
	s, _ := newTestSession(t, f, clock, func(c *Config) { c.Store = store })
	now := clock.Now()
	_ = store.Save(s.Endpoint(), StoredToken{Identity: "demo",
		Token: unsignedJWT(map[string]any{"sub": "demo", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})})
	if _, ok := s.Restore("demo"); ok {
		t.Fatal("an alg:none token was restored")
	}
	if refused := eventsOf(s, TokenRefused); len(refused) != 1 || !strings.Contains(refused[0].Message, "alg") {
		t.Fatalf("TokenRefused events %+v", refused)
	}
}

// The refresh is timed by the lifetime as received on our clock: a server clock 10 minutes
// ahead puts exp 10 minutes later than the server will honour it, and must not make the refresh
// late; one behind must not make it wait past the claimed exp.
func TestRefreshTimedFromReceipt(t *testing.T) {
	now := newFakeClock().Now()
	for name, skew := range map[string]time.Duration{"server ahead": 10 * time.Minute, "server behind": -10 * time.Minute, "in step": 0} {
		t.Run(name, func(t *testing.T) {
			iat := now.Add(skew)
			tok, err := ParseToken(jwtAt(iat, time.Hour, 1), now, "login")
			if err != nil {
				t.Fatal(err)
			}
			// The server expires it 60 minutes after it was issued by its clock, which is 60
			// minutes from now on ours whatever the skew; the claims say 60+skew.
			want := now.Add(time.Hour)
			if skew < 0 {
				want = tok.ExpiresAt // the earlier of the two: never late
			}
			if !tok.Deadline().Equal(want) {
				t.Fatalf("Deadline %v, want %v", tok.Deadline(), want)
			}
			if tok.RefreshDue(want.Add(-10*time.Minute - time.Second)) {
				t.Fatal("due too early")
			}
			if !tok.RefreshDue(want.Add(-10*time.Minute + time.Second)) {
				t.Fatal("not due a sixth of the lifetime before the deadline")
			}
			if !tok.TooCloseToSend(want.Add(-29 * time.Second)) {
				t.Fatal("sendable 29 s before the deadline")
			}
		})
	}
}

// A rotated token claiming a lifetime far beyond the login's is adopted but flagged, and
// refreshed on the login's schedule.
func TestFarLongerLifetimeIsFlaggedAndRefreshedOnTheLoginsSchedule(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, _ string, _ bool) bool {
		w.Header().Set("X-Authorization", jwtAt(clock.Now(), 30*24*time.Hour, 99))
		return false
	}
	s, _ := newTestSession(t, f, clock, nil)
	mustLogin(t, s, demoCreds(f)) // 1 hour
	if _, err := s.Execute(context.Background(), hello()); err != nil {
		t.Fatal(err)
	}
	tok, _ := s.Token()
	if tok.Rotations != 1 || !strings.Contains(tok.LifetimeFlag, "far beyond the login's 1h") {
		t.Fatalf("rotations %d, flag %q", tok.Rotations, tok.LifetimeFlag)
	}
	if !tok.RefreshDue(clock.Now().Add(51 * time.Minute)) {
		t.Fatal("a 30-day token claimed by a rotation is not refreshed on the login's 1-hour schedule")
	}
}
