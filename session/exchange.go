package session

import (
	"net/http"
	"sync"
	"time"
)

// DefaultExchangeLogSize is how many exchanges the log keeps.
const DefaultExchangeLogSize = 200

// DefaultExchangeBodyLimit caps how much of each response body the log keeps.
const DefaultExchangeBodyLimit = 256 << 10

// Exchange records one HTTP round trip for the inspector. Headers are redacted and secret-looking
// request variables masked before the record is made, so an Exchange is safe to show or export.
type Exchange struct {
	// ID numbers exchanges from 1 in the order they were sent.
	ID int64
	// Operation is the GraphQL operation name ("loginUser" for logins).
	Operation string
	// Method and URL of the request.
	Method, URL string
	// RequestHeader and ResponseHeader are redacted copies.
	RequestHeader, ResponseHeader http.Header
	// RequestBody is the JSON body with secret variables masked.
	RequestBody []byte
	// Status is the HTTP status (0 when no response arrived).
	Status int
	// ResponseBody is the start of the raw body, at most the log's body limit.
	ResponseBody []byte
	// Truncated is true when ResponseBody is shorter than the body.
	Truncated bool
	// Size is the full response body size in bytes.
	Size int64
	// Started is when the request was sent, by the session clock.
	Started time.Time
	// Duration is the time until the body was read (wall time of the round trip).
	Duration time.Duration
	// SentFingerprint is the fingerprint of the token the request carried ("" when none).
	SentFingerprint string
	// ReceivedFingerprint is the fingerprint of a token in the response headers ("" when none).
	ReceivedFingerprint string
	// Err is the transport error, if the round trip failed.
	Err string
}

// exchangeLog is a bounded ring of exchanges, safe for concurrent use.
type exchangeLog struct {
	mu     sync.Mutex
	nextID int64
	ring   []Exchange
	start  int // index of the oldest entry once the ring is full
	size   int
}

func newExchangeLog(size int) *exchangeLog {
	return &exchangeLog{size: size, ring: make([]Exchange, 0, min(size, 64))}
}

// reserve hands out the next exchange ID, so the ID is known while the request is in flight.
func (l *exchangeLog) reserve() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.nextID++
	return l.nextID
}

// add stores a finished exchange, evicting the oldest when full.
func (l *exchangeLog) add(e Exchange) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.ring) < l.size {
		l.ring = append(l.ring, e)
		return
	}
	l.ring[l.start] = e
	l.start = (l.start + 1) % l.size
}

// list returns the exchanges oldest first. The slice is new; headers and bodies are shared but
// never modified after the record is made.
func (l *exchangeLog) list() []Exchange {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Exchange, 0, len(l.ring))
	out = append(out, l.ring[l.start:]...)
	out = append(out, l.ring[:l.start]...)
	return out
}
