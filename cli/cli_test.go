package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// harness runs the CLI in-process against a mockapi server with isolated XDG directories.
type harness struct {
	t        *testing.T
	server   *mockapi.Server
	endpoint string
	env      map[string]string
	home     string
}

func newHarness(t *testing.T, cfg mockapi.Config) *harness {
	t.Helper()
	srv := mockapi.New(cfg)
	url, stop, err := srv.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	home := t.TempDir()
	h := &harness{t: t, server: srv, endpoint: url, home: home, env: map[string]string{
		"HOME":            home,
		"XDG_CONFIG_HOME": filepath.Join(home, "config"),
		"XDG_DATA_HOME":   filepath.Join(home, "data"),
		"XDG_STATE_HOME":  filepath.Join(home, "state"),
		"XDG_CACHE_HOME":  filepath.Join(home, "cache"),
		"TOGGLE_ENDPOINT": url,
		"TOGGLE_USERNAME": cfg.Username,
		"TOGGLE_PASSWORD": cfg.Password,
	}}
	return h
}

// run executes the CLI with args and stdin, returning exit code, stdout and stderr.
func (h *harness) run(stdin string, args ...string) (int, string, string) {
	h.t.Helper()
	var out, errOut bytes.Buffer
	c := &program{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return h.env[k] },
	}
	code := c.run(args)
	return code, out.String(), errOut.String()
}

func demoConfig() mockapi.Config {
	cfg := mockapi.DefaultConfig()
	return cfg
}

func TestRunPrintsTheFullResponse(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "run", "-q", `{ Products(account_id: 1) { id name } }`)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{`"In-store Gift"`, `"extensions"`, `"actualQueryCost"`} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %s:\n%s", want, out)
		}
	}
}

func TestRunKeepsA19DigitReferenceExact(t *testing.T) {
	h := newHarness(t, demoConfig())
	doc := filepath.Join(t.TempDir(), "balance.graphql")
	writeFile(t, doc, `query Balance($ref: String!) { Cards(card_reference: $ref) { data { card_reference balance } } }`)
	code, out, errOut := h.run("", "run", doc, "--var", "ref="+mockapi.SeedCardPartlyUsed)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, mockapi.SeedCardPartlyUsed) || !strings.Contains(out, `"balance":3250`) {
		t.Fatalf("unexpected answer: %s", out)
	}
}

func TestRunSyntaxErrorSendsNothing(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, _, errOut := h.run("", "run", "-q", "{ Cards( }")
	if code != exitUsage {
		t.Fatalf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut, "-q:1:10:") {
		t.Fatalf("stderr lacks the position: %s", errOut)
	}
	if n := h.server.Stats().Requests; n != 0 {
		t.Fatalf("%d requests reached the server", n)
	}
}

func TestRunBadVariablesSendNothing(t *testing.T) {
	h := newHarness(t, demoConfig())
	doc := `query B($ref: String!) { Cards(card_reference: $ref) { total } }`
	for name, args := range map[string][]string{
		"missing required": {"run", "-q", doc},
		"bad --var":        {"run", "-q", doc, "--var", "=x"},
		"bad vars file":    {"run", "-q", doc, "--vars", writeTemp(t, "v.json", `{"ref": `)},
	} {
		t.Run(name, func(t *testing.T) {
			if code, _, errOut := h.run("", args...); code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %s", code, exitUsage, errOut)
			}
		})
	}
	if n := h.server.Stats().Requests; n != 0 {
		t.Fatalf("%d requests reached the server", n)
	}
}

func TestRunGraphQLErrorsExitOne(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "run", "-q",
		`mutation { createBalanceAdjustment(card_reference: "`+mockapi.SeedCardFresh+`", merchant_id: 26, value: -100) { id } }`)
	if code != exitGraphQL {
		t.Fatalf("exit %d, want %d; %s", code, exitGraphQL, errOut)
	}
	if !strings.Contains(out, `"validation"`) || !strings.Contains(errOut, "currency: This field is required") {
		t.Fatalf("validation error not shown:\nstdout %s\nstderr %s", out, errOut)
	}
}

func TestRunWrongPasswordExitsTwo(t *testing.T) {
	h := newHarness(t, demoConfig())
	h.env["TOGGLE_PASSWORD"] = "wrong"
	code, _, errOut := h.run("", "run", "--no-store", "-q", `{ Products(account_id: 1) { id } }`)
	if code != exitAuth {
		t.Fatalf("exit %d, want %d; %s", code, exitAuth, errOut)
	}
	if !strings.Contains(errOut, "Invalid credentials") {
		t.Fatalf("the server's message is missing: %s", errOut)
	}
}

