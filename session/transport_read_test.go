package session

import (
	"bytes"
	"errors"
	"io"
	"testing"
	stdiotest "testing/iotest"
)

// TestReadCappedSizes reads bodies around the cap, with and without a Content-Length, through
// readers that return everything at once or one byte per call.
func TestReadCappedSizes(t *testing.T) {
	const limit = 3*firstChunk + 7 // not a power of two: the last growth is clipped to the cap
	for _, size := range []int{0, 1, firstChunk - 1, firstChunk, firstChunk + 1, limit - 1, limit, limit + 1, 2 * limit} {
		body := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		for _, cl := range []int64{-1, int64(size)} {
			for name, wrap := range map[string]func(io.Reader) io.Reader{
				"whole":    func(r io.Reader) io.Reader { return r },
				"one-byte": stdiotest.OneByteReader,
			} {
				if name == "one-byte" && size > 2*firstChunk {
					continue // slow and adds nothing past a few growths
				}
				got, err := readCapped(wrap(bytes.NewReader(body)), cl, limit, false)
				var tl *TooLargeError
				switch {
				case size > limit && !errors.As(err, &tl):
					t.Errorf("size %d, CL %d, %s: got %d bytes, err %v; want TooLargeError", size, cl, name, len(got), err)
				case size <= limit && (err != nil || !bytes.Equal(got, body)):
					t.Errorf("size %d, CL %d, %s: got %d bytes, err %v; want the body", size, cl, name, len(got), err)
				}
			}
		}
	}
}

// countingReader serves n bytes and counts what was asked of it.
type countingReader struct {
	left, read int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.left == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), c.left)
	c.left -= n
	c.read += n
	return int(n), nil
}

// TestReadCappedContentLengthOverCap refuses before reading when Content-Length says too much.
func TestReadCappedContentLengthOverCap(t *testing.T) {
	r := &countingReader{left: 100}
	if _, err := readCapped(r, 100, 99, false); err == nil || r.read != 0 {
		t.Errorf("err %v after reading %d bytes; want TooLargeError before reading", err, r.read)
	}
}

// chunkedReader hands out a body in the slices a chunked HTTP/1.1 response arrives in.
type chunkedReader struct {
	body  []byte
	chunk int
}

func (c *chunkedReader) Read(p []byte) (int, error) {
	if len(c.body) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), c.chunk)], c.body)
	c.body = c.body[n:]
	return n, nil
}

// BenchmarkReadCapped20MBChunked reads the 20 MB body with no Content-Length, in 32 KiB pieces.
func BenchmarkReadCapped20MBChunked(b *testing.B) {
	body := bigBody()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readCapped(&chunkedReader{body: body, chunk: 32 << 10}, -1, 64<<20, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCapped20MBContentLength is the same read sized from Content-Length.
func BenchmarkReadCapped20MBContentLength(b *testing.B) {
	body := bigBody()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readCapped(&chunkedReader{body: body, chunk: 32 << 10}, int64(len(body)), 64<<20, false); err != nil {
			b.Fatal(err)
		}
	}
}

// join copies the chunks in order, on one goroutine or (from parallelJoin) two, whatever the
// chunks' sizes and wherever the halves split.
func TestJoinChunks(t *testing.T) {
	for _, sizes := range [][]int{
		{},
		{5},
		{firstChunk, 2 * firstChunk, 3},
		{parallelJoin + 1},                      // one chunk past the threshold: nothing to split
		{1, parallelJoin},                       // the first half ends inside the big chunk
		{parallelJoin / 2, parallelJoin / 2, 9}, // a split at a chunk boundary
		{3, parallelJoin / 3, parallelJoin / 3, parallelJoin / 3, parallelJoin / 3, 11},
	} {
		var chunks [][]byte
		var want []byte
		for i, n := range sizes {
			c := bytes.Repeat([]byte{byte('a' + i)}, n)
			chunks = append(chunks, c)
			want = append(want, c...)
		}
		if got := join(chunks, int64(len(want))); !bytes.Equal(got, want) {
			t.Errorf("chunks of %v: the joined body differs from the chunks in order", sizes)
		}
	}
}

// With reserve, a body of unknown length that is still coming once reserveFrom bytes are in
// continues in one buffer reserved at the cap (its capacity says so) and reads exactly as
// without; below reserveFrom nothing is reserved; past the cap it is the same TooLargeError.
func TestReadCappedReserved(t *testing.T) {
	const limit = 4*reserveFrom + 7
	for _, size := range []int{0, 5, reserveFrom - 1, reserveFrom, reserveFrom + 1, 3 * reserveFrom, limit - 1, limit, limit + 1, 2 * limit} {
		body := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		for _, piece := range []int{1000, 64 << 10} {
			got, err := readCapped(&chunkedReader{body: body, chunk: piece}, -1, limit, true)
			var tl *TooLargeError
			switch {
			case size > limit:
				if !errors.As(err, &tl) {
					t.Errorf("size %d, pieces of %d: got %d bytes, err %v; want TooLargeError", size, piece, len(got), err)
				}
			case err != nil || !bytes.Equal(got, body):
				t.Errorf("size %d, pieces of %d: got %d bytes, err %v; want the body", size, piece, len(got), err)
			case size >= 3*reserveFrom && cap(got) != limit+1:
				t.Errorf("size %d, pieces of %d: capacity %d, want the reservation %d", size, piece, cap(got), limit+1)
			case size < reserveFrom && cap(got) > reserveFrom:
				t.Errorf("size %d, pieces of %d: capacity %d reserved for a small body", size, piece, cap(got))
			}
		}
	}
}
