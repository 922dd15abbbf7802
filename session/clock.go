package session

import "time"

// Clock is the session's only source of time. Tests inject a fake one; production uses
// SystemClock.
type Clock interface {
	// Now returns the current wall-clock time.
	Now() time.Time
}

// SystemClock reads the operating system's wall clock.
type SystemClock struct{}

// Now returns time.Now without its monotonic reading. Token expiry is a wall-clock fact: after a
// laptop sleeps for two hours the monotonic clock may have advanced far less than the wall clock
// (golang/go #24595), and a comparison that used the monotonic reading would keep sending a token
// the server already considers expired. Stripping it makes every comparison a wall comparison.
func (SystemClock) Now() time.Time { return time.Now().Round(0) }
