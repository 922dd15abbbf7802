package mockapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// outcome classifies one raw HTTP exchange: "ok", "502" or "truncated".
func outcome(t *testing.T, url string, body string) string {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated"
	case err != nil:
		t.Fatal(err)
	case resp.StatusCode == http.StatusBadGateway:
		if resp.Header.Get("Content-Type") != "text/html" || !bytes.Contains(raw, []byte("<h1>502 Bad Gateway</h1>")) {
			t.Fatalf("502 page: %q %s", resp.Header.Get("Content-Type"), raw)
		}
		return "502"
	}
	return "ok"
}

const typenameBody = `{"query":"{ __typename }"}`

func TestBadGatewayFault(t *testing.T) {
	h := newHarness(t, Config{FailureRate: 1})
	body := `{"query":"query { loginUser(username: \"demo\", password: \"` + DemoPassword + `\") { id } }"}`
	if got := outcome(t, h.url, body); got != "502" {
		t.Fatalf("outcome %s", got)
	}
	if s := h.srv.Stats(); s.Logins != 0 || s.Faults != 1 {
		t.Fatalf("a 502 must mean the API never ran the request: %+v", s)
	}
}

func TestTruncateFault(t *testing.T) {
	h := newHarness(t, Config{TruncateRate: 1})
	body := `{"query":"query { loginUser(username: \"demo\", password: \"` + DemoPassword + `\") { id } }"}`
	if got := outcome(t, h.url, body); got != "truncated" {
		t.Fatalf("outcome %s", got)
	}
	if s := h.srv.Stats(); s.Logins != 1 {
		t.Fatalf("a truncated answer still ran the request: %+v", s)
	}
}

func TestFaultsAreDeterministicWithASeed(t *testing.T) {
	run := func(seed int64) string {
		h := newHarness(t, Config{FailureRate: 0.3, TruncateRate: 0.3, Seed: seed})
		var seq []string
		for range 30 {
			seq = append(seq, outcome(t, h.url, typenameBody))
		}
		return strings.Join(seq, ",")
	}
	a, b := run(42), run(42)
	if a != b {
		t.Fatalf("same seed, different faults:\n%s\n%s", a, b)
	}
	for _, kind := range []string{"ok", "502", "truncated"} {
		if !strings.Contains(a, kind) {
			t.Errorf("30 draws at 30%%/30%% never gave %s: %s", kind, a)
		}
	}
	if run(7) == a {
		t.Error("a different seed should give a different sequence")
	}
}

func TestLatencyStopsWhenTheClientGivesUp(t *testing.T) {
	h := newHarness(t, Config{Latency: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, h.url, strings.NewReader(typenameBody))
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// The test's own httptest.Server.Close would hang for a minute if the handler kept
	// sleeping; finishing at all is the check.
}
