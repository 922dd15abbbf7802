package session

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// endless is a body that never ends, counting what was read from it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	e.read += int64(len(p))
	return len(p), nil
}

// allocated returns the bytes f allocated (cumulative, so an upper bound of its peak).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A body of unknown length past the cap stops being read at the cap, and costs about the cap in
// memory: one slice grown by append would allocate about five times it.
func TestReadCappedStopsAtTheCap(t *testing.T) {
	const limit = 8 << 20
	body := &endless{}
	var err error
	n := allocated(func() { _, err = readCapped(body, -1, limit, false) })
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != limit {
		t.Fatalf("err = %v, want a TooLargeError of %d", err, limit)
	}
	if body.read > limit+1 {
		t.Errorf("read %d bytes of an endless body, cap %d", body.read, limit)
	}
	t.Logf("allocated %.2f× the cap", float64(n)/limit)
	if n > limit+limit/8 {
		t.Errorf("allocated %d bytes (%.2f× the cap) reading past it", n, float64(n)/limit)
	}
}

func TestReadCappedBodies(t *testing.T) {
	const limit = 100 << 10
	for _, size := range []int{0, 1, firstChunk - 1, firstChunk, firstChunk + 1, 3*firstChunk + 7, limit - 1, limit} {
		want := bytes.Repeat([]byte("0123456789"), size/10+1)[:size]
		for _, cl := range []int64{-1, int64(size)} {
			got, err := readCapped(bytes.NewReader(want), cl, limit, false)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("size %d, content length %d: %d bytes, err %v", size, cl, len(got), err)
			}
		}
	}
	for _, cl := range []int64{-1, limit + 1} {
		if _, err := readCapped(bytes.NewReader(make([]byte, limit+1)), cl, limit, false); err == nil {
			t.Errorf("content length %d: one byte past the cap was accepted", cl)
		}
	}
	// A body cut short is an error, not a shorter body.
	cut := io.MultiReader(strings.NewReader("{\"data\":"), iotest{err: io.ErrUnexpectedEOF})
	if _, err := readCapped(cut, -1, limit, false); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a truncated body gave err %v", err)
	}
}

// iotest fails every read with err.
type iotest struct{ err error }

func (r iotest) Read([]byte) (int, error) { return 0, r.err }

// Over HTTP, through machinebox and the transport: an answer of unknown length eight times the
// cap fails with the size error, and the request costs about the cap in memory, not a multiple.
func TestExecuteOversizedBodyCostsAboutTheCap(t *testing.T) {
	const limit = 4 << 20
	chunk := bytes.Repeat([]byte(" "), 64<<10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"s":"`))
		for range 8 * limit / len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the client stopped reading
			}
		}
	}))
	defer srv.Close()
	s, err := New(Config{Endpoint: srv.URL, MaxBodyBytes: limit})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var execErr error
	n := allocated(func() { _, execErr = s.Execute(context.Background(), Request{Query: "{ s }"}) })
	var tl *TooLargeError
	if !errors.As(execErr, &tl) {
		t.Fatalf("err = %v, want a TooLargeError", execErr)
	}
	t.Logf("allocated %.2f× the cap", float64(n)/limit)
	if n > 2*limit {
		t.Errorf("allocated %d bytes (%.2f× the cap) for an oversized answer", n, float64(n)/limit)
	}
}

func BenchmarkReadCappedUnknownLength(b *testing.B) {
	body := bytes.Repeat([]byte(`{"a":"0123456789"},`), (20<<20)/19)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readCapped(bytes.NewReader(body), -1, 64<<20, false); err != nil {
			b.Fatal(err)
		}
	}
}

// A body nested past encoding/json's limit is "too deep", not "invalid": the user learns the
// server sent something real but absurd, not garbage.
func TestTooDeepIsNotInvalid(t *testing.T) {
	const depth = 100_000
	for name, body := range map[string]string{
		"array":            strings.Repeat("[", depth) + strings.Repeat("]", depth),
		"unclosed array":   strings.Repeat("[", depth),
		"inside data":      `{"data":` + strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth) + "}",
		"inside an object": `{"errors":[` + strings.Repeat("[", depth),
	} {
		_, err := DecodeEnvelope([]byte(body))
		var be *BodyError
		if !errors.As(err, &be) || !strings.Contains(be.Reason, "too deep") {
			t.Errorf("%s: err = %v, want too deep", name, err)
		}
	}
	if !strings.Contains(tooDeepReason, strconv.Itoa(MaxJSONDepth)) {
		t.Errorf("tooDeepReason %q does not say %d", tooDeepReason, MaxJSONDepth)
	}
	// At the limit, and with brackets inside strings, it is not too deep.
	atLimit := strings.Repeat("[", MaxJSONDepth) + strings.Repeat("]", MaxJSONDepth)
	inString := `{"data":{"s":"` + strings.Repeat("[", 2*MaxJSONDepth) + `\"["}}`
	for name, body := range map[string]string{"at the limit": atLimit, "brackets in a string": inString} {
		if JSONTooDeep([]byte(body)) {
			t.Errorf("%s: reported too deep", name)
		}
	}
	if _, err := DecodeEnvelope([]byte(inString)); err != nil {
		t.Errorf("brackets in a string: %v", err)
	}
	if _, err := DecodeEnvelope([]byte(`{"data":` + strings.Repeat("[", 50) + "}")); err == nil || strings.Contains(err.Error(), "too deep") {
		t.Errorf("shallow invalid JSON: err = %v, want invalid", err)
	}
}

// FuzzJSONTooDeep: agrees with encoding/json, which refuses every text nested past its limit and
// accepts valid text within it.
func FuzzJSONTooDeep(f *testing.F) {
	for _, s := range []string{`[]`, `{"a":[{"b":"[[["}]}`, `"\"["`, strings.Repeat("[", MaxJSONDepth+1), `[\`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if JSONTooDeep(b) && json.Valid(b) {
			t.Fatalf("%q: too deep, yet encoding/json accepts it", b)
		}
	})
}
