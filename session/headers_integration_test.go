package session_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// The user's headers reach the server as given, while the exchange log (what the inspector and
// curl exports read) and the history entry keep only masks for secret-looking ones.
func TestUserHeadersSentAndMaskedInTheLog(t *testing.T) {
	srv, s, _ := start(t, mockapi.DefaultConfig())
	if _, err := s.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	const secret = "api-key-canary-7f3a"
	req := session.Request{Query: cardsQuery, OperationName: "Cards",
		Headers: http.Header{"X-Api-Key": {secret}, "X-Tenant": {"acme"}}}
	res, err := s.Execute(context.Background(), req)
	if err != nil || res.EnvelopeErr != nil {
		t.Fatal(err, res.EnvelopeErr)
	}
	got := srv.Received()
	last := got[len(got)-1].Header
	if last.Get("X-Api-Key") != secret || last.Get("X-Tenant") != "acme" || !strings.HasPrefix(last.Get("Authorization"), "Bearer ") {
		t.Fatalf("the server received %v", last)
	}
	ex := s.Exchanges()
	logged := ex[len(ex)-1].RequestHeader
	if v := logged.Get("X-Api-Key"); strings.Contains(v, secret) || !strings.Contains(v, "redacted") {
		t.Errorf("the exchange log keeps X-Api-Key as %q", v)
	}
	if logged.Get("X-Tenant") != "acme" {
		t.Errorf("a harmless header was masked: %q", logged.Get("X-Tenant"))
	}
	doc, err := query.Parse(cardsQuery)
	if err != nil {
		t.Fatal(err)
	}
	entry := s.HistoryEntry(doc.Operations[0], req, ex[len(ex)-1].Started, res, nil)
	if entry.Headers["X-Api-Key"] == secret || entry.Headers["X-Tenant"] != "acme" {
		t.Errorf("history headers = %v", entry.Headers)
	}
}
