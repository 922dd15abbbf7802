package results

import (
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 B", 999: "999 B", 1000: "1.0 kB", 1234: "1.2 kB", 1_200_000: "1.2 MB",
		20_450_000: "20.4 MB", 3_000_000_000: "3.0 GB",
	} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
	for d, want := range map[time.Duration]string{
		0: "", 850 * time.Microsecond: "850µs", 43 * time.Millisecond: "43ms",
		1240 * time.Millisecond: "1.24s", 125 * time.Second: "2m5s",
	} {
		if got := humanDuration(d); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
	for code, want := range map[int]string{200: "200 OK", 401: "401 Unauthorized", 599: "599"} {
		if got := statusText(code); got != want {
			t.Errorf("statusText(%d) = %q, want %q", code, got, want)
		}
	}
}
