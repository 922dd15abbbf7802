package mockapi

import (
	"fmt"
	"strconv"
	"time"
)

// Input objects of createOrder. Every field is optional in the schema so that a missing one
// is reported in the documented validation map rather than as a GraphQL type error.
type (
	orderItemInput struct {
		ProductID                *int32
		PriceModifierID          *int32
		CustomPriceModifierValue *int32
		FulfilmentMethodID       *int32
		GenerateCardReference    *bool
		CardReference            *string
		FulfilmentEmail          *string
		Message                  *string
		Discounts                *[]*discountInput
		ValidityRules            *[]*validityRuleInput
		ExpiryConfig             *expiryConfigInput
	}
	discountInput struct {
		DiscountTypeID *int32
		Value          *int32
	}
	validityRuleInput struct {
		ValidityRuleTypeID *int32
		Rule               *string
	}
	expiryConfigInput struct {
		SecondsValidFor           *int32
		SendExpiryAlertDaysBefore *int32
		HardExpireAt              *string
	}
	addressInput struct {
		Name, AddressLine1, AddressLine2, TownCity, Postcode, CountryCode *string
	}
	contactInput struct {
		Email, FirstName, LastName, PhoneNumber *string
	}
)

// orderArgs are the documented arguments of createOrder.
type orderArgs struct {
	AccountID                        int32
	OrderItems                       []*orderItemInput
	Total                            int32
	Currency                         string
	GroupFulfilment                  bool
	SalesChannelID                   int32
	AutoFulfilGroupFulfilment        bool
	MerchantID                       int32
	MerchantTransactionReference     *string
	UnitEposReference                *string
	Note                             *string
	ReceiptContact                   *contactInput
	GroupFulfilmentAddress           *addressInput
	GroupFulfilmentPostageCategoryID *int32
	GroupFulfilmentEmail             *string
}

// orderView is a committed order with its sale lines.
type orderView struct {
	ord   order
	lines []lineView
}

// plannedCard is a validated order item, ready to become a card.
type plannedCard struct {
	product           product
	ref               string // "" = generate
	value, discount   int32
	expiry, validFrom *time.Time
}

// createOrder validates the whole order (every problem reported at once in the validation
// map), then applies the business rules, then creates one card and one sale line per item.
func (s *store) createOrder(now time.Time, a orderArgs) (orderView, error) {
	s.mu.Lock()
	defer s.mu.Unlock()

	v := validationErrors{}
	if _, ok := s.account(a.AccountID); !ok {
		v.add("account_id", msgInvalidSelection)
	}
	checkMerchant(v, "merchant_id", a.MerchantID)
	currency := a.Currency
	checkCurrency(v, &currency)
	if !salesChannels[a.SalesChannelID] {
		v.add("sales_channel_id", msgInvalidSelection)
	}
	if len(a.OrderItems) == 0 {
		v.add("order_items", msgRequired)
	}
	if c := a.ReceiptContact; c != nil && c.Email != nil && !validEmail(*c.Email) {
		v.add("receipt_contact.email", "The email must be a valid email address")
	}
	if e := a.GroupFulfilmentEmail; e != nil && !validEmail(*e) {
		v.add("group_fulfilment_email", "The email must be a valid email address")
	}

	var expected int64 // what total must be
	plans := make([]plannedCard, 0, len(a.OrderItems))
	refsInOrder := map[string]bool{}
	needsAddress := false
	for i, it := range a.OrderItems {
		p, postal := s.planItem(v, now, a.AccountID, fmt.Sprintf("order_items.%d.", i), it, refsInOrder)
		needsAddress = needsAddress || postal
		plans = append(plans, p)
		expected += int64(p.value) - int64(p.discount)
	}
	if id := a.GroupFulfilmentPostageCategoryID; id != nil {
		price, ok := s.postagePrice(a.AccountID, *id)
		if !ok {
			v.add("group_fulfilment_postage_category_id", msgInvalidSelection)
		}
		expected += int64(price)
	}
	if needsAddress {
		checkAddress(v, a.GroupFulfilmentAddress)
	}
	if len(v) == 0 && int64(a.Total) != expected {
		v.add("total", fmt.Sprintf("The total does not match the order items (expected %d)", expected))
	}
	if err := v.err(); err != nil {
		return orderView{}, err
	}

	till, mtr := deref(a.UnitEposReference), deref(a.MerchantTransactionReference)
	if till != "" && !s.tillKnown(a.AccountID, till) {
		return orderView{}, businessError(msgUnknownTill)
	}
	if mtr != "" && s.refs[mtr] {
		return orderView{}, businessError(msgDuplicateReference)
	}

	o := order{id: s.next.order, accountID: a.AccountID, total: a.Total, currency: currency, mtr: mtr,
		note: deref(a.Note), createdAt: now}
	s.next.order++
	for _, p := range plans {
		ref := p.ref
		if ref == "" {
			ref = s.generateReference()
		}
		c := s.addCard(card{accountID: a.AccountID, ref: ref, pin: pinFor(ref), productName: p.product.name,
			balance: p.value, initial: p.value, firstTopUp: p.value - p.discount, tender: p.value - p.discount,
			discount: p.discount, createdAt: now, updated: now, expiry: p.expiry, validFrom: p.validFrom})
		o.lineIDs = append(o.lineIDs, s.addLine(lineItem{kind: kindSale, value: p.value, tender: p.value - p.discount,
			discount: p.discount, cardID: c.id, mtr: mtr, till: till, createdAt: now}))
	}
	if mtr != "" {
		s.refs[mtr] = true
	}
	s.orders[o.id] = &o
	view := orderView{ord: o}
	for _, id := range o.lineIDs {
		view.lines = append(view.lines, s.viewLine(id))
	}
	return view, nil
}

