package mockapi

import (
	"fmt"
	"time"
)

// Seeded ids and values the rest of the project (examples, tests, demo) can rely on.
const (
	// SeedAccountID is the main demo account ("Demo Bistro Group", tills TILL-1 and TILL-2).
	SeedAccountID = 1
	// SeedHotelAccountID is the second demo account ("Demo Hotel & Spa", till TILL-3).
	SeedHotelAccountID = 2
	// SeedProductID is the "In-store Gift" product of account 1 (id as in the docs' examples).
	SeedProductID = 3532
	// SeedMerchantID is the generic third-party merchant id of the docs.
	SeedMerchantID = 26
)

// Seeded card references (19 digits, IIN 63011900). The docs' example physical-card number
// 6301190000000000001 and the reference "T-0001" are left free so the docs' examples run.
const (
	// SeedCardFresh is an unused £50.00 card.
	SeedCardFresh = "6301190010000000001"
	// SeedCardPartlyUsed is a £50.00 card with £32.50 left.
	SeedCardPartlyUsed = "6301190010000000002"
	// SeedCardEmpty is a £20.00 card fully redeemed (balance 0).
	SeedCardEmpty = "6301190010000000003"
	// SeedCardExpired is a £25.00 card that expired 30 days before the server started.
	SeedCardExpired = "6301190010000000004"
	// SeedCardNotYetValid is a £100.00 card valid from 7 days after the server started.
	SeedCardNotYetValid = "6301190010000000005"
	// SeedCardAliased is a £75.00 card migrated from another provider (alias SeedCardAlias).
	SeedCardAliased = "6301190010000000006"
	// SeedCardAlias is the card_alias_card_reference of SeedCardAliased; lookups accept it.
	SeedCardAlias = "4410123456789012"
	// SeedCardDiscounted is a £50.00 card of which £10.00 is promotional discount.
	SeedCardDiscounted = "6301190010000000007"
	// SeedCardGratuity is a £15.00 guest-gratuity card, all discount (tender 0).
	SeedCardGratuity = "6301190010000000008"
	// SeedCardAfternoonTea is a £45.00 "Afternoon Tea for Two" card.
	SeedCardAfternoonTea = "6301190010000000009"
	// SeedCardHotel is a £100.00 card of account 2 with £60.00 left.
	SeedCardHotel = "6301190010000000010"
	// SeedCardLarge is an unused £250.00 card that never expires.
	SeedCardLarge = "6301190010000000011"
	// SeedCardSmall is a £1.00 card, handy for the negative-balance rule.
	SeedCardSmall = "6301190010000000012"
)

// merchantIDs are the merchant ids the fake accepts: the docs' generic 26 and example 24,
// and the named POS partners (Access 6, Centegra 12, Jigsaw 13, Cunninghams 32).
var merchantIDs = map[int32]bool{6: true, 12: true, 13: true, 24: true, 26: true, 32: true}

// salesChannels and fulfilmentMethods are the documented constant ids.
var (
	salesChannels     = map[int32]bool{3: true, 5: true, 7: true}
	fulfilmentMethods = map[int32]bool{1: true, 2: true, 3: true, 7: true, 8: true}
	discountTypes     = map[int32]bool{1: true, 3: true}
)

// The maps above are read-only tables; nothing writes to them after init.

// seedSpec describes one seeded card and the transactions that produced its state.
type seedSpec struct {
	ref, alias         string
	accountID, product int32
	value, discount    int32 // issue value and its discount part
	redeemed           int32 // pence redeemed after the sale (one redemption line)
	issuedDaysAgo      int
	expiryDays         *int // days after day0; nil = never
	validFromDays      *int // days after day0; nil = from issue
}

func days(n int) *int { return &n }

var seedCards = []seedSpec{
	{ref: SeedCardFresh, accountID: 1, product: 3532, value: 5000, issuedDaysAgo: 10, expiryDays: days(355)},
	{ref: SeedCardPartlyUsed, accountID: 1, product: 3532, value: 5000, redeemed: 1750, issuedDaysAgo: 40, expiryDays: days(325)},
	{ref: SeedCardEmpty, accountID: 1, product: 3532, value: 2000, redeemed: 2000, issuedDaysAgo: 90, expiryDays: days(275)},
	{ref: SeedCardExpired, accountID: 1, product: 3532, value: 2500, issuedDaysAgo: 395, expiryDays: days(-30)},
	{ref: SeedCardNotYetValid, accountID: 1, product: 3532, value: 10000, issuedDaysAgo: 1, expiryDays: days(372), validFromDays: days(7)},
	{ref: SeedCardAliased, alias: SeedCardAlias, accountID: 1, product: 3532, value: 7500, issuedDaysAgo: 200},
	{ref: SeedCardDiscounted, accountID: 1, product: 3532, value: 5000, discount: 1000, issuedDaysAgo: 5, expiryDays: days(360)},
	{ref: SeedCardGratuity, accountID: 1, product: 3532, value: 1500, discount: 1500, issuedDaysAgo: 3, expiryDays: days(87)},
	{ref: SeedCardAfternoonTea, accountID: 1, product: 3533, value: 4500, issuedDaysAgo: 20, expiryDays: days(160)},
	{ref: SeedCardHotel, accountID: 2, product: 3540, value: 10000, redeemed: 4000, issuedDaysAgo: 60, expiryDays: days(305)},
	{ref: SeedCardLarge, accountID: 1, product: 3532, value: 25000, issuedDaysAgo: 2},
	{ref: SeedCardSmall, accountID: 1, product: 3532, value: 100, issuedDaysAgo: 15},
}

