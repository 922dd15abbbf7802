package session

// Snapshot is one consistent reading of the session for a UI: the token, whether a login to
// renew it is running, and how the background refresh fares. A UI keeps the latest Snapshot and
// takes a new one on every event, instead of keeping its own copies that could disagree.
type Snapshot struct {
	// Token is the current token (zero when logged out).
	Token Token
	// Refreshing is true while a login (first login, refresh, re-login) is in flight; the
	// session announces its start (RefreshStarted) and its end (a login event or RefreshEnded).
	Refreshing bool
	// RefreshFailures counts consecutive failed background refreshes of the current token.
	RefreshFailures int
	// Identity is who the session is logged in as.
	Identity string
	// InFlight counts requests on the wire.
	InFlight int
	// CanLogIn is true when the session holds credentials, so it can log in again by itself; a
	// session living on a stored or pasted token alone cannot, and the user must.
	CanLogIn bool
}

// Snapshot returns the session's state, taken under one lock.
func (s *Session) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.inflight {
		n += c
	}
	return Snapshot{Token: s.tok, Refreshing: s.flight != nil, RefreshFailures: s.refresh.failures,
		Identity: s.identityLocked(), InFlight: n, CanLogIn: s.creds != nil}
}