func TestRunTransportFailuresExitThree(t *testing.T) {
	t.Run("refused", func(t *testing.T) {
		h := newHarness(t, demoConfig())
		h.env["TOGGLE_ENDPOINT"] = "http://127.0.0.1:1/graphql"
		code, _, errOut := h.run("", "run", "--no-store", "-q", `{ Products(account_id: 1) { id } }`)
		if code != exitTransport || !strings.Contains(errOut, "refused") {
			t.Fatalf("exit %d; %s", code, errOut)
		}
	})
	t.Run("html 502", func(t *testing.T) {
		cfg := demoConfig()
		cfg.FailureRate = 1
		h := newHarness(t, cfg)
		code, _, errOut := h.run("", "run", "--no-store", "-q", `{ Products(account_id: 1) { id } }`)
		if code != exitTransport || !strings.Contains(errOut, "502") {
			t.Fatalf("exit %d; %s", code, errOut)
		}
	})
}

func TestLoginStoresAndCheckReports(t *testing.T) {
	h := newHarness(t, demoConfig())
	if code, out, _ := h.run("", "login", "--check"); code != exitAuth || !strings.Contains(out, "no stored token") {
		t.Fatalf("before login: exit %d, %s", code, out)
	}
	code, out, errOut := h.run("", "login")
	if code != exitOK {
		t.Fatalf("login: exit %d, %s", code, errOut)
	}
	for _, want := range []string{"fingerprint", "subject      1042", "expires", "stored       file "} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if code, out, _ := h.run("", "login", "--check"); code != exitOK || !strings.Contains(out, "valid, expires in") {
		t.Fatalf("after login: exit %d, %s", code, out)
	}
	// A second run uses the stored token: no new login reaches the server.
	logins := h.server.Stats().Logins
	if code, _, errOut := h.run("", "run", "-q", `{ Products(account_id: 1) { id } }`); code != exitOK {
		t.Fatalf("run: %d %s", code, errOut)
	}
	if got := h.server.Stats().Logins; got != logins {
		t.Fatalf("run logged in again (%d → %d) despite a valid stored token", logins, got)
	}
}

func TestPasswordStdin(t *testing.T) {
	h := newHarness(t, demoConfig())
	delete(h.env, "TOGGLE_PASSWORD")
	if code, _, errOut := h.run(mockapi.DemoPassword+"\n", "login", "--no-store", "--password-stdin"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, _ := h.run("", "run", "--no-store", "-q", `{ Products(account_id: 1) { id } }`); code != exitAuth {
		t.Fatalf("without any password or stored token: exit %d, want %d", code, exitAuth)
	}
}

func TestTokenCommand(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, _ := h.run("", "login", "--no-store", "--print-token")
	if code != exitOK {
		t.Fatal("login failed")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	jwt := lines[len(lines)-1]
	code, decoded, errOut := h.run(jwt+"\n", "token", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"alg", "HS256", "sub", "1042", "valid, expires in", "UTC"} {
		if !strings.Contains(decoded, want) {
			t.Errorf("decoded output lacks %q:\n%s", want, decoded)
		}
	}
	if strings.Contains(decoded, jwt) {
		t.Fatal("token printed the token itself")
	}
	if code, _, _ := h.run("", "token", "not.a.jwt!"); code == exitOK {
		t.Fatal("garbage decoded successfully")
	}
}

func TestMockCommandPrintsTheEndpointFirst(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		c := &program{stdin: strings.NewReader(""), stdout: pw, stderr: io.Discard, getenv: func(string) string { return "" }, ctx: ctx}
		done <- c.run([]string{"mock", "--addr", "127.0.0.1:0", "--token-ttl", "3m"})
		pw.Close()
	}()
	first, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first, "http://127.0.0.1:") || !strings.HasSuffix(strings.TrimSpace(first), "/graphql") {
		t.Fatalf("first line %q is not the endpoint", first)
	}
	go io.Copy(io.Discard, pr)
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("mock exited %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("mock did not stop when its context ended")
	}
}

