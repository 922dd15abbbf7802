package doctor

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// base is a whole second, so the server's Date header and our clock agree to the millisecond.
var base = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// stepClock advances a millisecond on every reading: tokens issued a few requests apart differ,
// as on a real server, without the test depending on how fast the machine is. The fake server
// and the doctor share it.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func newStepClock() *stepClock { return &stepClock{t: base} }

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// recorder is a RoundTripper that remembers every secret that crossed the wire (tokens sent and
// received, and the password in login bodies), so tests can check none reaches the output.
type recorder struct {
	base    http.RoundTripper
	mu      sync.Mutex
	secrets []string
	sent    int
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.sent++
	if v := req.Header.Get("Authorization"); v != "" {
		r.secrets = append(r.secrets, lastWord(v))
	}
	r.mu.Unlock()
	resp, err := r.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	for _, h := range []string{"X-Authorization", "Authorization"} {
		if v := resp.Header.Get(h); v != "" {
			r.secrets = append(r.secrets, lastWord(v))
		}
	}
	r.mu.Unlock()
	return resp, nil
}

func lastWord(v string) string {
	f := strings.Fields(v)
	return f[len(f)-1]
}

// probe runs the doctor against a fake server configured by cfg, over HTTP, and checks what every
// run must satisfy: a handful of requests, no mutation, no secret in the text or JSON output.
func probe(t *testing.T, cfg mockapi.Config, tweak func(*Config)) (Report, *mockapi.Server) {
	t.Helper()
	clock := newStepClock()
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	srv := mockapi.New(cfg)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	rec := &recorder{base: http.DefaultTransport.(*http.Transport).Clone()}
	dc := Config{
		Endpoint:  hs.URL + "/graphql",
		Username:  mockapi.DemoUsername,
		Password:  mockapi.DemoPassword,
		Clock:     clock,
		Transport: rec,
		Timeout:   10 * time.Second,
	}
	if tweak != nil {
		tweak(&dc)
	}
	rep, err := Run(context.Background(), dc)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rec.sent > 10 || rec.sent != len(rep.Requests) {
		t.Errorf("sent %d requests, listed %d (at most 10)", rec.sent, len(rep.Requests))
	}
	for f := range srv.Stats().Fields {
		if f != "loginUser" && f != "__schema" {
			t.Errorf("the doctor asked for %q: only loginUser and introspection are allowed", f)
		}
	}
	js, err := rep.JSON()
	if err != nil {
		t.Fatal(err)
	}
	text := rep.Text()
	for _, s := range append(rec.secrets, mockapi.DemoPassword, dc.Password) {
		if s == "" {
			continue
		}
		if strings.Contains(text, s) || bytes.Contains(js, []byte(s)) {
			t.Fatalf("a secret (%d bytes) reached the output", len(s))
		}
	}
	return rep, srv
}

// verdictWith returns the verdict whose instruction contains s.
func verdictWith(rep Report, s string) (Verdict, bool) {
	for _, v := range rep.Verdicts {
		if strings.Contains(v.Do, s) {
			return v, true
		}
	}
	return Verdict{}, false
}

func mustVerdict(t *testing.T, rep Report, s string) Verdict {
	t.Helper()
	v, ok := verdictWith(rep, s)
	if !ok {
		t.Fatalf("no verdict containing %q in:\n%s", s, rep.Text())
	}
	return v
}

// rawHandler answers every request with one fixed response.
func rawHandler(status int, header map[string]string, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	})
}
