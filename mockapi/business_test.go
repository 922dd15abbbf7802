package mockapi

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

const redeemQuery = `mutation Redeem($ref: String!, $value: Int, $till: String, $txn: String) {
  createBalanceAdjustment(card_reference: $ref, value: $value, currency: "GBP", merchant_id: 26,
                          unit_epos_reference: $till, merchant_transaction_reference: $txn) {
    id value
    LineItem { id value type Card { card_reference balance } }
    ValueSplit { tender discount }
  }
}`

func redeem(h *harness, tok, ref string, value int, till, txn string) reply {
	h.t.Helper()
	vars := map[string]any{"ref": ref, "value": value}
	if till != "" {
		vars["till"] = till
	}
	if txn != "" {
		vars["txn"] = txn
	}
	return h.post(bearer(tok), redeemQuery, vars)
}

// wantBusinessError checks a customer-facing rule violation with null data.
func wantBusinessError(t *testing.T, r reply, msg string) {
	t.Helper()
	e := firstError(t, r)
	if e["message"] != msg || e["customer_facing"] != true || len(e["locations"].([]any)) != 1 {
		t.Fatalf("want %q (customer facing), got %s", msg, r.raw)
	}
	for k, v := range r.body["data"].(map[string]any) {
		if v != nil {
			t.Fatalf("data.%s should be null: %s", k, r.raw)
		}
	}
}

func TestRedemptionCannotDriveTheBalanceNegative(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := redeem(h, tok, SeedCardSmall, -101, "", "")
	wantBusinessError(t, r, "Applying this transaction would have resulted in a negative balance. Transaction not applied.")
	if h.balance(tok, SeedCardSmall) != 100 {
		t.Fatal("a refused redemption changed the balance")
	}
	r = redeem(h, tok, SeedCardSmall, -100, "TILL-2", "")
	if dig(t, r.body, "data", "createBalanceAdjustment", "LineItem", "Card", "balance") != 0.0 ||
		dig(t, r.body, "data", "createBalanceAdjustment", "LineItem", "type") != "redemption" {
		t.Fatalf("redeeming the whole balance: %s", r.raw)
	}
	// A top-up is the same call with a positive value.
	r = redeem(h, tok, SeedCardSmall, 250, "", "")
	if dig(t, r.body, "data", "createBalanceAdjustment", "LineItem", "Card", "balance") != 250.0 {
		t.Fatalf("top-up: %s", r.raw)
	}
}

func TestDuplicateMerchantTransactionReference(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	if r := redeem(h, tok, SeedCardLarge, -500, "", "POS-77"); r.body["errors"] != nil {
		t.Fatalf("first use: %s", r.raw)
	}
	wantBusinessError(t, redeem(h, tok, SeedCardLarge, -500, "", "POS-77"), "Duplicate reference supplied")
	wantBusinessError(t, redeem(h, tok, SeedCardLarge, -500, "", "T-1001"), "Duplicate reference supplied") // seeded sale
	if h.balance(tok, SeedCardLarge) != 24500 {
		t.Fatal("duplicates must not be applied")
	}
}

