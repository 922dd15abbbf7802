package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// writeProfiles writes a config with a staging profile on h's server and a protected production
// profile on prod, and makes the profiles (not TOGGLE_ENDPOINT) choose the endpoint.
func writeProfiles(t *testing.T, h *harness, prod string) {
	t.Helper()
	delete(h.env, "TOGGLE_ENDPOINT")
	writeFileAll(t, filepath.Join(h.env["XDG_CONFIG_HOME"], "toggle-explorer", "config.toml"), `
default_profile = "staging"

[profiles.staging]
endpoint = "`+h.endpoint+`"
variables = { ref = "`+mockapi.SeedCardPartlyUsed+`", unused = 1 }
[profiles.staging.headers]
X-Tenant = "staging-tenant"
X-Api-Key = "$STAGING_KEY"

[profiles.production]
endpoint = "`+prod+`"
protected = true
[profiles.production.headers]
X-Tenant = "prod-tenant"
`)
}

// startServer starts another fake for a second profile.
func startServer(t *testing.T) (*mockapi.Server, string) {
	t.Helper()
	srv := mockapi.New(demoConfig())
	url, stop, err := srv.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	return srv, url
}

// graphqlRequests are the POSTs a fake received that carried a token: not the login, which
// carries neither a token nor the user's headers.
func graphqlRequests(srv *mockapi.Server) []mockapi.Received {
	var out []mockapi.Received
	for _, r := range srv.Received() {
		if r.Method == "POST" && r.Header.Get("Authorization") != "" {
			out = append(out, r)
		}
	}
	return out
}

const envBalanceDoc = `query Balance($ref: String!) { Cards(card_reference: $ref) { data { balance } } }`

