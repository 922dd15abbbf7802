package mockapi

import (
	"net/http"
	"sync"
)

// receivedLimit bounds the log of received requests: the fake may serve a long demo.
const receivedLimit = 512

// Received is one HTTP request as the fake saw it, for tests that check what a client sent
// (which headers, to which path) — for example that one profile's token or custom headers never
// reach another profile's endpoint.
type Received struct {
	// Method and Path are the request line's.
	Method, Path string
	// Header is a copy of the request's headers, unredacted: the fake is a test double.
	Header http.Header
}

// receivedLog keeps the newest receivedLimit requests.
type receivedLog struct {
	mu   sync.Mutex
	reqs []Received
}

func (l *receivedLog) add(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.reqs) == receivedLimit {
		l.reqs = append(l.reqs[:0], l.reqs[1:]...)
	}
	l.reqs = append(l.reqs, Received{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone()})
}

func (l *receivedLog) snapshot() []Received {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Received, len(l.reqs))
	for i, r := range l.reqs {
		out[i] = Received{Method: r.Method, Path: r.Path, Header: r.Header.Clone()}
	}
	return out
}

// Received returns the newest requests the server received (at most 512), oldest first.
func (s *Server) Received() []Received { return s.received.snapshot() }
