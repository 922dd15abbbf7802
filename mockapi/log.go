package mockapi

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
	"time"
)

// The kinds of entry in the server's request log.
const (
	// LogLogin is a successful loginUser.
	LogLogin = "login"
	// LogLoginRefused is a loginUser refused for its credentials.
	LogLoginRefused = "login refused"
	// LogAuthorized is a request whose token was accepted.
	LogAuthorized = "authorized"
	// LogRefused is a request refused as Unauthorized.
	LogRefused = "refused"
)

// logLimit bounds the request log: past it the oldest entries are dropped.
const logLimit = 10000

// LogEntry is one thing the server did about authentication, as a test wants to read it.
// Tokens appear only as fingerprints: the first 12 hex digits of the SHA-256 of the raw JWT
// (the same scheme the explorer shows, so a test can match them).
type LogEntry struct {
	// Seq numbers entries from 1 in the order the server made them.
	Seq int
	// Time is the server's (skewed) clock.
	Time time.Time
	// Kind is one of the Log* constants.
	Kind string
	// Operation is the request's operation name ("" for anonymous operations).
	Operation string
	// Sent is the fingerprint of the token the request carried ("" when none).
	Sent string
	// Issued is the fingerprint of the token the response hands out (a login's, or a rotation's).
	Issued string
	// Reason says why a request was refused: missing, invalid, expired, revoked or superseded.
	Reason string
}

// requestLog is the goroutine-safe, bounded log behind Server.Log.
type requestLog struct {
	mu      sync.Mutex
	seq     int
	entries []LogEntry
}

func (l *requestLog) add(e LogEntry) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	e.Seq = l.seq
	if len(l.entries) == logLimit {
		l.entries = append(l.entries[:0], l.entries[1:]...)
	}
	l.entries = append(l.entries, e)
}

func (l *requestLog) list() []LogEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]LogEntry(nil), l.entries...)
}

// tokenFingerprint fingerprints a raw JWT, or an Authorization header value holding one.
func tokenFingerprint(raw string) string {
	if tok, ok := bearerToken(raw); ok {
		raw = tok
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:6])
}

// CountLog counts the entries of each kind in entries, e.g. CountLog(srv.Log())[LogLogin].
func CountLog(entries []LogEntry) map[string]int {
	out := map[string]int{}
	for _, e := range entries {
		out[e.Kind]++
	}
	return out
}