func TestRunSendsProfileSavedAndFlagHeaders(t *testing.T) {
	h := newHarness(t, demoConfig())
	writeProfiles(t, h, "http://127.0.0.1:1/graphql")
	h.env["STAGING_KEY"] = "k-123"
	h.env["REQ_ID"] = "req-9"
	dir := filepath.Join(h.env["XDG_DATA_HOME"], "toggle-explorer", "queries")
	writeFileAll(t, filepath.Join(dir, "bal.graphql"), envBalanceDoc)
	writeFileAll(t, filepath.Join(dir, "bal.headers"), "X-Tenant: saved-tenant\nX-Saved: yes\n")

	code, out, errOut := h.run("", "run", "bal", "-H", "X-Request-Id: ${REQ_ID}", "-H", "x-saved: flag")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"balance":3250`) {
		t.Fatalf("the profile's default variable was not used: %s", out)
	}
	if strings.Contains(errOut, "unused") {
		t.Errorf("a profile default the operation does not declare was reported: %s", errOut)
	}
	reqs := graphqlRequests(h.server)
	last := reqs[len(reqs)-1].Header
	for name, want := range map[string]string{
		"X-Tenant": "saved-tenant", "X-Api-Key": "k-123", "X-Request-Id": "req-9", "X-Saved": "flag",
	} {
		if got := last.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if !strings.HasPrefix(last.Get("Authorization"), "Bearer ") {
		t.Errorf("the session's token was not sent: %q", last.Get("Authorization"))
	}

	// The history names the profile and masks the secret-looking header.
	code, hist, _ := h.run("", "history", "--profile", "staging")
	if code != exitOK || !strings.Contains(hist, "staging") || !strings.Contains(hist, "Balance") {
		t.Fatalf("history --profile staging:\n%s", hist)
	}
	if _, hist, _ := h.run("", "history", "--profile", "production"); strings.TrimSpace(hist) != "" {
		t.Fatalf("history --profile production lists staging's runs:\n%s", hist)
	}
	raw := readFileString(t, filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "history.jsonl"))
	if strings.Contains(raw, "k-123") || !strings.Contains(raw, `"X-Tenant":"saved-tenant"`) {
		t.Fatalf("history headers not masked as expected:\n%s", raw)
	}
}

func TestRunHeaderProblemsSendNothing(t *testing.T) {
	h := newHarness(t, demoConfig())
	for name, args := range map[string][]string{
		"authorization without override": {"-H", "Authorization: Bearer mine"},
		"no colon":                       {"-H", "X-Tenant mine"},
		"unset variable":                 {"-H", "X-Key: $NOT_SET_ANYWHERE"},
	} {
		t.Run(name, func(t *testing.T) {
			before := h.server.Stats().Requests
			args := append([]string{"run", "-q", `{ Products(account_id: 1) { id } }`}, args...)
			code, _, errOut := h.run("", args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d: %s", code, exitUsage, errOut)
			}
			if n := h.server.Stats().Requests - before; n != 0 {
				t.Fatalf("%d requests sent", n)
			}
			if strings.Contains(errOut, "mine") {
				t.Errorf("the refused Authorization value was echoed: %s", errOut)
			}
		})
	}
	_, _, errOut := h.run("", "run", "-q", `{ Products(account_id: 1) { id } }`, "-H", "Authorization: Bearer x")
	if !strings.Contains(errOut, "!Authorization") {
		t.Errorf("the refusal does not say how to override: %s", errOut)
	}
}

func TestRunOverrideAuthorizationIsSent(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, _, errOut := h.run("", "run", "-q", `{ Products(account_id: 1) { id } }`, "-H", "!Authorization: Bearer not-a-token")
	if code != exitAuth {
		t.Fatalf("exit %d (want the fake to refuse the overriding token): %s", code, errOut)
	}
	reqs := graphqlRequests(h.server)
	if got := reqs[len(reqs)-1].Header.Get("Authorization"); got != "Bearer not-a-token" {
		t.Fatalf("Authorization sent = %q", got)
	}
}

func TestProtectedProfileRefusesMutationWithoutYes(t *testing.T) {
	h := newHarness(t, demoConfig())
	prod, prodURL := startServer(t)
	writeProfiles(t, h, prodURL)
	redeem := `mutation Redeem($ref: String!) { createBalanceAdjustment(card_reference: $ref, value: -100,
		currency: "GBP", merchant_id: 26, unit_epos_reference: "TILL-1") { id } }`

	code, _, errOut := h.run("", "run", "--profile", "production", "-q", redeem, "--var", "ref="+mockapi.SeedCardFresh)
	if code != exitUsage {
		t.Fatalf("exit %d, want %d: %s", code, exitUsage, errOut)
	}
	if !strings.Contains(errOut, `"production" is protected`) || !strings.Contains(errOut, "Redeem") ||
		!strings.Contains(errOut, prodURL) || !strings.Contains(errOut, "--yes") {
		t.Errorf("the refusal does not name profile, operation, endpoint and --yes: %s", errOut)
	}
	if n := len(prod.Received()); n != 0 {
		t.Fatalf("%d requests reached production", n)
	}
	// TOGGLE_PROFILE selects it too.
	h.env["TOGGLE_PROFILE"] = "production"
	if code, _, _ := h.run("", "run", "-q", redeem, "--var", "ref="+mockapi.SeedCardFresh); code != exitUsage || len(prod.Received()) != 0 {
		t.Fatalf("TOGGLE_PROFILE=production: exit %d, %d requests", code, len(prod.Received()))
	}
	// A query runs without --yes; the mutation with it.
	if code, _, errOut := h.run("", "run", "-q", envBalanceDoc, "--var", "ref="+mockapi.SeedCardFresh); code != exitOK {
		t.Fatalf("query on production: exit %d %s", code, errOut)
	}
	if code, out, errOut := h.run("", "run", "--yes", "-q", redeem, "--var", "ref="+mockapi.SeedCardFresh); code != exitOK || !strings.Contains(out, `"id"`) {
		t.Fatalf("--yes: exit %d %s %s", code, out, errOut)
	}
	// Production's requests carried production's headers only; staging's server saw none of it.
	for _, r := range graphqlRequests(prod) {
		if r.Header.Get("X-Tenant") != "prod-tenant" || r.Header.Get("X-Api-Key") != "" {
			t.Errorf("production received %v", r.Header)
		}
	}
	if n := len(h.server.Received()); n != 0 {
		t.Errorf("staging's server received %d requests meant for production", n)
	}
}

// writeFileAll is writeFile that creates the directories first.
func writeFileAll(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, content)
}

func readFileString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestBadProfileHeadersAreAConfigError(t *testing.T) {
	h := newHarness(t, demoConfig())
	writeFileAll(t, filepath.Join(h.env["XDG_CONFIG_HOME"], "toggle-explorer", "config.toml"), `
default_profile = "staging"
[profiles.staging]
endpoint = "`+h.endpoint+`"
[profiles.staging.headers]
Authorization = "Bearer pasted-long-ago"
`)
	// Named, the profile's problem is an error and nothing is sent.
	code, _, errOut := h.run("", "run", "--profile", "staging", "-q", `{ Products(account_id: 1) { id } }`)
	if code != exitUsage || !strings.Contains(errOut, `profile "staging"`) || !strings.Contains(errOut, "!Authorization") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut, "pasted-long-ago") {
		t.Errorf("the error repeats the header's value: %s", errOut)
	}
	if n := h.server.Stats().Requests; n != 0 {
		t.Fatalf("%d requests sent", n)
	}
	// Not named, with TOGGLE_ENDPOINT set, the broken config is ignored with a warning that says
	// why (as for any broken config): nothing of it, its headers included, is used.
	code, _, errOut = h.run("", "run", "-q", `{ Products(account_id: 1) { id } }`)
	if code != exitOK || !strings.Contains(errOut, "config ignored") || !strings.Contains(errOut, "!Authorization") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, r := range h.server.Received() {
		if strings.Contains(r.Header.Get("Authorization"), "pasted-long-ago") {
			t.Fatal("the refused header was sent")
		}
	}
}

func TestRunReadsHeadersBesideAFile(t *testing.T) {
	h := newHarness(t, demoConfig())
	dir := t.TempDir()
	doc := filepath.Join(dir, "products.graphql")
	writeFile(t, doc, `query P { Products(account_id: 1) { id } }`)
	writeFile(t, filepath.Join(dir, "products.headers"), "# beside the document\nX-Tenant: from-file\n")
	if code, _, errOut := h.run("", "run", doc); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	reqs := graphqlRequests(h.server)
	if got := reqs[len(reqs)-1].Header.Get("X-Tenant"); got != "from-file" {
		t.Fatalf("X-Tenant = %q", got)
	}
	// A broken line is reported with the file and its line, and nothing is sent.
	writeFile(t, filepath.Join(dir, "products.headers"), "X-Tenant: ok\nbroken\n")
	before := h.server.Stats().Requests
	code, _, errOut := h.run("", "run", doc)
	if code != exitUsage || !strings.Contains(errOut, "products.headers: line 2") || h.server.Stats().Requests != before {
		t.Fatalf("exit %d, %d requests: %s", code, h.server.Stats().Requests-before, errOut)
	}
}

// A config that cannot be read might have marked the endpoint protected: a mutation needs --yes
// then, and without it nothing is sent; a query still runs.
func TestBrokenConfigTreatsMutationsAsProtected(t *testing.T) {
	h := newHarness(t, demoConfig())
	writeFileAll(t, filepath.Join(h.env["XDG_CONFIG_HOME"], "toggle-explorer", "config.toml"),
		"[profiles.production]\nendpoint = https://broken\nprotected = true\n")
	redeem := `mutation Redeem($ref: String!) { createBalanceAdjustment(card_reference: $ref, value: -100,
		currency: "GBP", merchant_id: 26, unit_epos_reference: "TILL-1") { id } }`
	code, _, errOut := h.run("", "run", "-q", redeem, "--var", "ref="+mockapi.SeedCardFresh)
	if code != exitUsage || !strings.Contains(errOut, "whether "+h.endpoint+" is protected is unknown") {
		t.Fatalf("exit %d, want %d and the reason: %s", code, exitUsage, errOut)
	}
	if n := len(h.server.Received()); n != 0 {
		t.Fatalf("%d requests were sent", n)
	}
	if code, _, errOut := h.run("", "run", "-q", envBalanceDoc, "--var", "ref="+mockapi.SeedCardFresh); code != exitOK {
		t.Fatalf("a query: exit %d %s", code, errOut)
	}
	if code, out, errOut := h.run("", "run", "--yes", "-q", redeem, "--var", "ref="+mockapi.SeedCardFresh); code != exitOK || !strings.Contains(out, `"id"`) {
		t.Fatalf("--yes: exit %d %s %s", code, out, errOut)
	}
}
