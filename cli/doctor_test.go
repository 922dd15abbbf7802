package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// tokenTap serves a fake and remembers every token its answers carried.
type tokenTap struct {
	mu     sync.Mutex
	tokens []string
}

func (tp *tokenTap) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		tp.mu.Lock()
		for _, name := range []string{"X-Authorization", "Authorization"} {
			if v := rec.Header().Get(name); v != "" {
				tp.tokens = append(tp.tokens, strings.TrimPrefix(v, "Bearer "))
			}
		}
		tp.mu.Unlock()
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
}

// doctorHarness is a CLI harness whose endpoint is a tapped fake.
func doctorHarness(t *testing.T, cfg mockapi.Config) (*harness, *tokenTap) {
	t.Helper()
	h := newHarness(t, cfg)
	tap := &tokenTap{}
	hs := httptest.NewServer(tap.wrap(h.server))
	t.Cleanup(hs.Close)
	h.env["TOGGLE_ENDPOINT"] = hs.URL + "/graphql"
	return h, tap
}

func TestDoctorNamesStrictRotation(t *testing.T) {
	cfg := demoConfig()
	cfg.RotateAfter, cfg.Strict, cfg.RotateHeader, cfg.BearerPrefix, cfg.UnauthStatus = time.Nanosecond, true, mockapi.RotateXAuthorization, true, 401
	h, tap := doctorHarness(t, cfg)
	h.env["TOGGLE_EMAIL"] = mockapi.DemoEmail
	code, out, errOut := h.run("", "doctor", "--no-store")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{
		"Adopt the token from X-Authorization on every response: the old one is refused at once",
		`Strip the "Bearer " prefix`,
		"Treat HTTP 401 as Unauthorized",
		"By email",
		"Requests made (9)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, js, _ := h.run("", "doctor", "--json", "--no-store")
	if code != exitOK {
		t.Fatalf("--json exit %d", code)
	}
	if len(tap.tokens) < 6 {
		t.Fatalf("the tap saw %d tokens", len(tap.tokens))
	}
	for _, tok := range append(tap.tokens, mockapi.DemoPassword) {
		if strings.Contains(out, tok) || strings.Contains(js, tok) || strings.Contains(errOut, tok) {
			t.Fatal("a token or the password reached the output")
		}
	}
}

func TestDoctorJSONShape(t *testing.T) {
	h, _ := doctorHarness(t, demoConfig())
	code, out, errOut := h.run("", "doctor", "--json", "--no-store")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"endpoint", "started", "outcome", "reachability", "logins", "unauthenticated", "header_forms", "rotation", "verdicts", "requests"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("no %q key", k)
		}
	}
	if rep["outcome"] != "ok" {
		t.Errorf("outcome %v", rep["outcome"])
	}
	reqs, _ := rep["requests"].([]any)
	if len(reqs) == 0 || len(reqs) > 10 {
		t.Fatalf("requests %v", reqs)
	}
	first := reqs[0].(map[string]any)
	for _, k := range []string{"n", "purpose", "auth", "status", "result", "took_ms"} {
		if _, ok := first[k]; !ok {
			t.Errorf("request lacks %q: %v", k, first)
		}
	}
	login := rep["logins"].([]any)[0].(map[string]any)
	if login["lifetime_ms"] != float64(time.Hour/time.Millisecond) || login["alg"] != "HS256" {
		t.Errorf("login %v", login)
	}
	v := rep["verdicts"].([]any)[0].(map[string]any)
	if v["do"] == "" || v["because"] == "" {
		t.Errorf("verdict %v", v)
	}
}

func TestDoctorExitCodes(t *testing.T) {
	h, _ := doctorHarness(t, demoConfig())
	h.env["TOGGLE_PASSWORD"] = "not-the-password"
	if code, out, _ := h.run("", "doctor", "--no-store"); code != exitAuth || !strings.Contains(out, "AUTH FAILED") {
		t.Errorf("wrong password: exit %d\n%s", code, out)
	}

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	h.env["TOGGLE_ENDPOINT"] = closed.URL + "/graphql"
	if code, out, _ := h.run("", "doctor", "--no-store"); code != exitTransport || !strings.Contains(out, "UNREACHABLE") {
		t.Errorf("closed port: exit %d\n%s", code, out)
	}

	h.env["TOGGLE_ENDPOINT"] = "ftp://example.com/graphql"
	if code, _, errOut := h.run("", "doctor", "--no-store"); code != exitUsage || !strings.Contains(errOut, "doctor:") {
		t.Errorf("bad endpoint: exit %d %s", code, errOut)
	}
}
