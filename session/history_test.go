package session

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// The history records the token the request carried, not the one its response rotated in, and
// the same round trip the inspector shows for the exchange (not rounded down to "0 ms").
func TestHistoryEntryRecordsTheTokenSentAndTheExchangeDuration(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	rotated := ""
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, _ string, _ bool) bool {
		w.Header().Set("X-Authorization", rotated)
		return false
	}
	s, _ := newTestSession(t, f, clock, nil)
	sent := mustLogin(t, s, demoCreds(f))
	rotated = jwtAt(clock.Now().Add(time.Minute), time.Hour, 99)
	started := clock.Now()
	res, err := s.Execute(context.Background(), hello())
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := s.Token(); now.Fingerprint != Fingerprint(rotated) {
		t.Fatal("the fixture did not rotate the token")
	}
	e := s.HistoryEntry(query.Operation{Name: "Hello", Kind: query.Query}, hello(), started, res, err)
	if e.TokenFingerprint != sent.Fingerprint {
		t.Fatalf("history token fp:%s, want the one sent, fp:%s (rotated: fp:%s)", e.TokenFingerprint, sent.Fingerprint, Fingerprint(rotated))
	}
	xs := s.Exchanges()
	last := xs[len(xs)-1]
	if e.Took() != last.Duration.Round(time.Microsecond) || e.Took() != res.Duration.Round(time.Microsecond) {
		t.Fatalf("history took %v; the inspector's exchange took %v, the result %v", e.Took(), last.Duration, res.Duration)
	}
}
