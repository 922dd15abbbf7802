package cli

import (
	"runtime/debug"
	"testing"
)

// paceGC sets a command's pace and restores the previous one, and leaves a GOGC the user set
// alone. Not parallel: the pace is the process's.
func TestPaceGC(t *testing.T) {
	for _, tc := range []struct {
		gogc    string
		percent int
		want    int
	}{{"", oneShotGCPercent, oneShotGCPercent}, {"", tuiGCPercent, tuiGCPercent}, {"50", oneShotGCPercent, 123}} {
		before := debug.SetGCPercent(123)
		c := &program{getenv: func(k string) string {
			if k == "GOGC" {
				return tc.gogc
			}
			return ""
		}}
		restore := c.paceGC(tc.percent)
		got := debug.SetGCPercent(123)
		restore()
		after := debug.SetGCPercent(before)
		if got != tc.want || after != 123 {
			t.Errorf("GOGC=%q: pace during run %d, want %d; restored to %d, want 123", tc.gogc, got, tc.want, after)
		}
	}
}
