package session

import (
	"errors"
	"time"
)

// ErrNotStored is returned by TokenStore.Load when nothing is stored for the endpoint.
var ErrNotStored = errors.New("no stored token")

// TokenStore persists the current token between runs (keyring or a private file; the
// implementations live in store*.go). Calls may be slow; the session treats every failure as a
// StoreFailed event, never as fatal.
type TokenStore interface {
	// Load returns the token stored for endpoint, or ErrNotStored.
	Load(endpoint string) (StoredToken, error)
	// Save replaces the token stored for endpoint.
	Save(endpoint string, t StoredToken) error
	// Delete forgets the token stored for endpoint (no error when there is none).
	Delete(endpoint string) error
	// Where names the backend for messages, e.g. "OS keyring" or a file path.
	Where() string
}

// StoredToken is what a TokenStore keeps for one endpoint.
type StoredToken struct {
	// Identity is who the token belongs to (username, email or JWT subject).
	Identity string `json:"identity"`
	// Token is the raw token.
	Token string `json:"token"`
	// SavedAt is when it was saved.
	SavedAt time.Time `json:"saved_at"`
}

// String never shows the token.
func (t StoredToken) String() string {
	return "StoredToken{identity: " + t.Identity + ", fp:" + Fingerprint(t.Token) + "}"
}