// TestSecretsNeverLeak runs login, rotation, a revoked token (Unauthorized, re-login, replay) and
// `run -v` with a canary password, then searches every output and every file under the XDG
// directories for the password and for each segment of every token the server issued. Only the
// 0600 token file may hold a token.
func TestSecretsNeverLeak(t *testing.T) {
	const canary = "canary-PW-5d1f0c8e-b3a2"
	cfg := demoConfig()
	cfg.Password = canary
	cfg.RotateAfter = time.Nanosecond // every authorized response rotates the token
	h := newHarness(t, cfg)

	var outputs []string
	record := func(code int, out, errOut string) int {
		outputs = append(outputs, out, errOut)
		return code
	}
	if code := record(h.run("", "login", "-v")); code != exitOK {
		t.Fatalf("login: %d %v", code, outputs)
	}
	q := `{ Products(account_id: 1) { id } }`
	if code := record(h.run("", "run", "-v", "-q", q)); code != exitOK {
		t.Fatalf("run: %d", code)
	}
	h.server.RevokeTokens()
	if code := record(h.run("", "run", "-v", "-q", q)); code != exitOK {
		t.Fatalf("run after revocation: %d %v", code, outputs[len(outputs)-1])
	}
	h.env["TOGGLE_PASSWORD"] = "wrong-" + canary
	h.server.RevokeTokens()
	if code := record(h.run("", "run", "-v", "-q", q)); code != exitAuth {
		t.Fatalf("run with a wrong password: %d", code)
	}

	stored := readTokens(t, filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "tokens.json"))
	secrets := []string{canary}
	for _, tok := range stored {
		secrets = append(secrets, strings.Split(tok, ".")...)
	}
	if len(secrets) < 4 {
		t.Fatal("no token was stored; the test would prove nothing")
	}
	for i, text := range outputs {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("output %d leaks a secret %.8s…:\n%s", i, s, text)
			}
		}
	}
	err := filepath.WalkDir(h.home, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		if strings.Contains(string(data), canary) || strings.Contains(string(data), base64.RawURLEncoding.EncodeToString([]byte(canary))) {
			t.Errorf("%s holds the password", path)
		}
		if filepath.Base(path) == "tokens.json" {
			if info, _ := d.Info(); info.Mode().Perm() != 0o600 {
				t.Errorf("%s has mode %v", path, info.Mode().Perm())
			}
			return nil
		}
		for _, s := range secrets[1:] {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds a token segment", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readTokens(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Tokens map[string]struct {
			Token string `json:"token"`
		} `json:"tokens"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	var tokens []string
	for _, rec := range file.Tokens {
		tokens = append(tokens, rec.Token)
	}
	return tokens
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func writeTemp(t *testing.T, name, content string) string {
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, content)
	return path
}

// TestStarterCollectionWorks installs the starter collection on first use and runs every query in
// it, with its variables file, against the fake: each must succeed.
func TestStarterCollectionWorks(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "queries")
	if code != exitOK || !strings.Contains(errOut, "installed 9 starter queries") {
		t.Fatalf("queries: exit %d, stderr %s", code, errOut)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		names = append(names, strings.Fields(line)[0])
	}
	want := []string{"accounts", "balance-check", "find-line-item", "guest-gratuity-card", "products",
		"redeem", "reverse-line-item", "sell-physical-card", "top-up"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("starter queries %v, want %v", names, want)
	}
	for _, name := range names {
		if code, out, errOut := h.run("", "run", name); code != exitOK {
			t.Errorf("run %s: exit %d\n%s\n%s", name, code, out, errOut)
		}
	}
	// A second listing installs nothing again.
	if _, _, errOut := h.run("", "queries"); strings.Contains(errOut, "installed") {
		t.Fatalf("starter installed twice: %s", errOut)
	}
}

func TestHistoryRecordsEveryRun(t *testing.T) {
	h := newHarness(t, demoConfig())
	h.run("", "run", "-q", `query P { Products(account_id: 1) { id } }`)
	h.run("", "run", "-q", `query Bad { Cards(card_reference: 1) { total } }`)
	h.run("", "run", "--no-history", "-q", `query Hidden { Products(account_id: 1) { id } }`)
	code, out, errOut := h.run("", "history")
	if code != exitOK {
		t.Fatalf("history: exit %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "Bad") || !strings.Contains(lines[0], "200 errors") ||
		!strings.Contains(lines[1], "P ") || !strings.Contains(lines[1], "200 ok") {
		t.Fatalf("history, newest first, should list Bad (errors) then P (ok):\n%s", out)
	}
}

func TestListThemesAndUserThemes(t *testing.T) {
	h := newHarness(t, demoConfig())
	themesDir := filepath.Join(h.env["XDG_CONFIG_HOME"], "toggle-explorer", "themes")
	if err := os.MkdirAll(themesDir, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(themesDir, "midnight.json"), `{"inherits": "toggle-dark", "palette": {"accent": "#ff00ff"}}`)
	code, out, errOut := h.run("", "--list-themes")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	names := strings.Fields(out)
	for _, want := range []string{"toggle-dark", "toggle-light", "high-contrast", "dracula", "midnight"} {
		if !slices.Contains(names, want) {
			t.Errorf("--list-themes lacks %s: %v", want, names)
		}
	}
	if code, _, errOut := h.run("", "--theme", "no-such-theme", "--list-themes=false"); code != exitUsage || !strings.Contains(errOut, "toggle-dark") {
		t.Fatalf("unknown theme: exit %d, %s (want the known names listed)", code, errOut)
	}
}

// The login screen remembers the last endpoint and user, never the password.
func TestTUIRemembersTheLastLogin(t *testing.T) {
	h := newHarness(t, demoConfig())
	c := &program{getenv: func(k string) string {
		if strings.HasPrefix(k, "TOGGLE_") {
			return "" // nothing from the environment: only what was remembered
		}
		return h.env[k]
	}, stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	p, err := resolvePaths(c.getenv)
	if err != nil {
		t.Fatal(err)
	}
	opts, cleanup, err := c.tuiOptions(&commonFlags{}, p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if opts.Login.Endpoint != "" || opts.Login.Identity != "" {
		t.Fatalf("a first start prefilled %+v", opts.Login)
	}
	if err := opts.Remember(h.endpoint, "demo@example.com"); err != nil {
		t.Fatal(err)
	}
	opts, cleanup2, err := c.tuiOptions(&commonFlags{}, p, "")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup2()
	if opts.Login.Endpoint != h.endpoint || opts.Login.Identity != "demo@example.com" || opts.Login.Password != "" {
		t.Fatalf("remembered login = %+v", opts.Login)
	}
	data, _ := os.ReadFile(lastLoginFile(p))
	if strings.Contains(string(data), mockapi.DemoPassword) {
		t.Fatal("the password was remembered")
	}
}

func TestCheckReportsEveryProblemWithItsPosition(t *testing.T) {
	h := newHarness(t, demoConfig())
	bad := writeTemp(t, "bad.graphql", "query X {\n  Cards(limit: \"ten\") { total nope }\n}\n")
	good := writeTemp(t, "good.graphql", "query P { Products(account_id: 1) { id name } }\n")
	broken := writeTemp(t, "broken.graphql", "query {\n  Cards(\n")

	// Against a schema file: no network.
	code, out, _ := h.run("", "check", "--schema", "../mockapi/schema.graphql", good)
	if code != exitOK || out != "" {
		t.Fatalf("clean file: exit %d, output %q", code, out)
	}
	code, out, _ = h.run("", "check", "--schema", "../mockapi/schema.graphql", good, bad, broken)
	if code != exitGraphQL {
		t.Fatalf("problems: exit %d, want %d", code, exitGraphQL)
	}
	want := []string{
		bad + `:2:17: Int cannot represent non-integer value: "ten"`,
		bad + `:2:31: Cannot query field "nope" on type "CardPage".`,
	}
	for _, w := range want {
		if !strings.Contains(out, w+"\n") {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if !strings.Contains(out, broken+":3:1: ") {
		t.Errorf("the syntax error of %s is missing:\n%s", broken, out)
	}
	requestsBefore := h.server.Stats().Requests
	if requestsBefore != 0 {
		t.Fatalf("--schema reached the server %d times", requestsBefore)
	}

	// Against the endpoint's introspection (logs in, caches the schema).
	code, out, errOut := h.run("", "check", bad)
	if code != exitGraphQL || !strings.Contains(out, want[0]) {
		t.Fatalf("via introspection: exit %d\n%s\n%s", code, out, errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(h.env["XDG_CACHE_HOME"], "toggle-explorer", "schemas", "*.json"))
	if len(matches) != 1 {
		t.Fatalf("schema cache holds %v", matches)
	}
	if code, _, _ := h.run("", "check"); code != exitUsage {
		t.Fatalf("no files: exit %d, want %d", code, exitUsage)
	}
}

func TestRunLeavesOutUndeclaredVariables(t *testing.T) {
	h := newHarness(t, demoConfig())
	doc := `query B($ref: String!) { Cards(card_reference: $ref) { total } }`
	code, out, errOut := h.run("", "run", "-q", doc, "--var", "ref=1", "--var", "other=2")
	if code != exitOK || !strings.Contains(out, `"total"`) {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "not sending $other") {
		t.Fatalf("the undeclared variable was not named: %s", errOut)
	}
}

func TestLoginCheckSaysWhyThereIsNoValidToken(t *testing.T) {
	cfg := demoConfig()
	cfg.TokenTTL = time.Minute
	h := newHarness(t, cfg)
	if code, out, _ := h.run("", "login", "--check"); code != exitAuth || !strings.Contains(out, "no stored token for") {
		t.Fatalf("missing: exit %d, %q", code, out)
	}
	if code, _, _ := h.run("", "login"); code != exitOK {
		t.Fatal("login failed")
	}
	h.env["TOGGLE_USERNAME"] = "someone-else"
	if code, out, _ := h.run("", "login", "--check"); code != exitAuth || !strings.Contains(out, "belongs to demo, not someone-else") {
		t.Fatalf("other user: exit %d, %q", code, out)
	}
	h.env["TOGGLE_USERNAME"] = "demo"
	// A server clock far behind issues tokens that are already expired by ours: the stored token
	// is then an expired one, without waiting (the CLI runs on the real clock).
	h.server.UpdateConfig(func(c *mockapi.Config) { c.ClockSkew = -2 * time.Minute })
	h.run("", "login")
	if code, out, _ := h.run("", "login", "--check"); code != exitAuth || !strings.Contains(out, "expired") {
		t.Fatalf("expired: exit %d, %q", code, out)
	}
}

// The demo keeps its history, cache and saved queries in a directory of its own, removed on exit:
// a tour never litters the user's real ones.
func TestDemoLeavesNoTraces(t *testing.T) {
	h := newHarness(t, demoConfig())
	c := &program{getenv: func(k string) string { return h.env[k] }, stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	p, err := resolvePaths(c.getenv)
	if err != nil {
		t.Fatal(err)
	}
	opts, cleanup, err := c.tuiOptions(&commonFlags{demo: true}, p, "")
	if err != nil {
		t.Fatal(err)
	}
	demoQueries := opts.Library.Dir()
	if strings.HasPrefix(demoQueries, h.home) {
		t.Fatalf("the demo's queries are in the user's data dir: %s", demoQueries)
	}
	if entries, _ := os.ReadDir(demoQueries); len(entries) == 0 {
		t.Fatal("the demo has no starter queries")
	}
	cleanup()
	if _, err := os.Stat(demoQueries); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the demo's directory outlived it: %v", err)
	}
	for _, dir := range []string{"XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		if entries, _ := os.ReadDir(h.env[dir]); len(entries) != 0 {
			t.Errorf("the demo wrote into %s", dir)
		}
	}
}

// runTTY is run with standard input a terminal (for prompts); it returns the exit code and stderr.
func (h *harness) runTTY(stdin string, args ...string) (int, string) {
	h.t.Helper()
	return h.runWith(func(c *program) { c.stdin, c.stdinTTY = strings.NewReader(stdin), true }, args...)
}

// runWith is run with the program adjusted by set first (terminal flags); it returns the exit
// code and stderr.
func (h *harness) runWith(set func(*program), args ...string) (int, string) {
	h.t.Helper()
	var out, errOut bytes.Buffer
	c := &program{
		stdin:  strings.NewReader(""),
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return h.env[k] },
	}
	set(c)
	code := c.run(args)
	return code, errOut.String()
}

// Each recorded run keeps its response beside the history (private, no token in it); --no-history
// keeps none.
func TestHistoryKeepsEachRunsResponse(t *testing.T) {
	h := newHarness(t, demoConfig())
	dir := filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "responses")
	h.run("", "run", "-q", `query P { Products(account_id: 1) { id name } }`)
	h.run("", "run", "--no-history", "-q", `query Hidden { Products(account_id: 1) { id } }`)
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("responses kept: %v, %v", files, err)
	}
	info, err := files[0].Info()
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("kept response mode: %v, %v", info, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, files[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"Products"`) || strings.Contains(string(data), "eyJ") {
		t.Errorf("kept response:\n%s", data)
	}
	hist, err := os.ReadFile(filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "history.jsonl"))
	if err != nil || !strings.Contains(string(hist), `"response":"`+files[0].Name()+`"`) {
		t.Errorf("the history line does not name its response:\n%s", hist)
	}
}
