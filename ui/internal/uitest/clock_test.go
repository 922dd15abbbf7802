package uitest

import (
	"sync"
	"testing"
	"time"
)

// clockStart is where the tests' clocks start.
func clockStart() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

func TestClockMovesOnlyWhenTold(t *testing.T) {
	c := NewClock(clockStart())
	if got := c.Now(); !got.Equal(clockStart()) {
		t.Fatalf("Now = %v, want %v", got, clockStart())
	}
	c.Advance(90 * time.Second)
	if got, want := c.Now(), clockStart().Add(90*time.Second); !got.Equal(want) {
		t.Fatalf("after Advance, Now = %v, want %v", got, want)
	}
	later := clockStart().Add(time.Hour)
	c.Set(later)
	if got := c.Now(); !got.Equal(later) {
		t.Fatalf("after Set, Now = %v, want %v", got, later)
	}
}

// TestClockConcurrentUse is for the race detector: the session's goroutines read the clock while
// the test advances it.
func TestClockConcurrentUse(t *testing.T) {
	c := NewClock(clockStart())
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				c.Advance(time.Second)
				_ = c.Now()
			}
		})
	}
	wg.Wait()
	if got, want := c.Now(), clockStart().Add(400*time.Second); !got.Equal(want) {
		t.Fatalf("Now = %v after 400 one-second advances, want %v", got, want)
	}
}
