package mockapi

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRotationThroughEachHeaderChoice(t *testing.T) {
	for _, which := range []string{RotateBoth, RotateXAuthorization, RotateAuthorization} {
		for _, prefix := range []bool{false, true} {
			name := which
			if prefix {
				name += "/bearer-prefix"
			}
			t.Run(name, func(t *testing.T) {
				clock := newFakeClock()
				h := newHarness(t, Config{Now: clock.Now, RotateAfter: 10 * time.Minute, RotateHeader: which, BearerPrefix: prefix})
				r := h.post("", loginQuery, map[string]any{"username": DemoUsername, "password": DemoPassword})
				// Login always answers in both headers, whatever RotateHeader says.
				login := r.header.Get("X-Authorization")
				if login == "" || r.header.Get("Authorization") != login {
					t.Fatalf("login headers: %v", r.header)
				}
				if strings.HasPrefix(login, "Bearer ") != prefix {
					t.Fatalf("login header %q, prefix wanted: %v", login, prefix)
				}
				tok := strings.TrimPrefix(login, "Bearer ")

				clock.Advance(10 * time.Minute) // not older than RotateAfter yet
				r = h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
				if r.header.Get("X-Authorization") != "" || r.header.Get("Authorization") != "" {
					t.Fatal("rotated too early")
				}

				clock.Advance(time.Second)
				r = h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
				x, a := r.header.Get("X-Authorization"), r.header.Get("Authorization")
				wantX, wantA := which != RotateAuthorization, which != RotateXAuthorization
				if (x != "") != wantX || (a != "") != wantA {
					t.Fatalf("headers X-Authorization=%q Authorization=%q for %s", x, a, which)
				}
				fresh := x + a
				if which == RotateBoth {
					fresh = x
					if a != x {
						t.Fatal("both headers must carry the same token")
					}
				}
				if strings.HasPrefix(fresh, "Bearer ") != prefix {
					t.Fatalf("rotated header %q, prefix wanted: %v", fresh, prefix)
				}
				fresh = strings.TrimPrefix(fresh, "Bearer ")
				oldC, newC := unverifiedClaims(t, tok), unverifiedClaims(t, fresh)
				if newC.ID == oldC.ID || !newC.IssuedAt.After(oldC.IssuedAt.Time) || !newC.ExpiresAt.After(oldC.ExpiresAt.Time) {
					t.Fatalf("rotated token should be new: old %+v new %+v", oldC, newC)
				}
				if h.balance(fresh, SeedCardFresh) != 5000 {
					t.Fatal("the rotated token must work")
				}
				// Not strict: the superseded token keeps working (and keeps being rotated).
				if h.balance(tok, SeedCardFresh) != 5000 {
					t.Fatal("non-strict mode must still accept the old token")
				}
				if got := h.srv.Stats().Rotations; got != 2 {
					t.Errorf("rotations = %d, want 2", got)
				}
			})
		}
	}
}

func TestStrictRotationRejectsTheSupersededToken(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now, RotateAfter: time.Minute, Strict: true})
	old := h.login()
	clock.Advance(2 * time.Minute)
	r := h.post(bearer(old), balanceQuery, map[string]any{"ref": SeedCardFresh})
	fresh := r.header.Get("X-Authorization")
	if fresh == "" || r.body["data"] == nil {
		t.Fatalf("the rotating request itself must succeed and carry the new token: %s", r.raw)
	}
	r = h.post(bearer(old), balanceQuery, map[string]any{"ref": SeedCardFresh})
	if string(r.raw) != unauthorizedBody {
		t.Fatalf("superseded token accepted: %s", r.raw)
	}
	if h.srv.Stats().UnauthorizedReasons[reasonSuperseded] != 1 {
		t.Error("superseded not counted")
	}
	if h.balance(fresh, SeedCardFresh) != 5000 {
		t.Fatal("new token refused")
	}
}

// In strict mode, of many concurrent requests presenting the same due token exactly one
// wins the rotation; all others are refused, because the check and the supersession happen
// in one critical section.
func TestStrictRotationUnderConcurrency(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now, RotateAfter: time.Minute, Strict: true})
	old := h.login()
	clock.Advance(2 * time.Minute)
	const n = 50
	var wg sync.WaitGroup
	results := make([]reply, n)
	for i := range n {
		wg.Go(func() { results[i] = h.post(bearer(old), balanceQuery, map[string]any{"ref": SeedCardFresh}) })
	}
	wg.Wait()
	rotated, refused := 0, 0
	for _, r := range results {
		switch {
		case r.header.Get("X-Authorization") != "" && r.body["data"] != nil:
			rotated++
		case string(r.raw) == unauthorizedBody:
			refused++
		default:
			t.Fatalf("unexpected reply %s", r.raw)
		}
	}
	if rotated != 1 || refused != n-1 {
		t.Fatalf("rotated %d refused %d", rotated, refused)
	}
}

func TestSetConfigAtRunTime(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	tok := h.login()
	h.srv.UpdateConfig(func(c *Config) { c.UnauthStatus = 401; c.RotateAfter = time.Second })
	clock.Advance(2 * time.Second)
	r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
	if r.header.Get("X-Authorization") == "" {
		t.Fatal("RotateAfter set at run time not applied")
	}
	if r := h.post("", balanceQuery, map[string]any{"ref": SeedCardFresh}); r.status != 401 {
		t.Fatalf("UnauthStatus set at run time not applied: %d", r.status)
	}
	// The token issued before UpdateConfig survives it (same key).
	if h.balance(tok, SeedCardFresh) != 5000 {
		t.Fatal("UpdateConfig must not change the signing key")
	}
	if h.srv.Config().SigningKey != nil {
		t.Fatal("Config must not expose the signing key")
	}
}
