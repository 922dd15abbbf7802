package history

import (
	"testing"
	"time"
)

// The history showed 717µs for a request the results pane and the inspector showed as 718µs: it
// stored the duration truncated to the microsecond, and they round. Stored rounded, the same
// request reads the same everywhere.
func TestSetDurationRoundsToTheMicrosecond(t *testing.T) {
	for _, c := range []struct{ in, want time.Duration }{
		{717_600 * time.Nanosecond, 718 * time.Microsecond},
		{717_400 * time.Nanosecond, 717 * time.Microsecond},
		{2*time.Millisecond + 999_500*time.Nanosecond, 3 * time.Millisecond},
	} {
		var e Entry
		e.SetDuration(c.in)
		if e.Took() != c.want {
			t.Errorf("SetDuration(%v): Took() = %v, want %v", c.in, e.Took(), c.want)
		}
		if e.DurationMS != c.want.Milliseconds() {
			t.Errorf("SetDuration(%v): DurationMS = %d, want %d", c.in, e.DurationMS, c.want.Milliseconds())
		}
	}
}
