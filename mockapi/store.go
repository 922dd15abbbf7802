package mockapi

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sync"
	"time"
)

// timeLayout is Toggle's PHP `Y-m-d H:i:s`, always UTC and without a zone.
const timeLayout = "2006-01-02 15:04:05"

// Pagination limits ([I]: the docs show page/limit but no defaults).
const (
	defaultPageSize = 10
	maxPageSize     = 100
)

// Line item kinds, as exposed in LineItem.type.
const (
	kindSale       = "sale"
	kindRedemption = "redemption"
	kindTopUp      = "top_up"
	kindReversal   = "reversal"
)

type account struct {
	id       int32
	name     string
	currency string
	units    []unit
}

type unit struct {
	id   int32
	name string
	ref  string // unit_epos_reference
}

type priceModifier struct{ id, value int32 }

type postageCategory struct {
	id    int32
	name  string
	price int32
}

type product struct {
	id, accountID      int32
	name               string
	customAllowed      bool
	minValue, maxValue int32
	modifiers          []priceModifier
	postage            []postageCategory
	validFor           time.Duration // default expiry after issue; 0 = never expires
}

// card is mutable state owned by the store; it is copied out (never shared) so resolvers
// can read a snapshot without holding the lock. Time pointers are never written through.
type card struct {
	id, accountID      int32
	ref, alias, pin    string
	productName        string
	balance, initial   int32
	firstTopUp         int32
	tender, discount   int32 // split of balance: tender + discount == balance, both >= 0
	createdAt, updated time.Time
	used               bool
	expiry, validFrom  *time.Time
}

type lineItem struct {
	id               int32
	kind             string
	value            int32 // signed change of the card balance
	tender, discount int32 // split of value, same sign
	cardID           int32
	mtr, till        string
	createdAt        time.Time
	reversed         bool
}

type order struct {
	id, accountID, total int32
	currency, mtr, note  string
	createdAt            time.Time
	lineIDs              []int32
}

type adjustment struct {
	id, value int32
	currency  string
	mtr       string
	createdAt time.Time
	lineID    int32
}

type reversal struct {
	id, value int32
	mtr       string
	createdAt time.Time
	lineIDs   []int32
}

// store holds the fake's data. One mutex guards everything: the fake is small and
// correctness under concurrent mutations matters more than throughput.
type store struct {
	mu          sync.Mutex
	accounts    []account // immutable after seeding
	products    []product // immutable after seeding
	cards       map[int32]*card
	cardIDs     []int32          // creation order, for pagination
	cardByRef   map[string]int32 // card_reference and alias -> id
	lines       map[int32]*lineItem
	lineIDs     []int32
	orders      map[int32]*order
	adjustments map[int32]*adjustment
	reversals   map[int32]*reversal
	refs        map[string]bool // merchant_transaction_references already used
	next        struct{ card, line, order, adjustment, reversal int32 }
	generated   int64 // count of generated card references
}

func newStore() *store {
	s := &store{
		cards:       map[int32]*card{},
		cardByRef:   map[string]int32{},
		lines:       map[int32]*lineItem{},
		orders:      map[int32]*order{},
		adjustments: map[int32]*adjustment{},
		reversals:   map[int32]*reversal{},
		refs:        map[string]bool{},
	}
	// Realistic-looking numeric ids, as in the docs' examples (529113, 988008, 11001614).
	s.next.card, s.next.line, s.next.order = 529101, 11001601, 988001
	s.next.adjustment, s.next.reversal = 77001, 66001
	return s
}

// lineView is a line item with a snapshot of its card after the transaction.
type lineView struct {
	line lineItem
	card card
}

func (s *store) viewLine(id int32) lineView {
	li := s.lines[id]
	return lineView{line: *li, card: *s.cards[li.cardID]}
}

func (s *store) account(id int32) (account, bool) {
	for _, a := range s.accounts {
		if a.id == id {
			return a, true
		}
	}
	return account{}, false
}

func (s *store) product(id int32) (product, bool) {
	for _, p := range s.products {
		if p.id == id {
			return p, true
		}
	}
	return product{}, false
}

// tillKnown reports whether ref is a unit_epos_reference of the account.
func (s *store) tillKnown(accountID int32, ref string) bool {
	a, ok := s.account(accountID)
	if !ok {
		return false
	}
	for _, u := range a.units {
		if u.ref == ref {
			return true
		}
	}
	return false
}

// lookupCard finds a card by reference or alias.
func (s *store) lookupCard(ref string) (*card, bool) {
	id, ok := s.cardByRef[ref]
	if !ok {
		return nil, false
	}
	return s.cards[id], true
}

// addCard stores c with a fresh id and indexes its references.
func (s *store) addCard(c card) *card {
	c.id = s.next.card
	s.next.card++
	p := &c
	s.cards[c.id] = p
	s.cardIDs = append(s.cardIDs, c.id)
	s.cardByRef[c.ref] = c.id
	if c.alias != "" {
		s.cardByRef[c.alias] = c.id
	}
	return p
}

// addLine stores li with a fresh id.
func (s *store) addLine(li lineItem) int32 {
	li.id = s.next.line
	s.next.line++
	s.lines[li.id] = &li
	s.lineIDs = append(s.lineIDs, li.id)
	return li.id
}

// generateReference returns an unused 19-digit reference in the 63011900 range. The
// sequence is a fixed permutation (multiplying by a prime coprime to 10^10), so it is
// deterministic but does not look like a counter.
func (s *store) generateReference() string {
	for {
		s.generated++
		n := 20000000000 + (s.generated*104729)%10000000000
		ref := fmt.Sprintf("63011900%011d", n)
		if _, taken := s.cardByRef[ref]; !taken {
			return ref
		}
	}
}

// pinFor derives a stable four-digit PIN from a card reference.
func pinFor(ref string) string {
	sum := sha256.Sum256([]byte("pin:" + ref))
	return fmt.Sprintf("%04d", binary.BigEndian.Uint32(sum[:4])%10000)
}

// isToggleReference reports whether ref looks like a Toggle card number: 19 digits, IIN 63011900.
func isToggleReference(ref string) bool {
	if len(ref) != 19 || ref[:8] != "63011900" {
		return false
	}
	for _, r := range ref {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// paginate returns the slice bounds of page (1-based) of size limit over n items.
func paginate(n, page, limit int) (lo, hi int) {
	lo = (page - 1) * limit
	if lo > n || lo < 0 {
		return n, n
	}
	hi = lo + limit
	if hi > n {
		hi = n
	}
	return lo, hi
}
