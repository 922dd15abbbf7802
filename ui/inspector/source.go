package inspector

import "github.com/toggle-explorer/toggle-explorer/session"

// Source is what the inspector reads. *session.Session satisfies it; tests use a fake. Each call
// returns an in-memory snapshot, cheap enough to take on every tick while the inspector is open.
type Source interface {
	// Token returns the current token and whether there is one.
	Token() (session.Token, bool)
	// Timeline returns the recent session events, oldest first.
	Timeline() []session.Event
	// Exchanges returns the recorded requests, oldest first.
	Exchanges() []session.Exchange
	// Endpoint is the GraphQL URL the token belongs to.
	Endpoint() string
}

// credentialHolder is implemented by sources that can tell whether they could log in again by
// themselves (*session.Session can). Without it the inspector assumes they can.
type credentialHolder interface {
	HasCredentials() bool
}

// The root hands the inspector its session: keep the two in step at compile time.
var _ Source = (*session.Session)(nil)
var _ credentialHolder = (*session.Session)(nil)
