package session

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a settable wall clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// makeJWT builds an unsigned-but-well-formed JWT from claims (numbers as given).
func makeJWT(claims map[string]any) string {
	enc := base64.RawURLEncoding
	h, _ := json.Marshal(map[string]any{"alg": "HS256", "typ": "JWT"})
	p, _ := json.Marshal(claims)
	sig := make([]byte, 32)
	_, _ = rand.Read(sig)
	return enc.EncodeToString(h) + "." + enc.EncodeToString(p) + "." + enc.EncodeToString(sig)
}

// jwtAt makes a token issued at iat lasting ttl, tagged with seq.
func jwtAt(iat time.Time, ttl time.Duration, seq int) string {
	return makeJWT(map[string]any{"sub": "demo", "iat": iat.Unix(), "exp": iat.Add(ttl).Unix(), "jti": fmt.Sprint(seq)})
}

// gqlBody is what the fake server reads from a request.
type gqlBody struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

// fakeAPI is a scripted Toggle: logins mint sequence-stamped JWTs, other requests need a valid
// bearer token. Hooks let a test slow, reorder, reject or rotate.
type fakeAPI struct {
	clock    *fakeClock
	ttl      time.Duration
	password string

	mu     sync.Mutex
	seq    int
	valid  map[string]bool
	sent   []string // bearer tokens presented by non-login requests, in arrival order
	bodies []gqlBody

	logins   atomic.Int32
	requests atomic.Int32

	// loginHook, when set, may handle a login itself (return true).
	loginHook func(w http.ResponseWriter, r *http.Request) bool
	// queryHook, when set, may handle a non-login request itself (return true).
	queryHook func(w http.ResponseWriter, r *http.Request, body gqlBody, tok string, valid bool) bool
}

func newFakeAPI(clock *fakeClock) *fakeAPI {
	return &fakeAPI{clock: clock, ttl: time.Hour, password: "s3cret-pass", valid: map[string]bool{}}
}

// mint issues and registers a new token.
func (f *fakeAPI) mint() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	tok := jwtAt(f.clock.Now(), f.ttl, f.seq)
	f.valid[tok] = true
	return tok
}

func (f *fakeAPI) revokeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.valid = map[string]bool{}
}

func (f *fakeAPI) sentTokens() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.sent...)
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body gqlBody
	_ = json.Unmarshal(raw, &body)
	f.mu.Lock()
	f.bodies = append(f.bodies, body)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Date", f.clock.Now().Format(http.TimeFormat))
	if strings.Contains(body.Query, "loginUser") {
		f.logins.Add(1)
		if f.loginHook != nil && f.loginHook(w, r) {
			return
		}
		if body.Variables["password"] != f.password {
			fmt.Fprint(w, `{"errors":[{"message":"Invalid credentials supplied","locations":[{"line":2,"column":3}],"customer_facing":false}],"data":{"loginUser":null}}`)
			return
		}
		tok := f.mint()
		w.Header().Set("X-Authorization", tok)
		w.Header().Set("Authorization", "Bearer "+tok)
		fmt.Fprint(w, `{"data":{"loginUser":{"id":"1"}}}`)
		return
	}
	f.requests.Add(1)
	tok := stripBearer(r.Header.Get("Authorization"))
	f.mu.Lock()
	f.sent = append(f.sent, tok)
	valid := f.valid[tok]
	f.mu.Unlock()
	if valid {
		if j, err := DecodeJWT(tok); err == nil && !f.clock.Now().Before(j.ExpiresAt) {
			valid = false
		}
	}
	if f.queryHook != nil && f.queryHook(w, r, body, tok, valid) {
		return
	}
	if !valid {
		writeUnauthorized(w)
		return
	}
	fmt.Fprint(w, `{"data":{"hello":"world"}}`)
}

func writeUnauthorized(w http.ResponseWriter) {
	fmt.Fprint(w, `{"errors":[{"message":"Unauthorized","locations":[{"line":2,"column":3}],"customer_facing":false}]}`)
}

// newTestSession starts f on loopback and builds a session against it.
func newTestSession(t testing.TB, f http.Handler, clock Clock, mod func(*Config)) (*Session, *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := Config{Endpoint: srv.URL + "/graphql", Clock: clock, RefreshMinDelay: time.Millisecond,
		RefreshBackoff: time.Millisecond, LoginTimeout: 5 * time.Second, RequestTimeout: 10 * time.Second}
	if mod != nil {
		mod(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, srv
}

func demoCreds(f *fakeAPI) Credentials {
	return Credentials{Username: "demo", Password: f.password}
}

// hello is the small query most tests run.
func hello() Request { return Request{Query: "query Hello { hello }", OperationName: "Hello"} }

// mustLogin logs in or fails the test.
func mustLogin(t testing.TB, s *Session, c Credentials) Token {
	t.Helper()
	tok, err := s.Login(context.Background(), c)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	return tok
}

// eventsOf returns the kinds in the timeline.
func eventsOf(s *Session, kind EventKind) []Event {
	var out []Event
	for _, e := range s.Timeline() {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}
