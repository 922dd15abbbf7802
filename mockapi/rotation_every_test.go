package mockapi

import (
	"testing"
	"time"
)

// The hard case real servers produce: a fresh token on every authorized response, whole-second
// claims (so two tokens of one second tie on iat and exp), and the old token refused at once.
func TestRotateOnEveryResponseWithStrictRevocation(t *testing.T) {
	clock := newFakeClock() // stays put: every token below is issued in the same second
	h := newHarness(t, Config{Now: clock.Now, Rotate: true, Strict: true})
	tok := h.login()
	first := tok
	seen := map[string]bool{tok: true}
	for i := range 3 {
		r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
		fresh := r.header.Get("X-Authorization")
		if fresh == "" || r.body["data"] == nil {
			t.Fatalf("response %d: want data and a rotated token, got %s", i, r.raw)
		}
		if seen[fresh] {
			t.Fatalf("response %d handed out a token seen before", i)
		}
		seen[fresh] = true
		oldC, newC := unverifiedClaims(t, tok), unverifiedClaims(t, fresh)
		if !newC.IssuedAt.Equal(oldC.IssuedAt.Time) || !newC.ExpiresAt.Equal(oldC.ExpiresAt.Time) {
			t.Fatalf("same-second tokens should tie on iat/exp: old %v/%v new %v/%v",
				oldC.IssuedAt, oldC.ExpiresAt, newC.IssuedAt, newC.ExpiresAt)
		}
		if r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); string(r.raw) != unauthorizedBody {
			t.Fatalf("response %d: the superseded token still works: %s", i, r.raw)
		}
		tok = fresh
	}

	log := h.srv.Log()
	counts := CountLog(log)
	if counts[LogLogin] != 1 || counts[LogAuthorized] != 3 || counts[LogRefused] != 3 {
		t.Fatalf("log counts %v, want 1 login, 3 authorized, 3 refused", counts)
	}
	for i, e := range log {
		if e.Seq != i+1 {
			t.Fatalf("entry %d has Seq %d", i, e.Seq)
		}
		switch e.Kind {
		case LogAuthorized:
			if e.Sent == "" || e.Issued == "" || e.Sent == e.Issued {
				t.Fatalf("authorized entry without both fingerprints: %+v", e)
			}
		case LogRefused:
			if e.Reason != reasonSuperseded || e.Sent == "" {
				t.Fatalf("refusal entry %+v, want reason %q", e, reasonSuperseded)
			}
		}
	}
	// The log names tokens by the fingerprint the explorer uses, never by value.
	if log[0].Kind != LogLogin || log[0].Issued != tokenFingerprint(first) || log[1].Sent != log[0].Issued {
		t.Fatalf("login entry %+v does not name its token (next request sent %s)", log[0], log[1].Sent)
	}
}

func TestRotationOffWhateverRotateAfterSays(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	tok := h.login()
	clock.Advance(time.Hour - time.Second)
	if r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); r.header.Get("X-Authorization") != "" {
		t.Fatal("the default configuration must never rotate")
	}
	h.srv.UpdateConfig(func(c *Config) { c.RotateAfter = time.Second })
	if r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); r.header.Get("X-Authorization") == "" {
		t.Fatal("a positive RotateAfter turns rotation on")
	}
	h.srv.UpdateConfig(func(c *Config) { c.Rotate, c.RotateAfter = false, 0 })
	if r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); r.header.Get("X-Authorization") != "" {
		t.Fatal("Rotate false turns rotation off")
	}
	if n := CountLog(h.srv.Log())[LogLoginRefused]; n != 0 {
		t.Fatalf("%d refused logins logged", n)
	}
	h.post("", loginQuery, map[string]any{"username": DemoUsername, "password": "wrong"})
	if n := CountLog(h.srv.Log())[LogLoginRefused]; n != 1 {
		t.Fatalf("refused login logged %d times, want 1", n)
	}
}
