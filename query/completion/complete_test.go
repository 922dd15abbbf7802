package completion

import (
	"slices"
	"strings"
	"testing"
)

// cardFields are the Card fields in schema order, then __typename.
var cardFields = []string{"id", "card_reference", "pin", "balance", "initial_balance", "first_top_up_value",
	"created_at", "updated_at", "used", "expiry_time", "validity_start_time", "product_name",
	"card_alias_card_reference", "account_id", "ValueSplit", "__typename"}

func TestCompleteToggle(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	cases := []struct {
		name, in string
		prefix   string
		want     []string // labels, in order
	}{
		{"root field prefix", "{ Ca|", "Ca", []string{"Cards"}},
		{"root fields", "query { |", "", []string{"loginUser", "Cards", "LineItems", "Products", "Accounts", "__typename", "__schema", "__type"}},
		{"arguments", "{ Cards(|", "", []string{"card_reference", "id", "page", "limit"}},
		{"arguments not yet given", "{ Cards(page: 1, |", "", []string{"card_reference", "id", "limit"}},
		{"argument after a string value", `{ Cards(card_reference: "63011900", l|`, "l", []string{"limit"}},
		{"nested selection", "{ Cards { data { |", "", cardFields},
		{"after a complete field", "{ Cards { data { id |", "", cardFields},
		{"after a sub-selection", "{ Cards { data { id } |", "", []string{"data", "total", "per_page", "__typename"}},
		{"after arguments", "{ Cards(limit: 1) { total } LineItems(|", "", []string{"merchant_transaction_reference", "page", "limit"}},
		{"after an alias", "{ first: Ca|", "Ca", []string{"Cards"}},
		{"mutation arguments, required first", "mutation { createBalanceAdjustment(| ", "",
			[]string{"card_reference", "merchant_id", "currency", "value", "unit_epos_reference", "merchant_transaction_reference"}},
		{"mutation fields", "mutation M { cr|", "cr", []string{"createOrder", "createBalanceAdjustment", "createReversal"}},
		{"variable types", "query($r: |", "", []string{"AddressInput", "Boolean", "ContactInput", "DiscountInput", "ExpiryConfigInput",
			"Float", "ID", "Int", "OrderItemInput", "ReversalItemInput", "String", "ValidityRuleInput"}},
		{"variable types in a list", "query($r: [Str|", "Str", []string{"String"}},
		{"second variable's type", "query($a: Int!, $b: Orde|", "Orde", []string{"OrderItemInput"}},
		{"declared variables", "query($r: String, $n: Int) { Cards(card_reference: $|", "", []string{"$r", "$n"}},
		{"variables, matching type first", "query($r: String, $n: Int) { Cards(limit: $|", "", []string{"$n", "$r"}},
		{"variables with a default", `query Q($a: Int = 1, $b: [String!]! = ["x"]) { Cards(id: $|`, "", []string{"$a", "$b"}},
		{"no variables in a new operation", "query($r: String) { Cards { total } } query { Cards(id: $|", "", []string{}},
		{"fragment names", "fragment F on Card { id } fragment P on CardPage { total }\n{ Cards { data { ...|", "",
			[]string{"F", "P", "on"}},
		{"fragment defined later", "{ Cards { ...| } }\nfragment P on CardPage { total }", "", []string{"P", "on"}},
		{"inline fragment type", "{ Cards { data { ... on |", "", []string{"Card"}},
		{"fragment definition type", "fragment F on Ca|", "Ca", []string{"Card", "CardPage", "PostageCategory"}},
		{"fragment definition on", "fragment F |", "", []string{"on"}},
		{"inside an inline fragment", "{ Cards { data { ... on Card { bal|", "bal", []string{"balance", "initial_balance"}},
		{"directives", "{ Cards @|", "", []string{"include", "skip"}},
		{"directive arguments", "{ Cards @include(|", "", []string{"if"}},
		{"after a directive", "{ Cards @include(if: true) { |", "", []string{"data", "total", "per_page", "__typename"}},
		{"input object fields", "mutation { createOrder(order_items: [{|", "", []string{"product_id", "price_modifier_id",
			"custom_price_modifier_value", "fulfilment_method_id", "generate_card_reference", "card_reference",
			"fulfilment_email", "message", "discounts", "validity_rules", "expiry_config"}},
		{"input object fields not yet given", "mutation { createOrder(order_items: {product_id: 1, message: \"hi\", discounts: [{value: 5}], |", "",
			[]string{"price_modifier_id", "custom_price_modifier_value", "fulfilment_method_id", "generate_card_reference",
				"card_reference", "fulfilment_email", "validity_rules", "expiry_config"}},
		{"nested input object", "mutation { createOrder(receipt_contact: {email: \"a\"}, group_fulfilment_address: { town|", "town",
			[]string{"town_city"}},
		{"boolean values", "mutation { createOrder(group_fulfilment: |", "", []string{"true", "false"}},
		{"nullable boolean", "mutation { createOrder(order_items: {generate_card_reference: f|", "f", []string{"false"}},
		{"keywords", "|", "", []string{"query", "mutation", "fragment"}},
		{"keywords after an operation", "{ Cards { total } }\nm|", "m", []string{"mutation", "fragment"}},
		{"fuzzy", "mutation { crba|", "crba", []string{"createBalanceAdjustment"}},
		{"case-insensitive", "{ Cards { data { BAL|", "BAL", []string{"balance", "initial_balance"}},
		{"missing closing paren", "{ Cards(limit: 1 { data { us|", "us", []string{"used"}},
		{"in a comment", "{ Cards # Ca|", "Ca", []string{}},
		{"in a string", `{ Cards(card_reference: "Ca|`, "Ca", []string{}},
		{"in a block string", `{ Cards(card_reference: """Ca|`, "Ca", []string{}},
		{"in a number", "{ Cards(limit: 1|", "", []string{}},
		{"after a bad character", "{ Cards { % data { ba|", "ba", []string{"balance", "initial_balance"}},
		{"after a bad escape", "{ Cards(card_reference: \"\\q\") { da|", "da", []string{"data"}},
		{"in a string after a bad escape", "{ Cards(card_reference: \"\\q Ca|", "Ca", []string{}},
		{"after a bad block string", "{ Cards(card_reference: \"\"\"\x01\"\"\") { da|", "da", []string{"data"}},
		{"unknown field", "{ Nope { |", "", []string{}},
		{"after the last brace", "{ Cards { total } } |", "", []string{"query", "mutation", "fragment"}},
		{"stray closers", ") ] } { Ca|", "Ca", []string{"Cards"}},
	}
	for _, tc := range cases {
		text, off := cursor(tc.in)
		prefix, items := Complete(s, text, off)
		got := labels(items)
		if prefix != tc.prefix || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q\ngot  %q %q\nwant %q %q", tc.name, tc.in, prefix, got, tc.prefix, tc.want)
		}
	}
}

