package mockapi

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a settable clock for Config.Now.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2030, 3, 14, 9, 26, 53, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// harness is a fake server behind a real loopback HTTP listener.
type harness struct {
	t   *testing.T
	srv *Server
	url string
}

func newHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	srv := New(cfg)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &harness{t: t, srv: srv, url: ts.URL + "/graphql"}
}

// reply is a decoded response.
type reply struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// post sends a GraphQL request; auth is the whole Authorization header value ("" = none).
func (h *harness) post(auth, query string, vars map[string]any) reply {
	h.t.Helper()
	payload, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		h.t.Fatal(err)
	}
	return h.postRaw(auth, payload)
}

func (h *harness) postRaw(auth string, payload []byte) reply {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.url, bytes.NewReader(payload))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	r := reply{status: resp.StatusCode, header: resp.Header, raw: raw}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &r.body); err != nil {
			h.t.Fatalf("invalid JSON %q: %v", raw, err)
		}
	}
	return r
}

const loginQuery = `query Login($username: String, $email: String, $password: String!) {
  loginUser(username: $username, email: $email, password: $password) { id }
}`

// login logs in as the demo user and returns the token from X-Authorization.
func (h *harness) login() string {
	h.t.Helper()
	r := h.post("", loginQuery, map[string]any{"username": DemoUsername, "password": DemoPassword})
	tok := r.header.Get("X-Authorization")
	if r.status != 200 || tok == "" {
		h.t.Fatalf("login failed: %d %s", r.status, r.raw)
	}
	return tok
}

// bearer is the request header value for tok.
func bearer(tok string) string { return "Bearer " + tok }

const balanceQuery = `query Balance($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) {
    data { card_reference balance used ValueSplit { tender discount } }
    total per_page
  }
}`

// balance returns the card's balance via the API.
func (h *harness) balance(tok, ref string) float64 {
	h.t.Helper()
	r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": ref})
	data := dig(h.t, r.body, "data", "Cards", "data").([]any)
	if len(data) != 1 {
		h.t.Fatalf("card %s: %s", ref, r.raw)
	}
	return data[0].(map[string]any)["balance"].(float64)
}

// dig walks nested maps and lists ("0" indexes a list).
func dig(t *testing.T, v any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		switch c := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = c[k]; !ok {
				t.Fatalf("no key %q in %v", k, c)
			}
		case []any:
			var i int
			if _, err := json.Number(k).Int64(); err != nil || len(c) == 0 {
				t.Fatalf("cannot index %v with %q", c, k)
			}
			n, _ := json.Number(k).Int64()
			i = int(n)
			v = c[i]
		default:
			t.Fatalf("cannot dig %q into %v", k, v)
		}
	}
	return v
}

// firstError returns errors[0] of a reply.
func firstError(t *testing.T, r reply) map[string]any {
	t.Helper()
	errs, ok := r.body["errors"].([]any)
	if !ok || len(errs) == 0 {
		t.Fatalf("no errors in %s", r.raw)
	}
	return errs[0].(map[string]any)
}
