package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/tokenstore"
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

// A TUI's session and a loop of `run` on the same token store, against the same hard server:
// each rotation revokes the token the other holds. The TUI's refusals re-read the store and take
// the newer token instead of logging in: one login in all, never a refusal loop.
func TestRunLoopAndALongLivedSessionShareTheStore(t *testing.T) {
	h := newHarness(t, everyResponseConfig())
	store := tokenstore.NewFile(filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "tokens.json"))
	tui, err := session.New(session.Config{Endpoint: h.endpoint, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tui.Close)
	if _, err := tui.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	const rounds = 10
	q := `{ Products(account_id: 1) { id } }`
	for i := range rounds {
		if code, _, errOut := h.run("", "run", "-q", q); code != exitOK {
			t.Fatalf("round %d: run: exit %d: %s", i, code, errOut)
		}
		res, err := tui.Execute(context.Background(), session.Request{Query: q})
		if err != nil {
			t.Fatalf("round %d: the TUI's query: %v", i, err)
		}
		if res.ReLoggedIn {
			t.Fatalf("round %d: the TUI logged in again instead of taking the stored token", i)
		}
	}
	counts := mockapi.CountLog(h.server.Log())
	if counts[mockapi.LogLogin] != 1 || counts[mockapi.LogAuthorized] != 2*rounds {
		t.Fatalf("fake's log: %v; want 1 login and %d authorized", counts, 2*rounds)
	}
	// Each `run` revokes the TUI's token, which costs the TUI one refusal and a replay; `run`
	// itself always starts from the newest stored token.
	if counts[mockapi.LogRefused] > rounds {
		t.Fatalf("%d refusals in %d rounds: a refusal loop", counts[mockapi.LogRefused], rounds)
	}
}

// Without a password, `run` lives on the stored token alone: the rotated token it adopts must be
// saved under the identity it was restored with (the username), not the JWT's subject (the
// fake's is a numeric user id), or the next run finds no token for that user.
func TestRunLoopWithoutPasswordKeepsTheStoredIdentity(t *testing.T) {
	h := newHarness(t, everyResponseConfig())
	if code, _, errOut := h.run("", "login"); code != exitOK {
		t.Fatalf("login: exit %d: %s", code, errOut)
	}
	delete(h.env, "TOGGLE_PASSWORD")
	const runs = 5
	for i := range runs {
		if code, _, errOut := h.run("", "run", "-q", `{ Products(account_id: 1) { id } }`); code != exitOK {
			t.Fatalf("run %d: exit %d: %s", i+1, code, errOut)
		}
	}
	data, err := os.ReadFile(filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Tokens map[string]struct {
			Identity string `json:"identity"`
		} `json:"tokens"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if got := file.Tokens[h.endpoint].Identity; got != mockapi.DemoUsername {
		t.Fatalf("the stored token is filed under %q, want %q", got, mockapi.DemoUsername)
	}
	counts := mockapi.CountLog(h.server.Log())
	if counts[mockapi.LogLogin] != 1 || counts[mockapi.LogRefused] != 0 || counts[mockapi.LogAuthorized] != runs {
		t.Fatalf("fake's log: %v; want 1 login, 0 refused, %d authorized", counts, runs)
	}
}
