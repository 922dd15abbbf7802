package mockapi

// cardPage is one page of card snapshots.
type cardPage struct {
	cards        []card
	total, limit int
}

// findCards lists cards matching the optional reference (or alias) and id, in creation order.
func (s *store) findCards(ref *string, id *int32, page, limit int) cardPage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []int32
	switch {
	case ref != nil:
		if c, ok := s.lookupCard(*ref); ok && (id == nil || *id == c.id) {
			match = []int32{c.id}
		}
	case id != nil:
		if _, ok := s.cards[*id]; ok {
			match = []int32{*id}
		}
	default:
		match = s.cardIDs
	}
	lo, hi := paginate(len(match), page, limit)
	out := cardPage{total: len(match), limit: limit, cards: make([]card, 0, hi-lo)}
	for _, cid := range match[lo:hi] {
		out.cards = append(out.cards, *s.cards[cid])
	}
	return out
}

// linePage is one page of line items with their cards.
type linePage struct {
	lines        []lineView
	total, limit int
}

// findLines lists line items, optionally those created under one merchant_transaction_reference.
func (s *store) findLines(mtr *string, page, limit int) linePage {
	s.mu.Lock()
	defer s.mu.Unlock()
	match := s.lineIDs
	if mtr != nil {
		match = nil
		for _, id := range s.lineIDs {
			if s.lines[id].mtr == *mtr {
				match = append(match, id)
			}
		}
	}
	lo, hi := paginate(len(match), page, limit)
	out := linePage{total: len(match), limit: limit, lines: make([]lineView, 0, hi-lo)}
	for _, id := range match[lo:hi] {
		out.lines = append(out.lines, s.viewLine(id))
	}
	return out
}

// productsOf lists an account's products; ok is false for an account the user cannot see.
func (s *store) productsOf(accountID int32) (out []product, ok bool) {
	if _, ok := s.account(accountID); !ok {
		return nil, false
	}
	for _, p := range s.products {
		if p.accountID == accountID {
			out = append(out, p)
		}
	}
	return out, true
}

// referenceTaken reports whether a card already uses ref as its reference or alias.
func (s *store) referenceTaken(ref string) bool {
	_, taken := s.cardByRef[ref]
	return taken
}
