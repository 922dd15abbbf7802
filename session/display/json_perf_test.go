package display

import (
	"bytes"
	"testing"
)

// TestPrintableASCII tries every byte value at every position of a word of printable bytes.
func TestPrintableASCII(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			word := []byte("abcdefgh")
			word[pos] = byte(c)
			x := uint64(0)
			for i, b := range word {
				x |= uint64(b) << (8 * i)
			}
			if got, want := printableASCII(x), c >= 0x20 && c <= 0x7e; got != want {
				t.Fatalf("byte %#x at %d: printableASCII = %v, want %v", c, pos, got, want)
			}
		}
	}
}

// BenchmarkJSONClean20MB is the run command's check of a clean 20 MB body.
func BenchmarkJSONClean20MB(b *testing.B) {
	body := bytes.Repeat([]byte(`{"id":1,"name":"item number 1","email":"user@example.com","ok":true},`), 300_000)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if out := JSON(body); &out[0] != &body[0] {
			b.Fatal("copied a clean body")
		}
	}
}