// planItem validates one order item (adding problems to v under prefix) and works out the
// card it will create. postal reports whether it needs the group fulfilment address.
func (s *store) planItem(v validationErrors, now time.Time, accountID int32, prefix string, it *orderItemInput, refsInOrder map[string]bool) (p plannedCard, postal bool) {
	if it == nil {
		v.add(prefix+"product_id", msgRequired)
		return p, false
	}
	switch prod, ok := s.product(derefInt(it.ProductID)); {
	case it.ProductID == nil:
		v.add(prefix+"product_id", msgRequired)
	case !ok || prod.accountID != accountID:
		v.add(prefix+"product_id", msgInvalidSelection)
	default:
		p.product = prod
		p.value = itemValue(v, prefix, prod, it)
	}

	switch m := it.FulfilmentMethodID; {
	case m == nil:
		v.add(prefix+"fulfilment_method_id", msgRequired)
	case !fulfilmentMethods[*m]:
		v.add(prefix+"fulfilment_method_id", msgInvalidSelection)
	case *m == 1 && deref(it.FulfilmentEmail) == "":
		v.add(prefix+"fulfilment_email", msgRequired)
	case *m == 2:
		postal = true
	}
	if e := deref(it.FulfilmentEmail); e != "" && !validEmail(e) {
		v.add(prefix+"fulfilment_email", "The email must be a valid email address")
	}

	generate := it.CardReference == nil
	if it.GenerateCardReference != nil {
		generate = *it.GenerateCardReference
	}
	if !generate {
		switch ref := deref(it.CardReference); {
		case ref == "":
			v.add(prefix+"card_reference", msgRequired)
		case !isToggleReference(ref):
			v.add(prefix+"card_reference", "The card reference must be 19 digits starting 63011900")
		case refsInOrder[ref] || s.referenceTaken(ref):
			v.add(prefix+"card_reference", "The card reference has already been taken")
		default:
			refsInOrder[ref] = true
			p.ref = ref
		}
	}

	p.discount = itemDiscounts(v, prefix, it.Discounts)
	if p.value > 0 && p.discount > p.value {
		v.add(prefix+"discounts", "The discounts exceed the item value")
	}
	p.validFrom, p.expiry = itemValidity(v, now, prefix, p.product, it)
	return p, postal
}

