package history

import (
	"fmt"
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

// BenchmarkAppendWithResponse1MiB is recording an execution whose 1 MiB JSON answer is kept:
// masking, the private atomic write, the directory trim and the history line.
func BenchmarkAppendWithResponse1MiB(b *testing.B) {
	h := New(filepath.Join(b.TempDir(), "history.jsonl"), 0)
	var body []byte
	body = append(body, `{"data":{"Cards":{"data":[`...)
	for i := 0; len(body) < MaxResponseBytes-200; i++ {
		if i > 0 {
			body = append(body, ',')
		}
		body = fmt.Appendf(body, `{"card_reference":"63011900%011d","balance":%d,"product_name":"In-store Gift","token":"x"}`, i, i*7)
	}
	body = append(body, `]}}}`...)
	e := numbered(1)
	e.Body = body
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := h.Append(e); err != nil {
			b.Fatal(err)
		}
	}
}
