package mockapi

import (
	"testing"
	"time"
)

func costOf(t *testing.T, query string, vars map[string]any) int {
	t.Helper()
	d, err := parseDocument(query, "", vars)
	if err != nil {
		t.Fatal(err)
	}
	return d.cost()
}

func TestCostFormula(t *testing.T) {
	cases := []struct {
		query string
		vars  map[string]any
		want  int
	}{
		{`{ __typename }`, nil, 0},
		{`{ Accounts { total } }`, nil, 2},
		// Cards + data(1 + 5 items x 2 fields) + total
		{`{ Cards(limit: 5) { data { id balance } total } }`, nil, 1 + 1 + 5*2 + 1},
		{`query Q($n: Int) { Cards(limit: $n) { data { id } } }`, map[string]any{"n": 3.0}, 1 + 1 + 3},
		{`query Q($n: Int = 4) { Cards(limit: $n) { data { id } } }`, nil, 1 + 1 + 4},
		{`{ Cards { data { id } } }`, nil, 1 + 1 + defaultPageSize},
		{`{ Cards(limit: 100000) { data { id } } }`, nil, 1 + 1 + maxPageSize},
		{`{ ...F } fragment F on Query { LineItems(limit: 2) { data { id Card { id } } } }`, nil, 1 + 1 + 2*3},
		{`mutation { createBalanceAdjustment(card_reference: "x", merchant_id: 26) { id LineItem { id } } }`, nil, 4},
	}
	for _, c := range cases {
		if got := costOf(t, c.query, c.vars); got != c.want {
			t.Errorf("%s: cost %d, want %d", c.query, got, c.want)
		}
	}
}

func TestCostIsReportedAndTheBucketRefills(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	tok := h.login()
	avail := func(r reply) float64 {
		return dig(t, r.body, "extensions", "cost", "throttleStatus", "currentlyAvailable").(float64)
	}
	r1 := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
	cost := dig(t, r1.body, "extensions", "cost", "actualQueryCost").(float64)
	if cost != 10 || dig(t, r1.body, "extensions", "cost", "throttleStatus", "maximumAvailable") != 8000.0 || avail(r1) != 7990 {
		t.Fatalf("first: %s", r1.raw)
	}
	r2 := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
	if avail(r2) != 7980 {
		t.Fatalf("second: %s", r2.raw)
	}
	clock.Advance(100 * time.Millisecond) // 5 points at 50/s
	if r3 := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); avail(r3) != 7975 {
		t.Fatalf("after refill: %s", r3.raw)
	}
	clock.Advance(30 * time.Minute)
	if r4 := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); avail(r4) != 7990 {
		t.Fatalf("refill must stop at the maximum: %s", r4.raw)
	}
	// Responses without a valid token, and login-only responses, carry no cost.
	if r := h.post("", loginQuery, map[string]any{"username": DemoUsername, "password": DemoPassword}); r.body["extensions"] != nil {
		t.Fatalf("login: %s", r.raw)
	}
}

func TestThrottled(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now, ThrottleMax: 25, ThrottleRefillPerSecond: 2})
	tok := h.login()
	for i := range 2 {
		if r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); r.body["data"] == nil {
			t.Fatalf("request %d: %s", i, r.raw)
		}
	}
	r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
	want := `{"errors":[{"message":"Throttled","locations":[{"line":2,"column":3}],"customer_facing":false}],"extensions":{"cost":{"actualQueryCost":10,"throttleStatus":{"maximumAvailable":25,"currentlyAvailable":5}}}}` + "\n"
	if r.status != 200 || string(r.raw) != want {
		t.Fatalf("got %d %s", r.status, r.raw)
	}
	if n := h.srv.Stats().Throttled; n != 1 {
		t.Fatalf("throttled count %d", n)
	}
	clock.Advance(3 * time.Second) // 5 + 6 = 11 points
	if r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh}); r.body["data"] == nil {
		t.Fatalf("after refill: %s", r.raw)
	}
}

func TestThrottleBucket(t *testing.T) {
	tb := newThrottle()
	t0 := newFakeClock().Now()
	if ok, left := tb.take("u", 30, 100, 10, t0); !ok || left != 70 {
		t.Fatal(ok, left)
	}
	if ok, left := tb.take("v", 1, 100, 10, t0); !ok || left != 99 {
		t.Fatal("buckets are per user", ok, left)
	}
	if ok, left := tb.take("u", 80, 100, 10, t0.Add(-time.Hour)); ok || left != 70 {
		t.Fatal("a clock going backwards must refill nothing", ok, left)
	}
	if ok, left := tb.take("u", 80, 100, 10, t0.Add(time.Second)); !ok || left != 0 {
		t.Fatal(ok, left)
	}
	if ok, _ := tb.take("u", 101, 100, 10, t0.Add(time.Hour)); ok {
		t.Fatal("a cost above the maximum can never run")
	}
}
