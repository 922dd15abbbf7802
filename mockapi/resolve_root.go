package mockapi

import "context"

// rootResolver answers the Query and Mutation fields; one method per root field, in the
// resolve_*.go files by area.
type rootResolver struct{ srv *Server }

// authorized guards every field except loginUser: a request without a valid token only
// reaches a protected resolver in a document that also logs in, and then that field is
// answered null with the Unauthorized error.
func authorized(ctx context.Context) (*reqState, error) {
	st := stateFrom(ctx)
	if !st.authorized {
		return nil, technicalError(msgUnauthorized)
	}
	return st, nil
}
