package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"

	"github.com/toggle-explorer/toggle-explorer/cli/internal/perf"
	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// chunkMarker in a query's text asks for the fixture without Content-Length.
const chunkMarker = "PerfChunked"

// fixtureServer is the fake Toggle API (login, tokens, introspection, everything the explorer
// does on the way) with one addition: a query naming perfItems, sent with a bearer token, is
// answered with the 20 MB fixture, from memory, so the server costs next to nothing.
type fixtureServer struct {
	mock *mockapi.Server
	body []byte
}

func (s *fixtureServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		req, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if bytes.Contains(req, []byte("perfItems")) && len(r.Header.Get("Authorization")) > len("Bearer ") {
			s.serveFixture(w, bytes.Contains(req, []byte(chunkMarker)))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(req))
	}
	s.mock.ServeHTTP(w, r)
}

// serveFixture writes the fixture with Content-Length, or chunked in 32 KiB writes (no length:
// net/http then uses chunked transfer encoding, as many real servers do).
func (s *fixtureServer) serveFixture(w http.ResponseWriter, chunked bool) {
	w.Header().Set("Content-Type", "application/json")
	if !chunked {
		w.Header().Set("Content-Length", strconv.Itoa(len(s.body)))
		_, _ = w.Write(s.body)
		return
	}
	f, _ := w.(http.Flusher)
	for rest := s.body; len(rest) > 0; {
		n := min(len(rest), 32<<10)
		if _, err := w.Write(rest[:n]); err != nil {
			return
		}
		if f != nil {
			f.Flush()
		}
		rest = rest[n:]
	}
}

// startServer serves the fake with the fixture on a free loopback port and returns its endpoint.
func startServer() (url string, body []byte, stop func(), err error) {
	body = perf.Fixture(perf.FixtureItems)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, nil, err
	}
	srv := &http.Server{Handler: &fixtureServer{mock: mockapi.New(mockapi.DefaultConfig()), body: body}}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + "/graphql", body, func() { _ = srv.Close() }, nil
}
