package mockapi

import (
	"maps"
	"sync"
)

// Stats counts what the server has seen since it started. Tests use it to assert, for
// example, that a client logged in exactly once.
type Stats struct {
	// Requests is every HTTP request the handler received.
	Requests int
	// Logins is successful loginUser calls; FailedLogins the refused ones.
	Logins, FailedLogins int
	// Unauthorized is requests refused (wholly or partly) for want of a valid token.
	Unauthorized int
	// UnauthorizedReasons splits Unauthorized by cause: missing, invalid, expired, revoked, superseded.
	UnauthorizedReasons map[string]int
	// Rotations is tokens issued by rotation (not by login).
	Rotations int
	// Throttled is requests refused because the cost bucket was empty.
	Throttled int
	// Faults is requests answered with an injected 502 or truncated body.
	Faults int
	// Operations counts GraphQL requests by operation name ("" for anonymous operations).
	Operations map[string]int
	// Fields counts root fields requested (loginUser, Cards, createOrder, __schema, ...).
	Fields map[string]int
}

// statsCounter is the goroutine-safe accumulator behind Server.Stats.
type statsCounter struct {
	mu sync.Mutex
	s  Stats
}

func newStatsCounter() *statsCounter {
	return &statsCounter{s: Stats{UnauthorizedReasons: map[string]int{}, Operations: map[string]int{},
		Fields: map[string]int{}}}
}

// update runs f on the counters under the lock.
func (c *statsCounter) update(f func(*Stats)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(&c.s)
}

// snapshot returns a deep copy, safe to keep and read.
func (c *statsCounter) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.s
	out.UnauthorizedReasons = maps.Clone(c.s.UnauthorizedReasons)
	out.Operations = maps.Clone(c.s.Operations)
	out.Fields = maps.Clone(c.s.Fields)
	return out
}