func derefInt(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

// itemValue resolves the card value from a preset denomination or a custom value.
func itemValue(v validationErrors, prefix string, prod product, it *orderItemInput) int32 {
	switch {
	case it.PriceModifierID != nil && it.CustomPriceModifierValue != nil:
		v.add(prefix+"price_modifier_id", "Give either price_modifier_id or custom_price_modifier_value, not both")
	case it.PriceModifierID != nil:
		for _, m := range prod.modifiers {
			if m.id == *it.PriceModifierID {
				return m.value
			}
		}
		v.add(prefix+"price_modifier_id", msgInvalidSelection)
	case it.CustomPriceModifierValue != nil:
		val := *it.CustomPriceModifierValue
		switch {
		case !prod.customAllowed:
			v.add(prefix+"custom_price_modifier_value", "This product does not accept custom values")
		case val < prod.minValue || val > prod.maxValue:
			v.add(prefix+"custom_price_modifier_value",
				fmt.Sprintf("The value must be between %d and %d", prod.minValue, prod.maxValue))
		default:
			return val
		}
	default:
		v.add(prefix+"custom_price_modifier_value", msgRequired)
	}
	return 0
}

// itemDiscounts validates the discounts and returns their sum.
func itemDiscounts(v validationErrors, prefix string, ds *[]*discountInput) int32 {
	if ds == nil {
		return 0
	}
	var sum int64
	for j, d := range *ds {
		at := fmt.Sprintf("%sdiscounts.%d.", prefix, j)
		if d == nil {
			v.add(at+"discount_type_id", msgRequired)
			continue
		}
		switch {
		case d.DiscountTypeID == nil:
			v.add(at+"discount_type_id", msgRequired)
		case !discountTypes[*d.DiscountTypeID]:
			v.add(at+"discount_type_id", msgInvalidSelection)
		}
		switch {
		case d.Value == nil:
			v.add(at+"value", msgRequired)
		case *d.Value <= 0:
			v.add(at+"value", "The value must be positive")
		default:
			sum += int64(*d.Value)
		}
	}
	if sum > 1<<31-1 {
		v.add(prefix+"discounts", "The discounts exceed the item value")
		return 0
	}
	return int32(sum)
}

// itemValidity applies the product's default expiry, then expiry_config (which replaces it),
// then the validity rules (valid-from moves the start, valid-until can only bring expiry forward).
func itemValidity(v validationErrors, now time.Time, prefix string, prod product, it *orderItemInput) (validFrom, expiry *time.Time) {
	if prod.validFor > 0 {
		t := now.Add(prod.validFor)
		expiry = &t
	}
	if ec := it.ExpiryConfig; ec != nil {
		expiry = nil
		switch {
		case ec.SecondsValidFor == nil:
		case *ec.SecondsValidFor <= 0:
			v.add(prefix+"expiry_config.seconds_valid_for", "The value must be positive")
		default:
			t := now.Add(time.Duration(*ec.SecondsValidFor) * time.Second)
			expiry = &t
		}
		if ec.SendExpiryAlertDaysBefore != nil && *ec.SendExpiryAlertDaysBefore < 0 {
			v.add(prefix+"expiry_config.send_expiry_alert_days_before", "The value must not be negative")
		}
		if ec.HardExpireAt != nil {
			if t, ok := parseTime(*ec.HardExpireAt); !ok {
				v.add(prefix+"expiry_config.hard_expire_at", "The date must be in Y-m-d H:i:s format")
			} else if expiry == nil || t.Before(*expiry) {
				expiry = &t
			}
		}
	}
	if it.ValidityRules == nil {
		return validFrom, expiry
	}
	for j, r := range *it.ValidityRules {
		at := fmt.Sprintf("%svalidity_rules.%d.", prefix, j)
		if r == nil || r.ValidityRuleTypeID == nil {
			v.add(at+"validity_rule_type_id", msgRequired)
			continue
		}
		if r.Rule == nil {
			v.add(at+"rule", msgRequired)
			continue
		}
		switch *r.ValidityRuleTypeID {
		case 1, 2:
			t, ok := parseTime(*r.Rule)
			switch {
			case !ok:
				v.add(at+"rule", "The rule must be a date in Y-m-d H:i:s format")
			case *r.ValidityRuleTypeID == 1:
				validFrom = &t
			case expiry == nil || t.Before(*expiry):
				expiry = &t
			}
		case 3:
			secs, err := strconv.ParseUint(*r.Rule, 10, 31)
			if err != nil {
				v.add(at+"rule", "The rule must be a whole number of seconds")
				continue
			}
			t := now.Add(time.Duration(secs) * time.Second)
			validFrom = &t
		default:
			v.add(at+"validity_rule_type_id", msgInvalidSelection)
		}
	}
	return validFrom, expiry
}

// postagePrice finds a postage category offered by one of the account's products.
func (s *store) postagePrice(accountID, id int32) (int32, bool) {
	for _, p := range s.products {
		if p.accountID != accountID {
			continue
		}
		for _, c := range p.postage {
			if c.id == id {
				return c.price, true
			}
		}
	}
	return 0, false
}

// checkAddress requires the parts of an address a postal delivery cannot do without.
func checkAddress(v validationErrors, a *addressInput) {
	if a == nil {
		v.add("group_fulfilment_address", msgRequired)
		return
	}
	if deref(a.AddressLine1) == "" {
		v.add("group_fulfilment_address.address_line_1", msgRequired)
	}
	if deref(a.Postcode) == "" {
		v.add("group_fulfilment_address.postcode", msgRequired)
	}
}
