package mockapi

import (
	"testing"
	"time"
)

func TestBareTokenAcceptedOnlyWhenConfigured(t *testing.T) {
	for _, accept := range []bool{false, true} {
		h := newHarness(t, Config{AcceptBareToken: accept})
		tok := h.login()
		r := h.post(tok, balanceQuery, map[string]any{"ref": SeedCardFresh})
		ran := r.body["data"] != nil
		if ran != accept {
			t.Fatalf("AcceptBareToken=%v: bare token ran=%v: %s", accept, ran, r.raw)
		}
		// Another scheme is refused whatever the setting.
		r = h.post("Token "+tok, balanceQuery, map[string]any{"ref": SeedCardFresh})
		if string(r.raw) != unauthorizedBody {
			t.Fatalf("AcceptBareToken=%v: scheme Token accepted: %s", accept, r.raw)
		}
		if h.balance(tok, SeedCardFresh) != 5000 {
			t.Fatal("Bearer must always work")
		}
	}
}

func TestStrictRotationWithGracePeriod(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now, RotateAfter: time.Minute, Strict: true, Grace: 10 * time.Second})
	old := h.login()
	clock.Advance(2 * time.Minute)
	r := h.post(bearer(old), balanceQuery, map[string]any{"ref": SeedCardFresh})
	fresh := r.header.Get("X-Authorization")
	if fresh == "" || r.body["data"] == nil {
		t.Fatalf("no rotation: %s", r.raw)
	}
	clock.Advance(9 * time.Second)
	if h.balance(old, SeedCardFresh) != 5000 {
		t.Fatal("the superseded token must work within the grace period")
	}
	// Presenting it again inside the grace period did not extend it.
	clock.Advance(time.Second)
	r = h.post(bearer(old), balanceQuery, map[string]any{"ref": SeedCardFresh})
	if string(r.raw) != unauthorizedBody {
		t.Fatalf("superseded token accepted after its grace period: %s", r.raw)
	}
	if h.balance(fresh, SeedCardFresh) != 5000 {
		t.Fatal("the new token must work")
	}
}

func TestLoginHeaderChoice(t *testing.T) {
	for _, which := range []string{"", RotateBoth, RotateXAuthorization, RotateAuthorization} {
		h := newHarness(t, Config{LoginHeader: which})
		r := h.post("", loginQuery, map[string]any{"username": DemoUsername, "password": DemoPassword})
		x, a := r.header.Get("X-Authorization"), r.header.Get("Authorization")
		wantX, wantA := which != RotateAuthorization, which != RotateXAuthorization
		if (x != "") != wantX || (a != "") != wantA {
			t.Errorf("LoginHeader %q: X-Authorization %v, Authorization %v", which, x != "", a != "")
		}
	}
}
