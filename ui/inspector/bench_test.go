package inspector

import (
	"bytes"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// fullLog is a source with a full exchange log (200 entries) of 256 KB bodies, the worst case the
// root's once-a-second Refresh and every frame's View meet.
func fullLog(b *testing.B) *fakeSource {
	f, _ := fixture(b)
	body := append([]byte(`{"data":{"items":[`), bytes.Repeat([]byte(`{"id":"gc_1","balance":25.5},`), 256<<10/30)...)
	body = append(body, `{}]}}`...)
	for i := range 200 - len(f.exchanges) {
		f.add(session.Exchange{ID: int64(7 + i), Operation: "Cards", Status: 200, Started: base.Add(time.Duration(i) * time.Second),
			ResponseBody: body, Size: int64(len(body)), SentFingerprint: fpRotated})
	}
	return f
}

// BenchmarkRefreshUnchanged is the per-tick cost while nothing new happened.
func BenchmarkRefreshUnchanged(b *testing.B) {
	m := newModel(fullLog(b), 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		m = m.Refresh()
	}
}

// BenchmarkRefreshNewExchange is the cost when a request was added (diff pair recomputed, one new
// exchange classified).
func BenchmarkRefreshNewExchange(b *testing.B) {
	f := fullLog(b)
	m := newModel(f, 120, 40)
	last := f.exchanges[len(f.exchanges)-1]
	b.ReportAllocs()
	for b.Loop() {
		last.ID++
		f.exchanges = append(f.exchanges[1:len(f.exchanges):len(f.exchanges)], last)
		m = m.Refresh()
	}
}

// BenchmarkViewRequests is one frame of the Requests tab.
func BenchmarkViewRequests(b *testing.B) {
	m, _ := press(b, newModel(fullLog(b), 120, 40), "3")
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkOpenLargeRequest builds the page of a request with a 256 KB body (once per open).
func BenchmarkOpenLargeRequest(b *testing.B) {
	m, _ := press(b, newModel(fullLog(b), 120, 40), "3")
	b.ReportAllocs()
	for b.Loop() {
		_, _ = press(b, m, "enter")
	}
}
