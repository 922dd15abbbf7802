package mockapi

import (
	"fmt"
	"strings"
	"testing"
)

// The docs' "Sell a physical card from till stock" example, verbatim.
const sellPhysical = `mutation SellPhysical {
  createOrder(account_id: 1, currency: "GBP", merchant_id: 26, total: 5000,
              sales_channel_id: 3, group_fulfilment: true, auto_fulfil_group_fulfilment: true,
              unit_epos_reference: "TILL-1", merchant_transaction_reference: "T-0001",
              order_items: [{ product_id: 3532, custom_price_modifier_value: 5000,
                              fulfilment_method_id: 3, generate_card_reference: false,
                              card_reference: "6301190000000000001" }]) {
    id LineItems { id Card { id card_reference pin balance expiry_time } }
  }
}`

// The docs' guest-gratuity example, verbatim.
const gratuity = `mutation Gratuity {
  createOrder(account_id: 1, currency: "GBP", merchant_id: 26, total: 0, sales_channel_id: 7,
              group_fulfilment: false, auto_fulfil_group_fulfilment: true,
              merchant_transaction_reference: "GG-42", note: "service recovery",
              order_items: [{ product_id: 3532, custom_price_modifier_value: 1000,
                              fulfilment_method_id: 8, generate_card_reference: true,
                              discounts: [{ discount_type_id: 1, value: 1000 }] }]) {
    id LineItems { id Card { card_reference pin balance ValueSplit { tender discount } } }
  }
}`

const reverseQuery = `mutation Undo($line: Int!, $txn: String) {
  createReversal(merchant_transaction_reference: $txn, merchant_id: 26, unit_epos_reference: "TILL-1",
                 ReversalItems: { line_item_id: $line, shipping_refund: false }) {
    id value LineItems { value type Card { card_reference balance } }
  }
}`

func lineIDOf(h *harness, tok, mtr string) float64 {
	h.t.Helper()
	r := h.post(bearer(tok), `query FindLine($ref: String!) { LineItems(merchant_transaction_reference: $ref, page: 1, limit: 10) { data { id } } }`,
		map[string]any{"ref": mtr})
	return dig(h.t, r.body, "data", "LineItems", "data", "0", "id").(float64)
}

func TestDocsExampleOrders(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := h.post(bearer(tok), sellPhysical, nil)
	c := dig(t, r.body, "data", "createOrder", "LineItems", "0", "Card").(map[string]any)
	if c["card_reference"] != "6301190000000000001" || c["balance"] != 5000.0 || len(c["pin"].(string)) != 4 || c["expiry_time"] == nil {
		t.Fatalf("physical sale: %s", r.raw)
	}
	// Replaying it fails validation first (the card number is now taken): input checks
	// come before business rules.
	r = h.post(bearer(tok), sellPhysical, nil)
	if v := firstError(t, r)["validation"].(map[string]any); v["order_items.0.card_reference"] == nil {
		t.Fatalf("reusing a card number: %s", r.raw)
	}

	r = h.post(bearer(tok), gratuity, nil)
	c = dig(t, r.body, "data", "createOrder", "LineItems", "0", "Card").(map[string]any)
	if !isToggleReference(c["card_reference"].(string)) || c["balance"] != 1000.0 ||
		fmt.Sprint(c["ValueSplit"]) != "map[discount:1000 tender:0]" {
		t.Fatalf("gratuity card: %s", r.raw)
	}
	wantBusinessError(t, h.post(bearer(tok), gratuity, nil), "Duplicate reference supplied")
}

