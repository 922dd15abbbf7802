package query

// Kind is the type of a GraphQL operation. The zero value is not a valid kind,
// so an Operation that was never filled in cannot pass for a query.
type Kind int

// The operation kinds, as written at the start of an operation ({ ... } is a
// Query).
const (
	Query Kind = iota + 1
	Mutation
	Subscription
)

// String returns the GraphQL keyword: "query", "mutation" or "subscription".
func (k Kind) String() string {
	switch k {
	case Query:
		return "query"
	case Mutation:
		return "mutation"
	case Subscription:
		return "subscription"
	}
	return "unknown"
}
