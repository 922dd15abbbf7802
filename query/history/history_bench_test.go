package history

import (
	"os"
	"path/filepath"
	"testing"
)

// benchHistory writes n realistic entries straight to a history file (no
// Append: fsync per entry would dominate the setup).
func benchHistory(b *testing.B, n int) *Log {
	b.Helper()
	h := New(filepath.Join(b.TempDir(), "history.jsonl"), 64<<20)
	var data []byte
	for i := range n {
		line, err := encodeHistoryLine(sanitize(numbered(i), numbered(i).Time))
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, line...)
	}
	if err := os.WriteFile(h.Path(), data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	return h
}

func BenchmarkHistoryLoad10k(b *testing.B) {
	h := benchHistory(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		entries, warnings, err := h.Load(0)
		if err != nil || len(warnings) != 0 || len(entries) != 10_000 {
			b.Fatalf("Load: %d entries, %q, %v", len(entries), warnings, err)
		}
	}
}

func BenchmarkHistoryLoad10kLimit100(b *testing.B) {
	h := benchHistory(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		entries, _, err := h.Load(100)
		if err != nil || len(entries) != 100 {
			b.Fatalf("Load: %d entries, %v", len(entries), err)
		}
	}
}

func BenchmarkHistoryAppend(b *testing.B) {
	h := New(filepath.Join(b.TempDir(), "history.jsonl"), 0)
	e := numbered(1)
	b.ReportAllocs()
	for b.Loop() {
		if err := h.Append(e); err != nil {
			b.Fatal(err)
		}
	}
}