func TestOrderValidation(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	cases := map[string]struct{ replace, with, field string }{
		"total":             {"total: 5000", "total: 4999", "total"},
		"unknown product":   {"product_id: 3532", "product_id: 3540", "order_items.0.product_id"},
		"missing product":   {"product_id: 3532,", "", "order_items.0.product_id"},
		"merchant":          {"merchant_id: 26", "merchant_id: 1", "merchant_id"},
		"sales channel":     {"sales_channel_id: 3", "sales_channel_id: 4", "sales_channel_id"},
		"currency":          {`currency: "GBP"`, `currency: ""`, "currency"},
		"method":            {"fulfilment_method_id: 3", "fulfilment_method_id: 4", "order_items.0.fulfilment_method_id"},
		"email needed":      {"fulfilment_method_id: 3", "fulfilment_method_id: 1", "order_items.0.fulfilment_email"},
		"physical card ref": {`card_reference: "6301190000000000001"`, `card_reference: ""`, "order_items.0.card_reference"},
		"bad card ref":      {`card_reference: "6301190000000000001"`, `card_reference: "1234"`, "order_items.0.card_reference"},
		"value range":       {"custom_price_modifier_value: 5000", "custom_price_modifier_value: 10", "order_items.0.custom_price_modifier_value"},
		"account":           {"account_id: 1", "account_id: 7", "account_id"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			q := strings.Replace(sellPhysical, c.replace, c.with, 1)
			r := h.post(bearer(tok), q, nil)
			e := firstError(t, r)
			v, _ := e["validation"].(map[string]any)
			if e["message"] != "validation" || v[c.field] == nil || e["customer_facing"] != false {
				t.Fatalf("want validation of %s, got %s", c.field, r.raw)
			}
		})
	}
	r := h.post(bearer(tok), strings.Replace(sellPhysical, `"TILL-1"`, `"TILL-3"`, 1), nil)
	wantBusinessError(t, r, msgUnknownTill)
	// The total mismatch names the expected amount (our choice: helpful for a dev tool).
	r = h.post(bearer(tok), strings.Replace(sellPhysical, "total: 5000", "total: 1", 1), nil)
	if !strings.Contains(string(r.raw), "(expected 5000)") {
		t.Fatalf("total message: %s", r.raw)
	}
}

func TestReversal(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	if r := redeem(h, tok, SeedCardFresh, -1200, "TILL-1", "R-1"); r.body["errors"] != nil {
		t.Fatal(string(r.raw))
	}
	line := lineIDOf(h, tok, "R-1")
	r := h.post(bearer(tok), reverseQuery, map[string]any{"line": line, "txn": "R-1-REVERSAL"})
	if dig(t, r.body, "data", "createReversal", "value") != 1200.0 ||
		dig(t, r.body, "data", "createReversal", "LineItems", "0", "Card", "balance") != 5000.0 {
		t.Fatalf("reversal: %s", r.raw)
	}
	wantBusinessError(t, h.post(bearer(tok), reverseQuery, map[string]any{"line": line}), msgAlreadyReversed)
	revLine := lineIDOf(h, tok, "R-1-REVERSAL")
	wantBusinessError(t, h.post(bearer(tok), reverseQuery, map[string]any{"line": revLine}), msgReverseReversal)

	// Reversing a sale takes the whole card value back; impossible once part is spent.
	wantBusinessError(t, h.post(bearer(tok), reverseQuery, map[string]any{"line": lineIDOf(h, tok, "T-1002")}), msgNegativeBalance)
	r = h.post(bearer(tok), reverseQuery, map[string]any{"line": lineIDOf(h, tok, "T-1011")})
	if dig(t, r.body, "data", "createReversal", "value") != -25000.0 || h.balance(tok, SeedCardLarge) != 0 {
		t.Fatalf("sale reversal: %s", r.raw)
	}

	// Missing or unknown line items are validation errors.
	r = h.post(bearer(tok), `mutation { createReversal(merchant_id: 26, ReversalItems: [{ shipping_refund: true }, { line_item_id: 1 }]) { id } }`, nil)
	v := firstError(t, r)["validation"].(map[string]any)
	if v["ReversalItems.0.line_item_id"] == nil || v["ReversalItems.1.line_item_id"] == nil {
		t.Fatalf("reversal validation: %s", r.raw)
	}
	if r := h.post(bearer(tok), `mutation { createReversal { id } }`, nil); firstError(t, r)["validation"].(map[string]any)["ReversalItems"] == nil {
		t.Fatalf("no items: %s", r.raw)
	}
}

// A failing item leaves the earlier items of the same reversal unapplied.
func TestReversalIsAllOrNothing(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	redeem(h, tok, SeedCardFresh, -300, "", "A-1")
	good := lineIDOf(h, tok, "A-1")
	bad := lineIDOf(h, tok, "T-1002") // a sale of a partly spent card
	r := h.post(bearer(tok), `mutation R($a: Int, $b: Int) { createReversal(ReversalItems: [{ line_item_id: $a }, { line_item_id: $b }]) { id } }`,
		map[string]any{"a": good, "b": bad})
	wantBusinessError(t, r, msgNegativeBalance)
	if h.balance(tok, SeedCardFresh) != 4700 {
		t.Fatal("the first item must not have been applied")
	}
	r = h.post(bearer(tok), reverseQuery, map[string]any{"line": good})
	if r.body["errors"] != nil {
		t.Fatalf("the good item must still be reversible: %s", r.raw)
	}
}
