package session

import (
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// curlCanary returns a parsed token whose raw value is a unique JWT, and the raw value.
func curlCanary(t testing.TB) (Token, string) {
	t.Helper()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	raw := makeJWT(map[string]any{"sub": "canary-subject", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "jti": "CURLCANARY"})
	tok, err := ParseToken(raw, now, "test")
	if err != nil {
		t.Fatal(err)
	}
	return tok, raw
}

// curlExchange is a recorded query that carried tok.
func curlExchange(tok Token, body string) Exchange {
	return Exchange{
		ID: 7, Operation: "Cards", Method: http.MethodPost, URL: "http://127.0.0.1:9/graphql",
		RequestHeader: RedactHeader(http.Header{
			"Authorization": {"Bearer " + tok.Raw()},
			"Accept":        {"application/json; charset=utf-8"},
			"Content-Type":  {"application/json"},
			"X-Trace":       {"it's a trace"},
		}),
		RequestBody:     []byte(body),
		SentFingerprint: tok.Fingerprint,
	}
}

// secretForms are the ways a token could leak: whole, each base64url segment, JSON-escaped.
func secretForms(raw string) []string {
	forms := []string{raw, strings.ReplaceAll(raw, "/", `\/`)}
	return append(forms, strings.Split(raw, ".")...)
}

func TestCurlCommandRedactedByDefault(t *testing.T) {
	tok, raw := curlCanary(t)
	out := CurlCommand(curlExchange(tok, `{"query":"{ a }"}`), "http://127.0.0.1:9/graphql", tok, false)
	for _, s := range secretForms(raw) {
		if strings.Contains(out, s) {
			t.Fatalf("redacted curl contains the token (form %.10s…):\n%s", s, out)
		}
	}
	for _, want := range []string{`-H "Authorization: Bearer $TOGGLE_TOKEN"`, "read -rs TOGGLE_TOKEN", "curl -sS -X 'POST' 'http://127.0.0.1:9/graphql'"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "redacted fp:") {
		t.Errorf("the redacted Authorization record was copied into the command:\n%s", out)
	}
}

func TestCurlCommandRevealOnce(t *testing.T) {
	tok, raw := curlCanary(t)
	out := CurlCommand(curlExchange(tok, `{"query":"{ a }"}`), "http://127.0.0.1:9/graphql", tok, true)
	if n := strings.Count(out, raw); n != 1 {
		t.Fatalf("token appears %d times, want exactly 1:\n%s", n, out)
	}
	if !strings.Contains(out, "WARNING: this command contains a live bearer token (fp:"+tok.Fingerprint+")") {
		t.Errorf("no warning comment:\n%s", out)
	}
	if strings.Contains(out, "TOGGLE_TOKEN") {
		t.Errorf("revealed command still refers to $TOGGLE_TOKEN:\n%s", out)
	}
}

func TestCurlCommandCases(t *testing.T) {
	tok, _ := curlCanary(t)
	other, _ := ParseToken(makeJWT(map[string]any{"sub": "x", "exp": 4102444800}), time.Now(), "test")
	login := Exchange{ID: 1, Operation: "loginUser", Method: "POST",
		RequestBody: MaskRequestBody([]byte(`{"query":"mutation Login","variables":{"username":"demo","password":"pw"}}`), true)}
	cases := []struct {
		name     string
		x        Exchange
		token    Token
		reveal   bool
		want     []string
		dontWant []string
	}{
		{"login sends no token", login, tok, true,
			[]string{"<masked>", "secret variables are masked"}, []string{"Authorization", tok.Raw()}},
		{"rotated since", curlExchange(other, `{}`), tok, false,
			[]string{"sent token fp:" + other.Fingerprint + "; the current token is fp:" + tok.Fingerprint}, nil},
		{"logged out, reveal asked", curlExchange(tok, `{}`), Token{}, true,
			[]string{"$TOGGLE_TOKEN"}, []string{"WARNING"}},
		{"non-secret headers kept, secret ones dropped", curlExchange(tok, `{}`), tok, false,
			[]string{`-H 'X-Trace: it'\''s a trace'`, "-H 'Accept: application/json; charset=utf-8'"}, []string{"redacted"}},
		{"operation cannot break out of its comment", Exchange{ID: 2, Operation: "A\nrm -rf ~", Method: "POST"}, Token{}, false,
			[]string{"(A?rm -rf ~)"}, []string{"\nrm -rf"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := CurlCommand(c.x, "http://127.0.0.1:9/graphql", c.token, c.reveal)
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("missing %q in:\n%s", w, out)
				}
			}
			for _, w := range c.dontWant {
				if strings.Contains(out, w) {
					t.Errorf("unexpected %q in:\n%s", w, out)
				}
			}
		})
	}
}

