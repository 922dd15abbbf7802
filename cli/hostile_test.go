package cli

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi/hostile"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// hostileRun runs the CLI against the hostile server with stdout a terminal or a pipe.
func hostileRun(t *testing.T, env map[string]string, tty bool, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &program{
		stdin:     strings.NewReader(stdin),
		stdout:    &out,
		stderr:    &errOut,
		getenv:    func(k string) string { return env[k] },
		stdoutTTY: tty,
	}
	code := c.run(args)
	return code, out.String(), errOut.String()
}

// assertClean fails when out holds a raw control, C1 or bidi character or invalid UTF-8 (newlines
// and tabs between lines are ours).
func assertClean(t *testing.T, what, out string) {
	t.Helper()
	if i := display.Unsafe(out, false); i >= 0 {
		lo, hi := max(0, i-30), min(len(out), i+30)
		t.Errorf("%s: raw unsafe byte at %d: %q", what, i, out[lo:hi])
	}
}

func hostileEnv(t *testing.T) map[string]string {
	t.Helper()
	srv := httptest.NewServer(hostile.Handler(time.Now))
	t.Cleanup(srv.Close)
	home := t.TempDir()
	return map[string]string{
		"HOME":            home,
		"XDG_CONFIG_HOME": filepath.Join(home, "config"),
		"XDG_DATA_HOME":   filepath.Join(home, "data"),
		"XDG_STATE_HOME":  filepath.Join(home, "state"),
		"XDG_CACHE_HOME":  filepath.Join(home, "cache"),
		"TOGGLE_ENDPOINT": srv.URL + "/graphql",
		"TOGGLE_USERNAME": "demo",
		"TOGGLE_PASSWORD": hostile.Password,
	}
}

