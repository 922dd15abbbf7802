package cli

import (
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// everyResponseConfig is the hard server: a fresh token on every authorized response, with
// whole-second claims (tokens of one second tie on iat and exp), the old one refused at once.
func everyResponseConfig() mockapi.Config {
	cfg := demoConfig()
	cfg.Rotate, cfg.RotateAfter, cfg.Strict = true, 0, true
	return cfg
}

// Twenty `run`s in a row through the same token store, against a server that rotates on every
// response and revokes at once: each run must pick up the token the previous one adopted, so the
// fake's own log shows one login and not a single refusal.
func TestRunLoopUnderRotationOnEveryResponse(t *testing.T) {
	h := newHarness(t, everyResponseConfig())
	const runs = 20
	for i := range runs {
		code, _, errOut := h.run("", "run", "-q", `{ Products(account_id: 1) { id } }`)
		if code != exitOK {
			t.Fatalf("run %d: exit %d: %s", i+1, code, errOut)
		}
	}
	counts := mockapi.CountLog(h.server.Log())
	if counts[mockapi.LogLogin] != 1 || counts[mockapi.LogRefused] != 0 || counts[mockapi.LogAuthorized] != runs {
		t.Fatalf("fake's log: %v; want 1 login, 0 refused, %d authorized", counts, runs)
	}
}
