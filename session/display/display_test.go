package display

import (
	"math"
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"},
		{500, "500ns"},
		{969 * time.Microsecond, "969µs"},
		{999*time.Microsecond + 600, "1ms"},
		{time.Millisecond, "1ms"},
		{43*time.Millisecond + 900*time.Microsecond, "44ms"},
		{999 * time.Millisecond, "999ms"},
		{time.Second, "1s"},
		{1249 * time.Millisecond, "1.2s"},
		{3 * time.Second, "3s"},
		{9949 * time.Millisecond, "9.9s"},
		{9999 * time.Millisecond, "10s"},
		{10 * time.Second, "10s"},
		{59*time.Second + 499*time.Millisecond, "59s"},
		{59*time.Second + 999*time.Millisecond, "1m"},
		{time.Minute, "1m"},
		{69 * time.Second, "1m09s"},
		{4*time.Minute + 12*time.Second + 372*time.Millisecond, "4m12s"},
		{2*time.Minute + 500*time.Millisecond, "2m01s"},
		{59*time.Minute + 59*time.Second + 499*time.Millisecond, "59m59s"},
		{59*time.Minute + 59*time.Second + 999*time.Millisecond, "1h"},
		{time.Hour, "1h"},
		{time.Hour + 2*time.Minute + 29*time.Second, "1h02m"},
		{time.Hour + 29*time.Minute + 59*time.Second, "1h30m"},
		{23*time.Hour + 59*time.Minute, "23h59m"},
		{23*time.Hour + 59*time.Minute + 30*time.Second, "1d"},
		{day, "1d"},
		{6*day + 3*time.Hour + 29*time.Minute, "6d03h"},
		{-69 * time.Second, "-1m09s"},
		{-1249 * time.Millisecond, "-1.2s"},
	}
	for _, tc := range tests {
		if got := Duration(tc.in); got != tc.want {
			t.Errorf("Duration(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Duration(math.MinInt64); got[0] != '-' || got[1] < '0' || got[1] > '9' {
		t.Errorf("Duration(MinInt64) = %q", got)
	}
}

func TestRelative(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if got := Relative(now.Add(-69*time.Second), now); got != "1m09s ago" {
		t.Errorf("past: %q", got)
	}
	if got := Relative(now.Add(14*time.Minute), now); got != "in 14m" {
		t.Errorf("future: %q", got)
	}
	if got := Relative(now, now); got != "now" {
		t.Errorf("same instant: %q", got)
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0 B"},
		{512, "512 B"},
		{1023, "1023 B"},
		{1024, "1 KiB"},
		{1229, "1.2 KiB"},
		{10*1024 - 1, "9.9 KiB"},
		{10 * 1024, "10 KiB"},
		{1024*1024 - 1, "1023 KiB"},
		{1 << 20, "1 MiB"},
		{8 << 20, "8 MiB"},
		{64 << 20, "64 MiB"},
		{3565158, "3.3 MiB"}, // 3.39999 MiB: truncated, not rounded,
		{5 << 30, "5 GiB"},
		{math.MaxInt64, "7.9 EiB"},
		{-1229, "-1.2 KiB"},
	}
	for _, tc := range tests {
		if got := Size(tc.in); got != tc.want {
			t.Errorf("Size(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Size(math.MinInt64); got[0] != '-' {
		t.Errorf("Size(MinInt64) = %q", got)
	}
}

func BenchmarkDuration(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Duration(4*time.Minute + 5*time.Second)
	}
}
