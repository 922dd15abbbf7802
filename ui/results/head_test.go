package results

import (
	"bytes"
	"testing"
)

// TestPrepareHeadIsPreparesFirstLines: the head of a large body is, line for line, the start of
// what Prepare makes of the whole.
func TestPrepareHeadIsPreparesFirstLines(t *testing.T) {
	body := benchBody(5_000)
	if !NeedsHead(body) {
		t.Fatalf("a %d-byte body does not need a head", len(body))
	}
	whole := Prepare(body, Meta{Status: 200})
	for _, n := range []int{1, 2, 40, 400} {
		head := PrepareHead(body, Meta{Status: 200}, n)
		if !head.Partial() || !head.IsJSON() || head.LineCount() != n {
			t.Fatalf("head of %d: partial %v, JSON %v, %d lines", n, head.Partial(), head.IsJSON(), head.LineCount())
		}
		if head.Meta().Size != int64(len(body)) {
			t.Errorf("head of %d: size %d, want the body's %d", n, head.Meta().Size, len(body))
		}
		for i := range n {
			if !bytes.Equal(head.Line(i), whole.Line(i)) {
				t.Fatalf("head of %d, line %d: %q, Prepare %q", n, i, head.Line(i), whole.Line(i))
			}
		}
	}
	if whole.Partial() {
		t.Error("Prepare's document says it is partial")
	}
}

// TestPrepareHeadFallsBackToPrepare: a body shorter than the head, or not JSON, gets Prepare's
// whole document.
func TestPrepareHeadFallsBackToPrepare(t *testing.T) {
	for name, body := range map[string][]byte{
		"short":    []byte(`{"data":{"a":[1,2,3]}}`),
		"not JSON": append([]byte(`{"data":{"a":[1,2,3`), bytes.Repeat([]byte("x"), 100)...),
		"html":     []byte("<html>502 Bad Gateway</html>"),
	} {
		got, want := PrepareHead(body, Meta{}, 400), Prepare(body, Meta{})
		if got.Partial() || !bytes.Equal(got.Bytes(), want.Bytes()) || got.Note() != want.Note() || got.LineCount() != want.LineCount() {
			t.Errorf("%s: partial %v, note %q, %d lines; want Prepare's note %q, %d lines", name, got.Partial(), got.Note(), got.LineCount(), want.Note(), want.LineCount())
		}
	}
}

// BenchmarkPrepareHead20MB: the first screen's document of a 20 MB body (what the user waits for
// before Prepare's whole document).
func BenchmarkPrepareHead20MB(b *testing.B) {
	body := benchBody(80_000)
	b.ReportAllocs()
	for b.Loop() {
		if d := PrepareHead(body, Meta{Status: 200}, 400); !d.Partial() {
			b.Fatal("not partial")
		}
	}
}