func TestMissingCurrencyGivesTheDocumentedValidationError(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := h.post(bearer(tok), "mutation {\n  createBalanceAdjustment(card_reference: \""+SeedCardFresh+"\", merchant_id: 26, value: -100) { id }\n}", nil)
	got, err := json.Marshal(map[string]any{"errors": r.body["errors"], "data": r.body["data"]})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"createBalanceAdjustment":null},"errors":[{"customer_facing":false,"locations":[{"column":3,"line":2}],"message":"validation","validation":{"currency":["This field is required"]}}]}`
	if string(got) != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	// Toggle's key order on the wire: message, locations, customer_facing, validation.
	if !strings.HasPrefix(string(r.raw), `{"errors":[{"message":"validation","locations":[{"line":2,"column":3}],"customer_facing":false,"validation":{"currency":["This field is required"]}}],"data":{"createBalanceAdjustment":null}`) {
		t.Fatalf("wire order: %s", r.raw)
	}
}

func TestAdjustmentValidationAndRules(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := h.post(bearer(tok), `mutation { createBalanceAdjustment(card_reference: "", merchant_id: 99, currency: "EUR", value: 0) { id } }`, nil)
	v := firstError(t, r)["validation"].(map[string]any)
	for _, k := range []string{"card_reference", "merchant_id", "currency", "value"} {
		if v[k] == nil {
			t.Errorf("no validation message for %s: %v", k, v)
		}
	}
	wantBusinessError(t, redeem(h, tok, "6301190099999999999", -1, "", ""),
		"No card has been found for this account for the card ref supplied. Transaction not applied.")
	wantBusinessError(t, redeem(h, tok, SeedCardFresh, -1, "TILL-9", ""),
		"The unit_epos_reference supplied was not recognised for this account.")
	wantBusinessError(t, redeem(h, tok, SeedCardFresh, -1, "TILL-3", ""), // a till of the other account
		"The unit_epos_reference supplied was not recognised for this account.")
	wantBusinessError(t, redeem(h, tok, SeedCardExpired, -1, "", ""), "This card has expired. Transaction not applied.")
	wantBusinessError(t, redeem(h, tok, SeedCardNotYetValid, -1, "", ""), "This card is not valid yet. Transaction not applied.")
	if r := redeem(h, tok, SeedCardHotel, -1, "TILL-3", ""); r.body["errors"] != nil {
		t.Fatalf("hotel till on hotel card: %s", r.raw)
	}
}

func TestRedemptionSplitsTenderAndDiscount(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	// SeedCardDiscounted holds 4000 tender + 1000 discount.
	r := redeem(h, tok, SeedCardDiscounted, -1000, "", "")
	split := dig(t, r.body, "data", "createBalanceAdjustment", "ValueSplit")
	if fmt.Sprint(split) != "map[discount:-200 tender:-800]" {
		t.Fatalf("split %v", split)
	}
	r = h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardDiscounted})
	if fmt.Sprint(dig(t, r.body, "data", "Cards", "data", "0", "ValueSplit")) != "map[discount:800 tender:3200]" {
		t.Fatalf("card split after redemption: %s", r.raw)
	}
}

func TestUnknownCardIsAnEmptyListAndAliasesResolve(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": "6301190000000000404"})
	if r.body["errors"] != nil || fmt.Sprint(dig(t, r.body, "data", "Cards")) != "map[data:[] per_page:1 total:0]" {
		t.Fatalf("unknown card: %s", r.raw)
	}
	r = h.post(bearer(tok), `{ Cards(card_reference: "`+SeedCardAlias+`") { data { card_reference card_alias_card_reference } } }`, nil)
	if dig(t, r.body, "data", "Cards", "data", "0", "card_reference") != SeedCardAliased {
		t.Fatalf("alias lookup: %s", r.raw)
	}
}

func TestSeededCardsAndPagination(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := h.post(bearer(tok), `{ Cards(page: 3, limit: 5) { data { card_reference } total per_page } }`, nil)
	if fmt.Sprint(dig(t, r.body, "data", "Cards")) != "map[data:[map[card_reference:6301190010000000011] map[card_reference:6301190010000000012]] per_page:5 total:12]" {
		t.Fatalf("page 3: %s", r.raw)
	}
	r = h.post(bearer(tok), `{ Cards(limit: 100) { data { card_reference balance initial_balance used expiry_time validity_start_time } } }`, nil)
	for _, c := range dig(t, r.body, "data", "Cards", "data").([]any) {
		ref := c.(map[string]any)["card_reference"].(string)
		if !isToggleReference(ref) {
			t.Errorf("seeded reference %q is not 19 digits starting 63011900", ref)
		}
	}
	if r := h.post(bearer(tok), `{ Cards(page: 0, limit: 1000) { total } }`, nil); fmt.Sprint(firstError(t, r)["validation"]) == "" ||
		firstError(t, r)["validation"].(map[string]any)["limit"] == nil {
		t.Fatalf("bad page/limit: %s", r.raw)
	}
	r = h.post(bearer(tok), `{ LineItems(merchant_transaction_reference: "T-2002") { data { type value Card { card_reference } } total } }`, nil)
	if fmt.Sprint(dig(t, r.body, "data", "LineItems")) != "map[data:[map[Card:map[card_reference:6301190010000000002] type:redemption value:-1750]] total:1]" {
		t.Fatalf("seeded redemption line: %s", r.raw)
	}
}

func TestProductsAndAccounts(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	r := h.post(bearer(tok), `query P($a: Int!) { Products(account_id: $a) { id name PostageCategories { id price } } }`, map[string]any{"a": 1})
	if dig(t, r.body, "data", "Products", "0", "id") != 3532.0 || dig(t, r.body, "data", "Products", "0", "name") != "In-store Gift" {
		t.Fatalf("products: %s", r.raw)
	}
	if r := h.post(bearer(tok), `{ Products(account_id: 99) { id } }`, nil); firstError(t, r)["message"] != "validation" {
		t.Fatalf("unknown account: %s", r.raw)
	}
	r = h.post(bearer(tok), `{ Accounts { total data { id Units { unit_epos_reference } } } }`, nil)
	if fmt.Sprint(dig(t, r.body, "data", "Accounts")) != "map[data:[map[Units:[map[unit_epos_reference:TILL-1] map[unit_epos_reference:TILL-2]] id:1] map[Units:[map[unit_epos_reference:TILL-3]] id:2]] total:2]" {
		t.Fatalf("accounts: %s", r.raw)
	}
}
