package mockapi

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// Fifty concurrent clients redeem, query, log in and reconfigure at once; the books must
// balance exactly and -race must stay quiet.
func TestFiftyConcurrentRequests(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	const n = 50
	var wg sync.WaitGroup
	var mu sync.Mutex
	applied := 0
	for i := range n {
		wg.Go(func() {
			switch i % 5 {
			case 0, 1: // redemptions with unique references
				r := redeem(h, tok, SeedCardLarge, -7, "TILL-1", fmt.Sprintf("C-%d", i))
				if r.body["errors"] == nil {
					mu.Lock()
					applied++
					mu.Unlock()
				}
			case 2: // the same reference from two goroutines: at most one may win
				redeem(h, tok, SeedCardLarge, -1000, "", "SHARED")
			case 3:
				h.login()
			case 4:
				h.srv.UpdateConfig(func(c *Config) { c.Latency = time.Duration(i%2) * time.Millisecond })
				h.post(bearer(tok), `{ Cards(limit: 100) { data { balance } } LineItems(limit: 100) { total } }`, nil)
			}
		})
	}
	wg.Wait()
	r := h.post(bearer(tok), `{ LineItems(merchant_transaction_reference: "SHARED") { total } }`, nil)
	shared := dig(t, r.body, "data", "LineItems", "total").(float64)
	if shared != 1 {
		t.Fatalf("the shared reference was applied %v times", shared)
	}
	if got, want := h.balance(tok, SeedCardLarge), float64(25000-7*applied-1000); got != want || applied != 20 {
		t.Fatalf("balance %v, want %v (applied %d)", got, want, applied)
	}
	if s := h.srv.Stats(); s.Logins != 1+10 {
		t.Fatalf("logins %d", s.Logins)
	}
}
