package mockapi

import "context"

type cardsArgs struct {
	CardReference *string
	ID            *int32
	Page, Limit   *int32
}

// Cards lists cards; an unknown reference gives an empty page, never an error.
func (r *rootResolver) Cards(ctx context.Context, args cardsArgs) (*gqlCardPage, error) {
	if _, err := authorized(ctx); err != nil {
		return nil, err
	}
	page, limit, err := pageArgs(args.Page, args.Limit)
	if err != nil {
		return nil, err
	}
	res := r.srv.store.findCards(args.CardReference, args.ID, page, limit)
	out := &gqlCardPage{Data: make([]*gqlCard, 0, len(res.cards)), Total: int32(res.total), PerPage: int32(res.limit)}
	for _, c := range res.cards {
		out.Data = append(out.Data, toCard(c))
	}
	return out, nil
}

type lineItemsArgs struct {
	MerchantTransactionReference *string
	Page, Limit                  *int32
}

// LineItems lists line items, e.g. to find the one to reverse.
func (r *rootResolver) LineItems(ctx context.Context, args lineItemsArgs) (*gqlLineItemPage, error) {
	if _, err := authorized(ctx); err != nil {
		return nil, err
	}
	page, limit, err := pageArgs(args.Page, args.Limit)
	if err != nil {
		return nil, err
	}
	res := r.srv.store.findLines(args.MerchantTransactionReference, page, limit)
	return &gqlLineItemPage{Data: toLines(res.lines), Total: int32(res.total), PerPage: int32(res.limit)}, nil
}