// seed fills a new store with the deterministic demo data. Times are relative to the start
// of the server's (skewed) day, so "expired" and "not yet valid" stay true whatever the clock.
func seed(s *store, now time.Time) {
	day0 := now.UTC().Truncate(24 * time.Hour)
	s.accounts = []account{
		{id: 1, name: "Demo Bistro Group", currency: "GBP", units: []unit{
			{id: 101, name: "Soho restaurant", ref: "TILL-1"},
			{id: 102, name: "Soho bar", ref: "TILL-2"},
		}},
		{id: 2, name: "Demo Hotel & Spa", currency: "GBP", units: []unit{
			{id: 201, name: "Hotel reception", ref: "TILL-3"},
		}},
	}
	postage := []postageCategory{
		{id: 11, name: "Second class (free)", price: 0},
		{id: 12, name: "First class", price: 150},
		{id: 13, name: "Special delivery", price: 695},
	}
	s.products = []product{
		{id: 3532, accountID: 1, name: "In-store Gift", customAllowed: true, minValue: 500, maxValue: 50000,
			modifiers: []priceModifier{{7001, 2000}, {7002, 5000}, {7003, 10000}}, postage: postage,
			validFor: 365 * 24 * time.Hour},
		{id: 3533, accountID: 1, name: "Afternoon Tea for Two",
			modifiers: []priceModifier{{7004, 4500}}, postage: postage, validFor: 180 * 24 * time.Hour},
		{id: 3540, accountID: 2, name: "In-store Gift", customAllowed: true, minValue: 1000, maxValue: 100000,
			modifiers: []priceModifier{{7101, 5000}, {7102, 10000}}, validFor: 365 * 24 * time.Hour},
	}
	for i, sp := range seedCards {
		seedCard(s, day0, i+1, sp)
	}
}

// seedCard records the sale order T-10NN of one card and, when redeemed > 0, a
// redemption T-20NN at TILL-1 (TILL-3 for the hotel).
func seedCard(s *store, day0 time.Time, n int, sp seedSpec) {
	issued := day0.Add(-time.Duration(sp.issuedDaysAgo)*24*time.Hour + 10*time.Hour + time.Duration(n)*time.Minute)
	p, _ := s.product(sp.product)
	c := card{
		accountID: sp.accountID, ref: sp.ref, alias: sp.alias, pin: pinFor(sp.ref), productName: p.name,
		balance: sp.value, initial: sp.value, firstTopUp: sp.value - sp.discount,
		tender: sp.value - sp.discount, discount: sp.discount, createdAt: issued, updated: issued,
	}
	if sp.expiryDays != nil {
		t := day0.Add(time.Duration(*sp.expiryDays) * 24 * time.Hour)
		c.expiry = &t
	}
	if sp.validFromDays != nil {
		t := day0.Add(time.Duration(*sp.validFromDays) * 24 * time.Hour)
		c.validFrom = &t
	}
	cp := s.addCard(c)
	till := "TILL-1"
	if sp.accountID == 2 {
		till = "TILL-3"
	}
	saleRef := fmt.Sprintf("T-%04d", 1000+n)
	o := &order{id: s.next.order, accountID: sp.accountID, total: sp.value - sp.discount, currency: "GBP",
		mtr: saleRef, createdAt: issued}
	s.next.order++
	o.lineIDs = []int32{s.addLine(lineItem{kind: kindSale, value: sp.value, tender: sp.value - sp.discount,
		discount: sp.discount, cardID: cp.id, mtr: saleRef, till: till, createdAt: issued})}
	s.orders[o.id] = o
	s.refs[saleRef] = true
	if sp.redeemed == 0 {
		return
	}
	at := issued.Add(24 * time.Hour)
	tender, disc := splitDebit(sp.redeemed, cp)
	cp.balance -= sp.redeemed
	cp.tender -= tender
	cp.discount -= disc
	cp.used, cp.updated = true, at
	redRef := fmt.Sprintf("T-%04d", 2000+n)
	a := &adjustment{id: s.next.adjustment, value: -sp.redeemed, currency: "GBP", mtr: redRef, createdAt: at}
	s.next.adjustment++
	a.lineID = s.addLine(lineItem{kind: kindRedemption, value: -sp.redeemed, tender: -tender, discount: -disc,
		cardID: cp.id, mtr: redRef, till: till, createdAt: at})
	s.adjustments[a.id] = a
	s.refs[redRef] = true
}
