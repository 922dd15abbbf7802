package display

import (
	"strconv"
	"time"
)

const day = 24 * time.Hour

// Duration formats d for people, in at most two units, the second one
// zero-padded and left out when it is zero: "850µs", "43ms", "1.2s", "42s",
// "4m05s", "5m", "1h02m", "2d03h". d is rounded to the last unit shown, so
// 1h29m59.9s is "1h30m" and 59.6s is "1m". A negative d gets a leading "-".
func Duration(d time.Duration) string {
	if d < 0 {
		if d == -d { // math.MinInt64 has no positive counterpart
			d++
		}
		return "-" + Duration(-d)
	}
	// Rounding can only carry d up to the next band's lower bound, which is a
	// whole number in that band's units too, so formatting the rounded value
	// by truncation is exact.
	if r := d.Round(granularity(d)); r > 0 {
		d = r
	}
	switch {
	case d == 0:
		return "0s"
	case d < time.Microsecond:
		return strconv.FormatInt(int64(d), 10) + "ns"
	case d < time.Millisecond:
		return strconv.FormatInt(d.Microseconds(), 10) + "µs"
	case d < time.Second:
		return strconv.FormatInt(d.Milliseconds(), 10) + "ms"
	case d < 10*time.Second:
		// One decimal where it still says something: 1.2s, and 3s, not 3.0s.
		tenths := int64(d / (100 * time.Millisecond))
		if tenths%10 == 0 {
			return strconv.FormatInt(tenths/10, 10) + "s"
		}
		return strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10) + "s"
	case d < time.Minute:
		return strconv.FormatInt(int64(d/time.Second), 10) + "s"
	case d < time.Hour:
		return twoUnits(int64(d/time.Minute), "m", int64(d%time.Minute/time.Second), "s")
	case d < day:
		return twoUnits(int64(d/time.Hour), "h", int64(d%time.Hour/time.Minute), "m")
	default:
		return twoUnits(int64(d/day), "d", int64(d%day/time.Hour), "h")
	}
}

// granularity is the last unit Duration shows for d.
func granularity(d time.Duration) time.Duration {
	switch {
	case d < time.Microsecond:
		return 1
	case d < time.Millisecond:
		return time.Microsecond
	case d < time.Second:
		return time.Millisecond
	case d < 10*time.Second:
		return 100 * time.Millisecond
	case d < time.Hour:
		return time.Second
	case d < day:
		return time.Minute
	}
	return time.Hour
}

// twoUnits writes "4m05s", or "4m" when the second unit is zero.
func twoUnits(big int64, bigUnit string, small int64, smallUnit string) string {
	s := strconv.FormatInt(big, 10) + bigUnit
	if small == 0 {
		return s
	}
	if small < 10 {
		s += "0"
	}
	return s + strconv.FormatInt(small, 10) + smallUnit
}

// Relative says how far at is from now: "4m05s ago", or "in 4m05s" when at
// is later than now; "now" when they are equal.
func Relative(at, now time.Time) string {
	switch d := now.Sub(at); {
	case d > 0:
		return Duration(d) + " ago"
	case d < 0:
		return "in " + Duration(-d)
	}
	return "now"
}