func TestCompleteDetails(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	find := func(in, label string) Item {
		t.Helper()
		text, off := cursor(in)
		_, items := Complete(s, text, off)
		for _, it := range items {
			if it.Label == label {
				return it
			}
		}
		t.Fatalf("%q: no %s in %q", in, label, labels(items))
		return Item{}
	}

	c := find("mutation { createB|", "createBalanceAdjustment")
	if c.Insert != "createBalanceAdjustment(card_reference: , merchant_id: )" || c.Kind != Field {
		t.Errorf("insert = %q", c.Insert)
	}
	if at := len(c.Insert) - c.CursorBack; c.Insert[:at] != "createBalanceAdjustment(card_reference: " {
		t.Errorf("cursor lands after %q", c.Insert[:at])
	}
	if !strings.HasPrefix(c.Detail, "(card_reference: String!, merchant_id: Int!, currency: String") || !strings.HasSuffix(c.Detail, "): BalanceAdjustment") {
		t.Errorf("detail = %q", c.Detail)
	}
	if c.Doc != "Moves value on a card: a negative `value` redeems (debits), a positive one tops up (credits)." {
		t.Errorf("doc = %q", c.Doc)
	}
	// With "(" already after the cursor, only the name goes in.
	if c := find("mutation { createB|(card_reference: $r) }", "createBalanceAdjustment"); c.Insert != "createBalanceAdjustment" || c.CursorBack != 0 {
		t.Errorf("insert before '(' = %q, %d", c.Insert, c.CursorBack)
	}
	if c := find("{ Ca|", "Cards"); c.Insert != "Cards" || c.CursorBack != 0 || c.Detail != "(card_reference: String, id: Int, page: Int, limit: Int): CardPage" {
		t.Errorf("Cards = %+v", c)
	}
	if c := find("{ Cards { data { |", "balance"); c.Detail != "Int!" || c.Doc != "Current balance in pence." {
		t.Errorf("balance = %+v", c)
	}
	if c := find("{ Cards(|", "card_reference"); c.Insert != "card_reference: " || c.Kind != Argument || c.Detail != "String" {
		t.Errorf("argument = %+v", c)
	}
	if c := find("query($r: String) { Cards(card_reference: $|", "$r"); c.Insert != "r" || c.Kind != Variable || c.Detail != "String" {
		t.Errorf("variable = %+v", c)
	}
	if c := find("query($r: [OrderItemInput!]!) { Cards(card_reference: $|", "$r"); c.Detail != "[OrderItemInput!]!" {
		t.Errorf("variable type = %q", c.Detail)
	}
	if c := find("{ Cards @|", "include"); c.Insert != "include(if: )" || c.CursorBack != 1 || c.Kind != Directive {
		t.Errorf("directive = %+v", c)
	}
	if c := find("mutation { createOrder(order_items: {|", "fulfilment_method_id"); c.Kind != InputField || c.Insert != "fulfilment_method_id: " {
		t.Errorf("input field = %+v", c)
	}
}

