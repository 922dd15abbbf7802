package mockapi

import "time"

// adjustArgs are the documented arguments of createBalanceAdjustment.
type adjustArgs struct {
	CardReference                string
	MerchantID                   int32
	Currency                     *string
	Value                        *int32
	UnitEposReference            *string
	MerchantTransactionReference *string
}

// adjustmentView is a committed adjustment with its line as seen right after it.
type adjustmentView struct {
	adj  adjustment
	line lineView
}

// adjust applies a redemption (negative value) or top-up (positive value) to one card.
// Validation problems are reported together first; then business rules, first failure wins.
func (s *store) adjust(now time.Time, a adjustArgs) (adjustmentView, error) {
	v := validationErrors{}
	if a.CardReference == "" {
		v.add("card_reference", msgRequired)
	}
	checkMerchant(v, "merchant_id", a.MerchantID)
	checkCurrency(v, a.Currency)
	switch {
	case a.Value == nil:
		v.add("value", msgRequired)
	case *a.Value == 0:
		v.add("value", "The value must not be zero")
	}
	if err := v.err(); err != nil {
		return adjustmentView{}, err
	}
	value, till, mtr := *a.Value, deref(a.UnitEposReference), deref(a.MerchantTransactionReference)

	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.lookupCard(a.CardReference)
	if !ok {
		return adjustmentView{}, businessError(msgCardNotFound)
	}
	if till != "" && !s.tillKnown(c.accountID, till) {
		return adjustmentView{}, businessError(msgUnknownTill)
	}
	if mtr != "" && s.refs[mtr] {
		return adjustmentView{}, businessError(msgDuplicateReference)
	}
	if c.expiry != nil && !now.Before(*c.expiry) {
		return adjustmentView{}, businessError(msgCardExpired)
	}
	if value < 0 && c.validFrom != nil && now.Before(*c.validFrom) {
		return adjustmentView{}, businessError(msgCardNotYetValid)
	}
	if value < 0 && -int64(value) > int64(c.balance) {
		return adjustmentView{}, businessError(msgNegativeBalance)
	}
	if !addFits(c.balance, value) {
		return adjustmentView{}, (validationErrors{"value": {"The value is too large"}}).err()
	}

	li := lineItem{value: value, cardID: c.id, mtr: mtr, till: till, createdAt: now}
	if value < 0 {
		tender, disc := splitDebit(-value, c)
		li.kind, li.tender, li.discount = kindRedemption, -tender, -disc
		c.used = true
	} else {
		// A top-up is money paid, so all of it is tender.
		li.kind, li.tender = kindTopUp, value
	}
	c.balance += value
	c.tender += li.tender
	c.discount += li.discount
	c.updated = now
	if mtr != "" {
		s.refs[mtr] = true
	}
	adj := adjustment{id: s.next.adjustment, value: value, currency: supportedCurrency, mtr: mtr, createdAt: now}
	s.next.adjustment++
	adj.lineID = s.addLine(li)
	s.adjustments[adj.id] = &adj
	return adjustmentView{adj: adj, line: s.viewLine(adj.lineID)}, nil
}

// splitDebit divides a debit of amount (0 < amount <= c.balance) between the card's tender
// and discount in proportion to what the card holds ([I]: the docs only say the split
// exists). Rounding favours tender, so a small debit from a mixed card is all tender.
func splitDebit(amount int32, c *card) (tender, discount int32) {
	if c.balance <= 0 {
		return amount, 0
	}
	discount = int32(int64(amount) * int64(c.discount) / int64(c.balance))
	return amount - discount, discount
}

// splitReversalDebit divides a debit that undoes a credit line (sale or top-up) so that it
// takes back the line's own tender where the card still holds it, keeping both parts of
// the card's split non-negative. Requires 0 < amount <= c.balance.
func splitReversalDebit(amount, lineTender int32, c *card) (tender, discount int32) {
	lo := max(0, amount-c.discount) // tender needed so the discount part fits
	hi := min(amount, c.tender)     // tender available
	tender = min(max(lineTender, lo), hi)
	return tender, amount - tender
}