// The command must parse (sh -n) and, run with curl replaced by a function that prints its
// arguments, hand curl exactly the recorded body, whatever quotes, dollars or newlines it holds.
func TestCurlCommandRunsInShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	tok, raw := curlCanary(t)
	bodies := []string{
		`{"query":"{ a }","variables":{"note":"it's $(touch /tmp/pwned) ` + "`id`" + ` \\ \"q\""}}`,
		"{\"query\":\"query {\\n  a\\n}\"}\nJSON\n'''",
		``,
	}
	for _, body := range bodies {
		for _, reveal := range []bool{false, true} {
			out := CurlCommand(curlExchange(tok, body), "http://127.0.0.1:9/graphql?x=1&y='2'", tok, reveal)
			check := exec.Command(sh, "-n")
			check.Stdin = strings.NewReader(out)
			if msg, err := check.CombinedOutput(); err != nil {
				t.Fatalf("sh -n: %v %s\n%s", err, msg, out)
			}
			script := `curl() { for a in "$@"; do printf '%s\0' "$a"; done; }` + "\n" + out
			run := exec.Command(sh, "-c", script)
			run.Env = append(os.Environ(), "TOGGLE_TOKEN=from-env")
			got, err := run.Output()
			if err != nil {
				t.Fatalf("sh: %v\n%s", err, out)
			}
			args := strings.Split(strings.TrimSuffix(string(got), "\x00"), "\x00")
			if last := args[len(args)-1]; last != body {
				t.Errorf("curl got body %q, want %q", last, body)
			}
			if args[3] != "http://127.0.0.1:9/graphql?x=1&y='2'" {
				t.Errorf("curl got URL %q", args[3])
			}
			wantAuth := "Authorization: Bearer from-env"
			if reveal {
				wantAuth = "Authorization: Bearer " + raw
			}
			if !containsArg(args, wantAuth) {
				t.Errorf("curl args %q lack %q", args, wantAuth)
			}
		}
	}
}

func containsArg(args []string, want string) bool {
	for _, a := range args {
		if a == want {
			return true
		}
	}
	return false
}

// unquoteShell reads one POSIX-shell word made of single-quoted runs and backslash-escaped
// quotes, the only forms shellQuote produces, and returns the rest of s.
func unquoteShell(s string) (word, rest string, ok bool) {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case s[0] == '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return "", "", false
			}
			b.WriteString(s[1 : 1+end])
			s = s[end+2:]
		case strings.HasPrefix(s, `\'`):
			b.WriteByte('\'')
			s = s[2:]
		default:
			return b.String(), s, true
		}
	}
	return b.String(), "", true
}

// FuzzCurlCommand: for any body, URL and operation, the redacted command never holds the token,
// and the --data-raw argument unquotes to exactly the body.
func FuzzCurlCommand(f *testing.F) {
	f.Add(`{"query":"{ a }"}`, "http://127.0.0.1/graphql", "Cards")
	f.Add(`it's '' \' "$x"`, "http://h/'q'", "A\nB")
	f.Add("\n'\n", "", "")
	tok, raw := curlCanary(f)
	f.Fuzz(func(t *testing.T, body, url, op string) {
		x := curlExchange(tok, body)
		x.Operation = op
		out := CurlCommand(x, url, tok, false)
		if strings.Contains(out, raw) {
			t.Fatal("token in a redacted command")
		}
		i := strings.LastIndex(out, "--data-raw ")
		if i < 0 {
			t.Fatal("no --data-raw")
		}
		got, rest, ok := unquoteShell(out[i+len("--data-raw "):])
		if !ok || rest != "\n" || got != body {
			t.Fatalf("body %q unquoted to %q (rest %q, ok %v)", body, got, rest, ok)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "curl ") {
				break
			}
			if line != "" && !strings.HasPrefix(line, "#") {
				t.Fatalf("a comment line was broken: %q", line)
			}
		}
	})
}

func TestCurlCommandSecretUserHeadersComeFromTheShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	tok, _ := curlCanary(t)
	x := curlExchange(tok, `{"query":"{ a }"}`)
	x.RequestHeader = RedactHeader(http.Header{
		"Authorization": {"Bearer " + tok.Raw()},
		"X-Api-Key":     {"key-canary-123"},
		"X-Tenant":      {"acme"},
		"X-$weird`Key":  {"other-canary"},
	})
	out := CurlCommand(x, "http://127.0.0.1:9/graphql", tok, false)
	for _, leak := range []string{"key-canary-123", "other-canary"} {
		if strings.Contains(out, leak) {
			t.Fatalf("a secret header's value reached the curl command:\n%s", out)
		}
	}
	if !strings.Contains(out, "set TOGGLE_HEADER_X_API_KEY") {
		t.Errorf("no comment says how to set the header:\n%s", out)
	}
	script := `curl() { for a in "$@"; do printf '%s\0' "$a"; done; }` + "\n" + out
	run := exec.Command(sh, "-c", script)
	run.Env = append(os.Environ(), "TOGGLE_TOKEN=t", "TOGGLE_HEADER_X_API_KEY=from-env", "TOGGLE_HEADER_X__WEIRD_KEY=w")
	got, err := run.Output()
	if err != nil {
		t.Fatalf("sh: %v\n%s", err, out)
	}
	args := strings.Split(strings.TrimSuffix(string(got), "\x00"), "\x00")
	for _, want := range []string{"X-Api-Key: from-env", "X-Tenant: acme", "X-$weird`Key: w"} {
		if !containsArg(args, want) {
			t.Errorf("curl args %q lack %q", args, want)
		}
	}
}
