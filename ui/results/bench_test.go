package results

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// benchBody builds a compact GraphQL response of n items of about 250 bytes
// each, with nested objects, lists, floats, booleans and nulls: 4,000 items
// is about 1 MB, 80,000 about 20 MB.
func benchBody(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 260)
	b.WriteString(`{"data":{"giftCards":{"totalCount":`)
	b.WriteString(strconv.Itoa(n))
	b.WriteString(`,"items":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := strconv.Itoa(i)
		b.WriteString(`{"id":"gc_` + id + `","balance":{"amount":`)
		b.WriteString(strconv.FormatFloat(float64(i)*1.37+0.25, 'f', 2, 64))
		b.WriteString(`,"currency":"EUR"},"active":` + strconv.FormatBool(i%3 != 0))
		b.WriteString(`,"tags":["gift","promo-` + strconv.Itoa(i%7) + `"],"owner":{"name":"Customer ` + id)
		b.WriteString(`","email":"u` + id + `@example.com","verified":` + strconv.FormatBool(i%2 == 0))
		b.WriteString(`},"history":[{"delta":-12.5,"ok":true},{"delta":3.25e1,"ok":false}],"note":null}`)
	}
	b.WriteString(`]}}}`)
	return b.Bytes()
}

func benchPrepare(b *testing.B, items int) {
	body := benchBody(items)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Prepare(body, Meta{Status: 200})
	}
}

// BenchmarkPrepare1MB: indent + line index of about 1 MB of compact JSON.
func BenchmarkPrepare1MB(b *testing.B) { benchPrepare(b, 4_000) }

// BenchmarkPrepare20MB: the same for about 20 MB.
func BenchmarkPrepare20MB(b *testing.B) { benchPrepare(b, 80_000) }

func benchFirstView(b *testing.B, items int) {
	doc := Prepare(benchBody(items), Meta{Status: 200})
	m := New(trueColorStyles(), DefaultKeyMap())
	b.ReportAllocs()
	for b.Loop() {
		m2 := m.SetDocument(doc)
		m2 = m2.SetSize(120, 40)
		_ = m2.View()
	}
}

// BenchmarkFirstView1MB: SetDocument + SetSize + the first View.
func BenchmarkFirstView1MB(b *testing.B) { benchFirstView(b, 4_000) }

// BenchmarkFirstView20MB: the same on about 20 MB.
func BenchmarkFirstView20MB(b *testing.B) { benchFirstView(b, 80_000) }

func benchScrollStep(b *testing.B, items int) {
	doc := Prepare(benchBody(items), Meta{Status: 200})
	m := New(trueColorStyles(), DefaultKeyMap())
	m = m.SetSize(120, 40)
	m.Focus()
	m = m.SetDocument(doc)
	// Start in the middle so every step really scrolls.
	m.top = doc.LineCount() / 2
	down := uitest.Key("down")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(down)
		_ = m.View()
	}
}

// BenchmarkScrollStep1MB: one key press down plus View, in true colour.
func BenchmarkScrollStep1MB(b *testing.B) { benchScrollStep(b, 4_000) }

// BenchmarkScrollStep20MB: the same on about 20 MB.
func BenchmarkScrollStep20MB(b *testing.B) { benchScrollStep(b, 80_000) }

// BenchmarkSearch20MB: a case-insensitive query with thousands of matches
// (one per item), after the lower-cased copy exists, as when typing.
func BenchmarkSearch20MB(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	doc.lowered()
	b.SetBytes(int64(len(doc.Bytes())))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		m, _ := doc.findAll("customer 7", MaxMatches)
		n = len(m)
	}
	if n == 0 {
		b.Fatal("no matches")
	}
	b.ReportMetric(float64(n), "matches")
}

// BenchmarkSearchFirst20MB includes building the lower-cased copy, the cost
// of the first case-insensitive search on a new document.
func BenchmarkSearchFirst20MB(b *testing.B) {
	body := benchBody(80_000)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		doc := Prepare(body, Meta{})
		b.StartTimer()
		_, _ = doc.findAll("customer 7", MaxMatches)
	}
}
