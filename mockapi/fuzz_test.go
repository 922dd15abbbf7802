package mockapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzServeHTTP feeds arbitrary request bodies (with and without a valid token) to the
// handler: it must never panic, and must always answer JSON in Toggle's error shape, with
// one of the statuses the fake documents.
func FuzzServeHTTP(f *testing.F) {
	seeds := []string{
		`{"query":"{ __typename }"}`,
		`{"query":"query Login($u: String, $p: String!) { loginUser(username: $u, password: $p) { id } }","variables":{"u":"demo","p":"x"}}`,
		`{"query":"{ Cards(card_reference: \"6301190010000000001\") { data { balance ValueSplit { tender } } } }"}`,
		`{"query":"mutation { createBalanceAdjustment(card_reference: \"6301190010000000012\", merchant_id: 26, currency: \"GBP\", value: -1) { id } }"}`,
		`{"query":"mutation { createReversal(ReversalItems: { line_item_id: 11001601 }) { id value } }"}`,
		`{"query":"mutation { createOrder(account_id: 1, order_items: [{}], total: 0, currency: \"GBP\", group_fulfilment: false, sales_channel_id: 3, auto_fulfil_group_fulfilment: true, merchant_id: 26) { id } }"}`,
		`{"query":"{ ...F } fragment F on Query { Cards(limit: 3) { data { id } } }"}`,
		`{"query":"{ __schema { types { name } } }"}`,
		`{"query":"query A { __typename } query B { Accounts { total } }","operationName":"B"}`,
		`{"query":"{ Cards(limit: $x) { total } }","variables":{"x":1e99}}`,
		`[{"query":"{ __typename }"}]`,
		`{"query":`,
		``,
		"\x00\xff",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	srv := New(Config{Now: newFakeClock().Now})
	rec := httptest.NewRecorder()
	login, _ := json.Marshal(map[string]any{"query": loginQuery, "variables": map[string]any{"username": DemoUsername, "password": DemoPassword}})
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(login)))
	tok := rec.Header().Get("X-Authorization")
	if tok == "" {
		f.Fatal("login failed")
	}

	f.Fuzz(func(t *testing.T, body []byte, withToken bool) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		if withToken {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 413:
		default:
			t.Fatalf("status %d for %q", rec.Code, body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("Content-Type %q", ct)
		}
		var resp struct {
			Errors []struct {
				Message        *string          `json:"message"`
				Locations      []map[string]int `json:"locations"`
				CustomerFacing *bool            `json:"customer_facing"`
			} `json:"errors"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("not JSON: %v: %s", err, rec.Body.Bytes())
		}
		if len(resp.Errors) == 0 && resp.Data == nil {
			t.Fatalf("neither errors nor data: %s", rec.Body.Bytes())
		}
		for _, e := range resp.Errors {
			if e.Message == nil || e.Locations == nil || e.CustomerFacing == nil {
				t.Fatalf("error without message, locations or customer_facing: %s", rec.Body.Bytes())
			}
		}
		if rec.Code != 200 && resp.Data != nil {
			t.Fatalf("data on a %d: %s", rec.Code, rec.Body.Bytes())
		}
	})
}
