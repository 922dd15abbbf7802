package mockapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestReceivedLogsHeaders(t *testing.T) {
	s := New(Config{})
	for i := 0; i < receivedLimit+3; i++ {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{__typename}"}`))
		req.Header.Set("X-Seq", string(rune('a'+i%26)))
		req.Header.Set("X-Tenant", "acme")
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	got := s.Received()
	if len(got) != receivedLimit {
		t.Fatalf("kept %d requests, want the newest %d", len(got), receivedLimit)
	}
	last := got[len(got)-1]
	if last.Header.Get("X-Tenant") != "acme" || last.Path != "/graphql" || last.Method != http.MethodPost {
		t.Errorf("last = %+v", last)
	}
	if want := string(rune('a' + (receivedLimit+2)%26)); last.Header.Get("X-Seq") != want {
		t.Errorf("last X-Seq = %q, want %q (the newest)", last.Header.Get("X-Seq"), want)
	}
	got[0].Header.Set("X-Tenant", "changed")
	if s.Received()[0].Header.Get("X-Tenant") != "acme" {
		t.Error("Received returned the log's own header map")
	}
}
