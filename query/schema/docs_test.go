package schema

import (
	"slices"
	"strings"
	"testing"
)

func TestTypeDoc(t *testing.T) {
	s := loadSDLFile(t, "kitchen.graphql")
	card, ok := s.TypeDoc("Card")
	if !ok || card.Kind != "object" || card.Description != "A gift card." || !slices.Equal(card.Interfaces, []string{"Node"}) {
		t.Fatalf("Card = %+v", card)
	}
	bal := card.Fields[2]
	want := FieldDoc{
		Name: "balance", Type: "Int!", Signature: `balance(currency: String = "GBP", round: Boolean): Int!`,
		Description: "Balance in minor units.",
		Args: []ArgDoc{
			{Name: "currency", Type: "String", Default: `"GBP"`},
			{Name: "round", Type: "Boolean"},
		},
	}
	if !equalFieldDoc(bal, want) {
		t.Errorf("balance = %+v\nwant %+v", bal, want)
	}
	if old := card.Fields[3]; old.Name != "oldBalance" || old.Deprecated != "No longer supported" {
		t.Errorf("oldBalance = %+v", old)
	}
	root, _ := s.TypeDoc("Root")
	for _, f := range root.Fields {
		if strings.HasPrefix(f.Name, "__") {
			t.Errorf("introspection field %s listed", f.Name)
		}
	}
	if search := root.Fields[3]; !search.Args[3].Required || search.Args[2].Required || search.Args[2].Default != "false" {
		t.Errorf("search args = %+v", search.Args)
	}
	rng, _ := s.TypeDoc("Range")
	if rng.Kind != "input object" || rng.Fields[0].Default != "0" || rng.Fields[0].Signature != "from: Int = 0" {
		t.Errorf("Range = %+v", rng)
	}
	state, _ := s.TypeDoc("CardState")
	if state.Kind != "enum" || len(state.EnumValues) != 3 || state.EnumValues[2].Deprecated != "Use FROZEN." {
		t.Errorf("CardState = %+v", state)
	}
	item, _ := s.TypeDoc("Item")
	node, _ := s.TypeDoc("Node")
	if !slices.Equal(item.PossibleTypes, []string{"Card", "Gift"}) || !slices.Equal(node.PossibleTypes, []string{"Card", "Gift"}) {
		t.Errorf("possible types: Item %v, Node %v", item.PossibleTypes, node.PossibleTypes)
	}
	if str, ok := s.TypeDoc("String"); !ok || !str.BuiltIn || str.Kind != "scalar" {
		t.Errorf("String = %+v", str)
	}
	if _, ok := s.TypeDoc("Nope"); ok {
		t.Error("TypeDoc(Nope) found something")
	}
}

// equalFieldDoc compares two FieldDocs field by field.
func equalFieldDoc(a, b FieldDoc) bool {
	return a.Name == b.Name && a.Type == b.Type && a.Signature == b.Signature && a.Description == b.Description &&
		a.Default == b.Default && a.Deprecated == b.Deprecated && slices.Equal(a.Args, b.Args)
}

func TestSearch(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	sig := func(es []DocEntry) []string {
		var out []string
		for _, e := range es {
			if e.Kind == "type" {
				out = append(out, e.Signature) // "type Card"
				continue
			}
			out = append(out, e.Kind+" "+e.Signature)
		}
		return out
	}
	cases := []struct {
		q     string
		limit int
		want  []string
	}{
		// Exact matches first (the type before the fields), then prefixes,
		// shorter first, types before the rest.
		{"card", 5, []string{"type Card", "field Card: Card", "type CardPage", "field Cards(card_reference: String, id: Int, page: Int, limit: Int): CardPage",
			"field card_reference: String!"}},
		{"CARD_REF", 3, []string{"field card_reference: String!", "input field card_reference: String", "argument Mutation.createBalanceAdjustment(card_reference: String!)"}},
		{"alias", 10, []string{"field card_alias_card_reference: String"}},
		{"unit_epos", 2, []string{"field unit_epos_reference: String", "field unit_epos_reference: String!"}}, // LineItem, then Unit
		{"lineitem.card", 10, []string{"field Card: Card"}},
		{"mutation.create", 3, []string{
			"field createOrder(account_id: Int!, order_items: [OrderItemInput]!, total: Int!, currency: String!, group_fulfilment: Boolean!, sales_channel_id: Int!, auto_fulfil_group_fulfilment: Boolean!, merchant_id: Int!, merchant_transaction_reference: String, unit_epos_reference: String, note: String, receipt_contact: ContactInput, group_fulfilment_address: AddressInput, group_fulfilment_postage_category_id: Int, group_fulfilment_email: String): Order",
			"field createReversal(merchant_transaction_reference: String, merchant_id: Int, unit_epos_reference: String, ReversalItems: [ReversalItemInput]): Reversal",
			"field createBalanceAdjustment(card_reference: String!, merchant_id: Int!, currency: String, value: Int, unit_epos_reference: String, merchant_transaction_reference: String): BalanceAdjustment",
		}},
		{"zzz", 10, nil},
		{"", 10, nil},
		{"card", 0, nil},
		{"type.", 10, nil},
	}
	for _, tc := range cases {
		if got := sig(s.Search(tc.q, tc.limit)); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q, %d):\ngot  %q\nwant %q", tc.q, tc.limit, got, tc.want)
		}
	}
	es := s.Search("CLOSED", 5)
	if len(es) != 0 {
		t.Errorf("toggle has no enums, got %+v", es)
	}
	k := loadSDLFile(t, "kitchen.graphql")
	es = k.Search("closed", 5)
	if len(es) != 1 || es[0] != (DocEntry{Kind: "enum value", Type: "CardState", Field: "CLOSED", Signature: "CardState.CLOSED", Description: "Gone.", Deprecated: "Use FROZEN."}) {
		t.Errorf("Search(closed) = %+v", es)
	}
	es = k.Search("region", 5)
	if len(es) != 1 || es[0].Kind != "argument" || es[0].Type != "Root" || es[0].Field != "search" || es[0].Arg != "region" {
		t.Errorf("Search(region) = %+v", es)
	}
}
