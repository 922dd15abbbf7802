package mockapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// benchServer returns a server with a huge throttle budget and a valid token.
func benchServer(b *testing.B) (*Server, string) {
	b.Helper()
	srv := New(Config{ThrottleMax: 1 << 30, ThrottleRefillPerSecond: 1 << 30, TokenTTL: 24 * time.Hour})
	rec := httptest.NewRecorder()
	body, _ := json.Marshal(map[string]any{"query": loginQuery, "variables": map[string]any{"username": DemoUsername, "password": DemoPassword}})
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)))
	return srv, rec.Header().Get("X-Authorization")
}

func benchRequest(b *testing.B, srv *Server, tok string, body []byte) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body.String())
		}
	}
}

func BenchmarkBalanceQuery(b *testing.B) {
	srv, tok := benchServer(b)
	body, _ := json.Marshal(map[string]any{"query": balanceQuery, "variables": map[string]any{"ref": SeedCardFresh}})
	benchRequest(b, srv, tok, body)
}

func BenchmarkLogin(b *testing.B) {
	srv, _ := benchServer(b)
	body, _ := json.Marshal(map[string]any{"query": loginQuery, "variables": map[string]any{"username": DemoUsername, "password": DemoPassword}})
	benchRequest(b, srv, "", body)
}

func BenchmarkUnauthorized(b *testing.B) {
	srv, _ := benchServer(b)
	body, _ := json.Marshal(map[string]any{"query": balanceQuery, "variables": map[string]any{"ref": SeedCardFresh}})
	benchRequest(b, srv, "", body)
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(Config{})
	}
}
