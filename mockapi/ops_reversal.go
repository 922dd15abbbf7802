package mockapi

import (
	"fmt"
	"time"
)

// reversalItemInput is one entry of createReversal's ReversalItems.
type reversalItemInput struct {
	LineItemID     *int32
	ShippingRefund *bool
}

// reversalArgs are the documented arguments of createReversal.
type reversalArgs struct {
	MerchantTransactionReference *string
	MerchantID                   *int32
	UnitEposReference            *string
	ReversalItems                *[]*reversalItemInput
}

// reversalView is a committed reversal with its lines as seen right after it.
type reversalView struct {
	rev   reversal
	lines []lineView
}

// reverse undoes whole line items, all or nothing. Reversing a sale or top-up debits the
// card (and so may hit the negative-balance rule); reversing a redemption credits it back
// with the redemption's own tender/discount split.
func (s *store) reverse(now time.Time, a reversalArgs) (reversalView, error) {
	v := validationErrors{}
	if a.MerchantID != nil {
		checkMerchant(v, "merchant_id", *a.MerchantID)
	}
	var items []*reversalItemInput
	if a.ReversalItems != nil {
		items = *a.ReversalItems
	}
	if len(items) == 0 {
		v.add("ReversalItems", msgRequired)
	}
	till, mtr := deref(a.UnitEposReference), deref(a.MerchantTransactionReference)

	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[int32]bool{}
	for i, it := range items {
		field := fmt.Sprintf("ReversalItems.%d.line_item_id", i)
		switch {
		case it == nil || it.LineItemID == nil:
			v.add(field, msgRequired)
		case s.lines[*it.LineItemID] == nil:
			v.add(field, msgInvalidSelection)
		case seen[*it.LineItemID]:
			v.add(field, "The line item is listed more than once")
		default:
			seen[*it.LineItemID] = true
		}
	}
	if err := v.err(); err != nil {
		return reversalView{}, err
	}
	if mtr != "" && s.refs[mtr] {
		return reversalView{}, businessError(msgDuplicateReference)
	}

	// Work on copies of the touched cards so a failure part-way leaves the store untouched.
	scratch := map[int32]*card{}
	planned := make([]lineItem, 0, len(items))
	for _, it := range items {
		orig := s.lines[*it.LineItemID]
		switch {
		case orig.kind == kindReversal:
			return reversalView{}, businessError(msgReverseReversal)
		case orig.reversed:
			return reversalView{}, businessError(msgAlreadyReversed)
		}
		c, ok := scratch[orig.cardID]
		if !ok {
			cp := *s.cards[orig.cardID]
			c = &cp
			scratch[c.id] = c
		}
		if till != "" && !s.tillKnown(c.accountID, till) {
			return reversalView{}, businessError(msgUnknownTill)
		}
		li := lineItem{kind: kindReversal, value: -orig.value, cardID: c.id, mtr: mtr, till: till, createdAt: now}
		if orig.value > 0 {
			if orig.value > c.balance {
				return reversalView{}, businessError(msgNegativeBalance)
			}
			tender, disc := splitReversalDebit(orig.value, orig.tender, c)
			li.tender, li.discount = -tender, -disc
		} else {
			if !addFits(c.balance, -orig.value) {
				return reversalView{}, businessError(msgNegativeBalance)
			}
			li.tender, li.discount = -orig.tender, -orig.discount
		}
		c.balance += li.value
		c.tender += li.tender
		c.discount += li.discount
		c.updated = now
		planned = append(planned, li)
	}

	// Commit.
	rev := reversal{id: s.next.reversal, mtr: mtr, createdAt: now}
	s.next.reversal++
	for i, it := range items {
		s.lines[*it.LineItemID].reversed = true
		rev.lineIDs = append(rev.lineIDs, s.addLine(planned[i]))
		rev.value += planned[i].value
	}
	for id, c := range scratch {
		*s.cards[id] = *c
	}
	if mtr != "" {
		s.refs[mtr] = true
	}
	s.reversals[rev.id] = &rev
	view := reversalView{rev: rev}
	for _, id := range rev.lineIDs {
		view.lines = append(view.lines, s.viewLine(id))
	}
	return view, nil
}
