package results

import (
	"context"
	"math"

	"bytes"
	"github.com/toggle-explorer/toggle-explorer/query/jq"
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

func benchPrepare(b *testing.B, items int) { benchPrepareFrom(b, items, lazyFrom) }

func benchPrepareFrom(b *testing.B, items, lazyFrom int) {
	body := benchBody(items)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		_ = prepare(body, Meta{Status: 200}, lazyFrom)
	}
}

// BenchmarkPrepareIndented20MB: Prepare of about 20 MB forced to build the indented text and
// its line index, as it did before large bodies were kept as received (BenchmarkPrepare20MB).
func BenchmarkPrepareIndented20MB(b *testing.B) { benchPrepareFrom(b, 80_000, math.MaxInt) }

// BenchmarkLazyFull20MB: what the first search or fold on a large lazy document pays to build
// the indented text.
func BenchmarkLazyFull20MB(b *testing.B) {
	body := benchBody(80_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		prepare(body, Meta{}, 0).full()
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

// BenchmarkFoldLevel20MB: Z on an item of the 80,000-item list (fold every
// item) plus the next View: a scan of the structure index, no re-indent.
func BenchmarkFoldLevel20MB(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	m := New(trueColorStyles(), DefaultKeyMap())
	m = m.SetSize(120, 40)
	m.Focus()
	m = m.SetDocument(doc)
	m.cur = 6       // the first item's opening line
	doc.structure() // built once per document, in a command (BenchmarkStructure20MB)
	z := uitest.Key("Z")
	b.ReportAllocs()
	for b.Loop() {
		m2, _ := m.Update(z)
		_ = m2.View()
	}
}

// BenchmarkFoldedScrollStep20MB: a cursor step and View with every item
// folded (80,000 folds to map rows through).
func BenchmarkFoldedScrollStep20MB(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	m := New(trueColorStyles(), DefaultKeyMap())
	m = m.SetSize(120, 40)
	m.Focus()
	m = m.SetDocument(doc)
	m.cur = 6
	doc.structure()
	m, _ = m.Update(uitest.Key("Z"))
	if m.folds == nil || len(m.folds.folded) != 80_000 {
		b.Fatal("Z did not fold the items")
	}
	m.top = m.rowCount() / 2
	m.cur = m.top + 10
	down := uitest.Key("down")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(down)
		_ = m.View()
	}
}

// BenchmarkStructure20MB: building the fold index of a 20 MB body, once per
// document on the first fold key, in a command.
func BenchmarkStructure20MB(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	b.ReportAllocs()
	for b.Loop() {
		_ = buildStructure(doc)
	}
}

// BenchmarkFilterDecode20MB: the first filter on a 20 MB body decodes it
// (exact numbers), once per document; later filters reuse the value.
func BenchmarkFilterDecode20MB(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	b.SetBytes(int64(len(doc.Bytes())))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jq.Decode(doc.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFilter(b *testing.B, expr string) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	m := New(trueColorStyles(), DefaultKeyMap())
	m = m.SetSize(120, 40)
	m = m.SetDocument(doc)
	m.editFilter().SetValue(expr)
	doc.jqInput().Run(context.Background(), mustCompile(b, "."), 1) // decode outside the loop
	b.ReportAllocs()
	for b.Loop() {
		cmd := m.startFilter(expr)
		if msg := cmd().(FilterFinishedMsg); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}

func mustCompile(b *testing.B, expr string) *jq.Filter {
	f, err := jq.Compile(expr)
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// BenchmarkFilterSelect20MB: a selective filter on the decoded 20 MB body
// (run, encode, prepare the outputs).
func BenchmarkFilterSelect20MB(b *testing.B) {
	benchFilter(b, `.data.giftCards.items[] | select(.balance.amount > 100000) | .id`)
}

// BenchmarkFilterMap20MB: a filter whose output is about as large as the
// input: every item reshaped.
func BenchmarkFilterMap20MB(b *testing.B) {
	benchFilter(b, `.data.giftCards.items | map({id, amount: .balance.amount, owner: .owner.name})`)
}

// BenchmarkTableBuild20MB: the 80,000-item list of the 20 MB body as a
// table (flatten from the lines, column widths), done once in a command.
func BenchmarkTableBuild20MB(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	st := doc.structure()
	list := 4 // "items": [
	b.SetBytes(int64(len(doc.valueBytes(st, list))))
	b.ReportAllocs()
	for b.Loop() {
		t := tableOf(doc, st, list)
		if len(t.rows) != 80_000 {
			b.Fatal(len(t.rows))
		}
		_ = newTableView(t, DefaultTableKeyMap(), new(trueColorStyles()), nil)
	}
}

// BenchmarkTableSort80k: sorting 80,000 rows by a numeric column, in a
// command.
func BenchmarkTableSort80k(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	t := tableOf(doc, doc.structure(), 4)
	b.ReportAllocs()
	for b.Loop() {
		_ = sortedOrder(t, 1, true)
	}
}

// BenchmarkTableScrollStep80k: a row step plus View of the 80,000-row
// table, in true colour.
func BenchmarkTableScrollStep80k(b *testing.B) {
	doc := Prepare(benchBody(80_000), Meta{Status: 200})
	t := tableOf(doc, doc.structure(), 4)
	v := newTableView(t, DefaultTableKeyMap(), new(trueColorStyles()), nil)
	v = v.SetSize(120, 40)
	v.row = 40_000
	down := uitest.Key("down")
	b.ReportAllocs()
	for b.Loop() {
		v, _ = v.Update(down)
		_ = v.View()
	}
}