func TestCompleteKitchen(t *testing.T) {
	s := loadSDLFile(t, "kitchen.graphql")
	cases := []struct {
		name, in string
		want     []string
	}{
		{"required arguments first", "{ search(|", []string{"region", "query", "text", "kind", "exact"}},
		{"enum values, deprecated last", "{ cards(state: |", []string{"ACTIVE", "FROZEN", "null", "CLOSED"}},
		{"enum in an input object", "{ items(filter: {state: |", []string{"ACTIVE", "FROZEN", "null", "CLOSED"}},
		{"enum in a list", "{ items(filter: {states: [ACTIVE, |", []string{"ACTIVE", "FROZEN", "CLOSED"}},
		{"nested input object, required first", "{ items(filter: {range: {|", []string{"to", "from"}},
		{"deprecated field last", "{ cards { |", []string{"id", "state", "balance", "tags", "issuedAt", "__typename", "oldBalance"}},
		{"interface fields", "{ node(id: 1) { |", []string{"id", "__typename"}},
		{"union has only __typename", "{ items { |", []string{"__typename"}},
		{"union possible types", "{ items { ... on |", []string{"Item", "Card", "Gift"}},
		{"interface possible types", "{ node(id: 1) { ... on |", []string{"Node", "Card", "Gift"}},
		{"object's interfaces and unions", "{ cards { ... on |", []string{"Card", "Item", "Node"}},
		{"fragments on the right type first", "fragment G on Gift { id } fragment C on Card { id }\n{ cards { ...|", []string{"C", "G", "on"}},
		{"custom directive", "{ cards @|", []string{"cost", "include", "skip"}},
		{"schema roots", "mutation { |", []string{"freeze", "__typename"}},
		{"keywords with custom roots", "|", []string{"query", "mutation", "fragment"}},
		{"variable with an enum default", "query($s: CardState = ACTIVE, $n: Int) { cards(limit: $|", []string{"$n", "$s"}},
	}
	for _, tc := range cases {
		text, off := cursor(tc.in)
		_, items := Complete(s, text, off)
		if got := labels(items); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q\ngot  %q\nwant %q", tc.name, tc.in, got, tc.want)
		}
	}
	text, off := cursor("{ cards(state: CL|")
	_, items := Complete(s, text, off)
	if len(items) != 1 || items[0].Label != "CLOSED" || !items[0].Deprecated || items[0].Detail != "CardState" || items[0].Doc != "Gone." {
		t.Errorf("deprecated enum value: %+v", items)
	}
	text, off = cursor("{ cards { b|")
	if _, items := Complete(s, text, off); len(items) < 1 || items[0].Insert != "balance" {
		t.Errorf("optional args are not inserted: %+v", items)
	}
	text, off = cursor("{ cards @c|")
	if _, items := Complete(s, text, off); len(items) < 1 || items[0].Insert != "cost(weight: )" {
		t.Errorf("directive with a required argument: %+v", items)
	}
}

