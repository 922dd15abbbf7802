package mockapi

import (
	"math"
	"sync"
	"time"
)

// throttle is a per-user leaky bucket of query cost points ([I]: the docs show only
// maximumAvailable and currentlyAvailable). Each bucket starts full, loses a request's cost
// when the request runs, and refills continuously at the configured rate up to the maximum.
type throttle struct {
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	avail float64
	at    time.Time
}

func newThrottle() *throttle { return &throttle{buckets: map[string]*bucket{}} }

// take charges cost to key's bucket if it holds enough points. It returns whether the
// request may run and the points left afterwards (rounded down).
func (t *throttle) take(key string, cost, maxPoints, refillPerSecond int, now time.Time) (bool, int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	b, ok := t.buckets[key]
	if !ok {
		b = &bucket{avail: float64(maxPoints), at: now}
		t.buckets[key] = b
	}
	if now.After(b.at) { // a clock that goes backwards refills nothing
		b.avail += now.Sub(b.at).Seconds() * float64(refillPerSecond)
		b.at = now
	}
	b.avail = math.Min(b.avail, float64(maxPoints))
	if float64(cost) > b.avail {
		return false, int(b.avail)
	}
	b.avail -= float64(cost)
	return true, int(b.avail)
}
