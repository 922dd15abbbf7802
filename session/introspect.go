package session

import (
	"context"
	"fmt"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// Introspect fetches the endpoint's schema with the session's token, through the same refresh and
// replay path as any query (so it never uses a stale token), and loads it. It returns the raw
// response too, for the schema cache. Errors say why in terms a user can act on: authentication
// (an *AuthError), the network (a *TransportError), or what the server answered instead of a
// schema (introspection disabled, not JSON, too large).
func (s *Session) Introspect(ctx context.Context) (*schema.Schema, []byte, error) {
	res, err := s.Execute(ctx, Request{Query: schema.IntrospectionQuery, OperationName: "IntrospectionQuery"})
	if err != nil {
		return nil, nil, err
	}
	if res.EnvelopeErr != nil {
		return nil, nil, fmt.Errorf("introspection: HTTP %d: %w", res.Status, res.EnvelopeErr)
	}
	sch, err := schema.LoadIntrospection(res.Body)
	if err != nil {
		return nil, nil, err
	}
	return sch, res.Body, nil
}
