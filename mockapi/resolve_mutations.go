package mockapi

import "context"

// CreateOrder sells cards (see store.createOrder for the rules).
func (r *rootResolver) CreateOrder(ctx context.Context, args orderArgs) (*gqlOrder, error) {
	st, err := authorized(ctx)
	if err != nil {
		return nil, err
	}
	v, err := r.srv.store.createOrder(st.now, args)
	if err != nil {
		return nil, err
	}
	o := v.ord
	return &gqlOrder{ID: o.id, AccountID: o.accountID, Total: o.total, Currency: o.currency,
		MerchantTransactionReference: optString(o.mtr), Note: optString(o.note), CreatedAt: fmtTime(o.createdAt),
		LineItems: toLines(v.lines)}, nil
}

// CreateBalanceAdjustment redeems from or tops up a card.
func (r *rootResolver) CreateBalanceAdjustment(ctx context.Context, args adjustArgs) (*gqlBalanceAdjustment, error) {
	st, err := authorized(ctx)
	if err != nil {
		return nil, err
	}
	v, err := r.srv.store.adjust(st.now, args)
	if err != nil {
		return nil, err
	}
	a := v.adj
	return &gqlBalanceAdjustment{ID: a.id, Value: a.value, Currency: a.currency,
		MerchantTransactionReference: optString(a.mtr), CreatedAt: fmtTime(a.createdAt), LineItem: toLine(v.line),
		ValueSplit: &gqlValueSplit{Tender: v.line.line.tender, Discount: v.line.line.discount}}, nil
}

// CreateReversal undoes whole line items.
func (r *rootResolver) CreateReversal(ctx context.Context, args reversalArgs) (*gqlReversal, error) {
	st, err := authorized(ctx)
	if err != nil {
		return nil, err
	}
	v, err := r.srv.store.reverse(st.now, args)
	if err != nil {
		return nil, err
	}
	rv := v.rev
	return &gqlReversal{ID: rv.id, Value: rv.value, MerchantTransactionReference: optString(rv.mtr),
		CreatedAt: fmtTime(rv.createdAt), LineItems: toLines(v.lines)}, nil
}