func TestCompleteRanking(t *testing.T) {
	cands := []candidate{
		{Item: Item{Label: "dataCard"}, group: groupNormal},
		{Item: Item{Label: "card"}, group: groupNormal},
		{Item: Item{Label: "Cards"}, group: groupNormal},
		{Item: Item{Label: "c_a_r_d"}, group: groupNormal},
		{Item: Item{Label: "oldCards"}, group: groupDeprecated},
		{Item: Item{Label: "cardOld"}, group: groupDeprecated},
		{Item: Item{Label: "cardRequired"}, group: groupRequired},
		{Item: Item{Label: "other"}, group: groupRequired},
	}
	got := labels(rankCompletions(cands, "card"))
	want := []string{"card", "cardRequired", "Cards", "cardOld", "dataCard", "oldCards", "c_a_r_d"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	many := make([]candidate, 500)
	for i := range many {
		many[i] = candidate{Item: Item{Label: "x"}}
	}
	if n := len(rankCompletions(many, "")); n != maxCompletions {
		t.Errorf("%d items, want the cap %d", n, maxCompletions)
	}
}

func TestCompleteClampsTheOffset(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	text := "{ Cards { data { bal"
	for _, off := range []int{-5, len(text), len(text) + 100} {
		prefix, items := Complete(s, text, off)
		if off < 0 && (prefix != "" || !slices.Equal(labels(items), []string{"query", "mutation", "fragment"})) {
			t.Errorf("offset %d: %q %q", off, prefix, labels(items))
		}
		if off >= len(text) && (prefix != "bal" || len(items) != 2) {
			t.Errorf("offset %d: %q %q", off, prefix, labels(items))
		}
	}
	// An offset inside a multi-byte character moves back to its start.
	text = "{ Cards(card_reference: \"é\") { t"
	at := strings.Index(text, "é")
	if p1, i1 := Complete(s, text, at+1); p1 != "" || len(i1) != 0 {
		t.Errorf("inside é: %q %q", p1, labels(i1))
	}
	if clampOffset(text, at+1) != at {
		t.Errorf("clampOffset(%d) = %d, want %d", at+1, clampOffset(text, at+1), at)
	}
}

func TestFieldAt(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	cases := []struct {
		in         string
		typ, field string
		ok         bool
	}{
		{"{ Ca|rds { data { id } } }", "Query", "Cards", true},
		{"{ |Cards }", "Query", "Cards", true},
		{"{ Cards| }", "Query", "Cards", true},
		{"{ Cards { data { bal|ance } } }", "Card", "balance", true},
		{"{ x: Card|s { total } }", "Query", "Cards", true},
		{"{ a|lias: Cards { total } }", "Query", "Cards", true},
		{"{ Cards(card_re|ference: \"1\") { total } }", "Query", "Cards", true},
		{"{ Cards(limit: 1) { data { LineItem|s } } }", "", "", false}, // Card has no LineItems
		{"mutation { createBalanceAdjustment(card_reference: \"x\", merchant_id: 1) { Line|Item { id } } }", "BalanceAdjustment", "LineItem", true},
		{"{ Cards { __typen|ame } }", "CardPage", "__typename", true},
		{"{ Cards { data { ...on Card { pi|n } } } }", "Card", "pin", true},
		{"query Bal|ance { Cards { total } }", "", "", false},
		{"{ Cards(card_reference: \"Ca|rds\") }", "", "", false},
		{"{ Cards @incl|ude(if: true) }", "", "", false},
		{"{ Cards(limit: 1|0) }", "", "", false},
		{"{ Cards { | } }", "", "", false},
	}
	for _, tc := range cases {
		text, off := cursor(tc.in)
		typ, field, ok := FieldAt(s, text, off)
		if typ != tc.typ || field != tc.field || ok != tc.ok {
			t.Errorf("%q: got %q %q %v, want %q %q %v", tc.in, typ, field, ok, tc.typ, tc.field, tc.ok)
		}
	}
}
