package mockapi

import (
	"context"
	"sync"
	"time"
)

// reqState is what resolvers need to know about the request they serve. It travels in the
// context because graphql-go hands resolvers nothing else.
type reqState struct {
	cfg        Config
	now        time.Time
	authorized bool
	opName     string // the request's operation name, for the log
	sent       string // fingerprint of the token the request carried, for the log

	mu     sync.Mutex // query fields resolve concurrently
	issued string     // token issued by loginUser in this request, if any
}

func (st *reqState) setIssued(tok string) {
	st.mu.Lock()
	st.issued = tok
	st.mu.Unlock()
}

func (st *reqState) issuedToken() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.issued
}

type stateKey struct{}

func withState(ctx context.Context, st *reqState) context.Context {
	return context.WithValue(ctx, stateKey{}, st)
}

// stateFrom returns the request's state; a context without one is treated as an
// unauthenticated request with the default configuration, so nothing leaks by accident.
func stateFrom(ctx context.Context) *reqState {
	if st, ok := ctx.Value(stateKey{}).(*reqState); ok {
		return st
	}
	cfg := Config{}.withDefaults()
	return &reqState{cfg: cfg, now: cfg.now()}
}
