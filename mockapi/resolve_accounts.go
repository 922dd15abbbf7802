package mockapi

import "context"

type productsArgs struct{ AccountID int32 }

// Products lists what an account sells. The wrapper-less list is the docs' example shape.
func (r *rootResolver) Products(ctx context.Context, args productsArgs) (*[]*gqlProduct, error) {
	if _, err := authorized(ctx); err != nil {
		return nil, err
	}
	ps, ok := r.srv.store.productsOf(args.AccountID)
	if !ok {
		return nil, (validationErrors{"account_id": {msgInvalidSelection}}).err()
	}
	out := make([]*gqlProduct, 0, len(ps))
	for _, p := range ps {
		out = append(out, toProduct(p))
	}
	return &out, nil
}

type accountsArgs struct{ Page, Limit *int32 }

// Accounts lists the accounts linked to the API user, in the same page wrapper as Cards
// ([I]: the docs name the query only).
func (r *rootResolver) Accounts(ctx context.Context, args accountsArgs) (*gqlAccountPage, error) {
	if _, err := authorized(ctx); err != nil {
		return nil, err
	}
	page, limit, err := pageArgs(args.Page, args.Limit)
	if err != nil {
		return nil, err
	}
	all := r.srv.store.accounts // immutable after seeding
	lo, hi := paginate(len(all), page, limit)
	out := &gqlAccountPage{Data: make([]*gqlAccount, 0, hi-lo), Total: int32(len(all)), PerPage: int32(limit)}
	for _, a := range all[lo:hi] {
		out.Data = append(out.Data, toAccount(a))
	}
	return out, nil
}
