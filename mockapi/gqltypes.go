package mockapi

import "time"

// GraphQL output objects. graphql-go resolves their fields by name (UseFieldResolvers):
// `card_reference` matches CardReference, `ValueSplit` matches ValueSplit. They are plain
// snapshots built from store copies, so resolving them needs no lock.
type (
	gqlUser struct{ ID int32 }

	gqlValueSplit struct{ Tender, Discount int32 }

	gqlCard struct {
		ID                     int32
		CardReference          string
		Pin                    *string
		Balance                int32
		InitialBalance         int32
		FirstTopUpValue        *int32
		CreatedAt              string
		UpdatedAt              string
		Used                   bool
		ExpiryTime             *string
		ValidityStartTime      *string
		ProductName            *string
		CardAliasCardReference *string
		AccountID              int32
		ValueSplit             *gqlValueSplit
	}

	gqlCardPage struct {
		Data    []*gqlCard
		Total   int32
		PerPage int32
	}

	gqlLineItem struct {
		ID                           int32
		Value                        int32
		Type                         string
		MerchantTransactionReference *string
		UnitEposReference            *string
		CreatedAt                    string
		Reversed                     bool
		Card                         *gqlCard
		ValueSplit                   *gqlValueSplit
	}

	gqlLineItemPage struct {
		Data    []*gqlLineItem
		Total   int32
		PerPage int32
	}

	gqlOrder struct {
		ID                           int32
		AccountID                    int32
		Total                        int32
		Currency                     string
		MerchantTransactionReference *string
		Note                         *string
		CreatedAt                    string
		LineItems                    []*gqlLineItem
	}

	gqlBalanceAdjustment struct {
		ID                           int32
		Value                        int32
		Currency                     string
		MerchantTransactionReference *string
		CreatedAt                    string
		LineItem                     *gqlLineItem
		ValueSplit                   *gqlValueSplit
	}

	gqlReversal struct {
		ID                           int32
		Value                        int32
		MerchantTransactionReference *string
		CreatedAt                    string
		LineItems                    []*gqlLineItem
	}

	gqlProduct struct {
		ID                 int32
		AccountID          int32
		Name               string
		CustomValueAllowed bool
		MinValue           *int32
		MaxValue           *int32
		PriceModifiers     []*gqlPriceModifier
		PostageCategories  []*gqlPostageCategory
	}

	gqlPriceModifier struct{ ID, Value int32 }

	gqlPostageCategory struct {
		ID    int32
		Name  string
		Price int32
	}

	gqlAccount struct {
		ID       int32
		Name     string
		Currency string
		Units    []*gqlUnit
	}

	gqlUnit struct {
		ID                int32
		Name              string
		UnitEposReference string
	}

	gqlAccountPage struct {
		Data    []*gqlAccount
		Total   int32
		PerPage int32
	}
)

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func fmtTimePtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := fmtTime(*t)
	return &s
}

// optString maps "" to null.
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toCard(c card) *gqlCard {
	first := c.firstTopUp
	return &gqlCard{
		ID: c.id, CardReference: c.ref, Pin: optString(c.pin), Balance: c.balance, InitialBalance: c.initial,
		FirstTopUpValue: &first, CreatedAt: fmtTime(c.createdAt), UpdatedAt: fmtTime(c.updated), Used: c.used,
		ExpiryTime: fmtTimePtr(c.expiry), ValidityStartTime: fmtTimePtr(c.validFrom),
		ProductName: optString(c.productName), CardAliasCardReference: optString(c.alias), AccountID: c.accountID,
		ValueSplit: &gqlValueSplit{Tender: c.tender, Discount: c.discount},
	}
}

func toLine(v lineView) *gqlLineItem {
	li := v.line
	return &gqlLineItem{
		ID: li.id, Value: li.value, Type: li.kind, MerchantTransactionReference: optString(li.mtr),
		UnitEposReference: optString(li.till), CreatedAt: fmtTime(li.createdAt), Reversed: li.reversed,
		Card: toCard(v.card), ValueSplit: &gqlValueSplit{Tender: li.tender, Discount: li.discount},
	}
}

func toLines(vs []lineView) []*gqlLineItem {
	out := make([]*gqlLineItem, len(vs))
	for i, v := range vs {
		out[i] = toLine(v)
	}
	return out
}

func toProduct(p product) *gqlProduct {
	out := &gqlProduct{ID: p.id, AccountID: p.accountID, Name: p.name, CustomValueAllowed: p.customAllowed}
	if p.customAllowed {
		lo, hi := p.minValue, p.maxValue
		out.MinValue, out.MaxValue = &lo, &hi
	}
	for _, m := range p.modifiers {
		out.PriceModifiers = append(out.PriceModifiers, &gqlPriceModifier{ID: m.id, Value: m.value})
	}
	for _, c := range p.postage {
		out.PostageCategories = append(out.PostageCategories, &gqlPostageCategory{ID: c.id, Name: c.name, Price: c.price})
	}
	return out
}

func toAccount(a account) *gqlAccount {
	out := &gqlAccount{ID: a.id, Name: a.name, Currency: a.currency}
	for _, u := range a.units {
		out.Units = append(out.Units, &gqlUnit{ID: u.id, Name: u.name, UnitEposReference: u.ref})
	}
	return out
}