// TestHostileServerNeverReachesTheTerminal runs every command against a server that answers with
// escape sequences in every field, on a terminal and to a pipe, with and without -v.
func TestHostileServerNeverReachesTheTerminal(t *testing.T) {
	env := hostileEnv(t)
	dir := t.TempDir()
	// A document file whose name and content are hostile too: check quotes both.
	badDoc := filepath.Join(dir, "evil\x1b[2J\u202e.graphql")
	writeFile(t, badDoc, "{ errors \x1b]0;x\x07 }")

	cases := []struct {
		name string
		tty  bool
		args []string
	}{
		{"login", true, []string{"login", "-v"}},
		{"login --check", true, []string{"login", "--check"}},
		{"login --print-token", false, []string{"login", "--print-token", "--no-store"}},
		{"token", true, []string{"token", hostile.Token(time.Now())}},
		{"run errors", true, []string{"run", "-v", "-q", hostile.QueryErrors}},
		{"run errors to a pipe", false, []string{"run", "-q", hostile.QueryErrors}},
		{"run errors pretty to a pipe", false, []string{"run", "--pretty", "-q", hostile.QueryErrors}},
		{"run non-JSON", true, []string{"run", "-v", "-q", hostile.QueryNonJSON}},
		{"run invalid JSON", true, []string{"run", "-q", hostile.QueryInvalid}},
		{"run raw C1 in JSON", true, []string{"run", "-q", hostile.QueryData}},
		{"run raw C1 in JSON to a pipe", false, []string{"run", "-q", hostile.QueryData}},
		{"history", true, []string{"history"}},
		{"queries", true, []string{"queries", "--queries", dir}},
		{"check", true, []string{"check", "--schema", writeTemp(t, "s.graphql", "type Query { errors: Int }"), badDoc}},
		{"run a hostile file", true, []string{"run", badDoc}},
		{"doctor", true, []string{"doctor"}},
		{"doctor --json", false, []string{"doctor", "--json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, out, errOut := hostileRun(t, env, c.tty, "", c.args...)
			assertClean(t, "stdout", out)
			assertClean(t, "stderr", errOut)
		})
	}

	// The history file is text from disk: a tampered line is escaped too.
	hist := filepath.Join(env["XDG_STATE_HOME"], "toggle-explorer", "history.jsonl")
	line, _ := json.Marshal(map[string]any{"time": time.Now(), "operation": hostile.Payload, "kind": "query",
		"outcome": hostile.Payload, "status": 200, "endpoint": hostile.Payload})
	f, err := os.OpenFile(hist, os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.Write(append(line, '\n'))
	_ = f.Close()
	_, out, errOut := hostileRun(t, env, true, "", "history")
	assertClean(t, "history stdout", out)
	assertClean(t, "history stderr", errOut)
	if !strings.Contains(out, `\x1b]0;pwned`) {
		t.Errorf("history does not show the tampered entry escaped:\n%s", out)
	}
}

// TestHostileOutputDetails checks what the escaped output says, and that the test above can fail:
// a non-JSON body still reaches a pipe as it came.
func TestHostileOutputDetails(t *testing.T) {
	env := hostileEnv(t)

	code, out, errOut := hostileRun(t, env, false, "", "run", "-q", hostile.QueryNonJSON)
	if code != exitTransport || !strings.Contains(out, hostile.Payload) {
		t.Errorf("a non-JSON body to a pipe should be raw (exit %d):\n%q", code, out)
	}
	assertClean(t, "stderr", errOut)

	_, out, _ = hostileRun(t, env, true, "", "run", "-q", hostile.QueryNonJSON)
	if !strings.Contains(out, `<html>T\x1b]0;pwned\x07C\x1b[2J`) {
		t.Errorf("a non-JSON body on a terminal should be escaped:\n%q", out)
	}

	// JSON keeps its value, as \u escapes, to a pipe too.
	_, out, _ = hostileRun(t, env, false, "", "run", "-q", hostile.QueryData)
	var v struct {
		Data map[string]string `json:"data"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Data["d\u202ekey"] != "S\u009b31mB\u202eevil\u2066D\x7f\u2028" {
		t.Errorf("JSON output lost its value (%v): %q", err, out)
	}
	if !strings.Contains(out, `S\u009b31mB\u202eevil\u2066D\u007f\u2028`) {
		t.Errorf("JSON output does not escape C1, bidi and DEL as \\u: %q", out)
	}

	// error: lines carry the message, the path and the validation map, each escaped.
	code, _, errOut = hostileRun(t, env, false, "", "run", "-q", hostile.QueryErrors)
	if code != exitGraphQL {
		t.Errorf("exit %d, want %d", code, exitGraphQL)
	}
	// The payload travelled as JSON, where its invalid byte became U+FFFD.
	esc := display.Line(strings.ToValidUTF8(hostile.Payload, "\uFFFD"))
	for _, want := range []string{"error: " + esc, "(path " + esc + ".0)", "; " + esc + ": " + esc} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}

	// A refused login's message is printed once, even with -v.
	env["TOGGLE_PASSWORD"] = "wrong"
	code, _, errOut = hostileRun(t, env, false, "", "login", "-v", "--no-store")
	if code != exitAuth {
		t.Errorf("refused login: exit %d, want %d", code, exitAuth)
	}
	if n := strings.Count(errOut, esc); n != 1 {
		t.Errorf("the refusal message appears %d times, want once:\n%s", n, errOut)
	}
	assertClean(t, "refused login stderr", errOut)
}

// A deadline of zero or less is bad usage: exit 4, nothing sent, whatever the command.
func TestTimeoutMustBePositive(t *testing.T) {
	h := newHarness(t, demoConfig())
	for _, args := range [][]string{
		{"run", "--timeout", "0", "-q", "{ Products(account_id: 1) { id } }"},
		{"run", "--timeout=-5s", "-q", "{ Products(account_id: 1) { id } }"},
		{"run", "--timeout", "soon", "-q", "{ Products(account_id: 1) { id } }"},
		{"login", "--timeout", "0s"},
		{"check", "--timeout", "-1ms", "x.graphql"},
	} {
		code, _, errOut := h.run("", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if !strings.Contains(errOut, "-timeout") {
			t.Errorf("%v: stderr does not name the flag: %s", args, errOut)
		}
	}
	if n := h.server.Stats().Requests; n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
	if code, _, errOut := h.run("", "run", "--timeout", "30s", "-q", "{ Products(account_id: 1) { id } }"); code != exitOK {
		t.Errorf("a positive timeout was refused: exit %d: %s", code, errOut)
	}
}
