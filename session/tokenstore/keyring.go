package tokenstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// keyringService is the service name under which tokens appear in the OS keyring.
const keyringService = "toggle-explorer"

// Backend is the part of an OS keyring the store uses; go-keyring's package functions satisfy it
// through SystemKeyring, and tests substitute fakes that hang, fail or refuse large values.
type Backend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// SystemKeyring is the OS keyring through zalando/go-keyring (Secret Service, macOS Keychain,
// Windows Credential Manager).
type SystemKeyring struct{}

// Get implements Backend.
func (SystemKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }

// Set implements Backend.
func (SystemKeyring) Set(service, user, secret string) error {
	return keyring.Set(service, user, secret)
}

// Delete implements Backend.
func (SystemKeyring) Delete(service, user string) error { return keyring.Delete(service, user) }

// Keyring stores one entry per endpoint in an OS keyring. Every call has a deadline: a locked or
// absent keyring daemon must never hang the explorer (cli/cli#7757).
type Keyring struct {
	backend Backend
	timeout time.Duration
}

// NewKeyring returns a keyring store whose calls give up after timeout.
func NewKeyring(backend Backend, timeout time.Duration) *Keyring {
	return &Keyring{backend: backend, timeout: timeout}
}

// Where names the keyring for "stored in ..." lines.
func (k *Keyring) Where() string { return "OS keyring (service " + keyringService + ")" }

// Load returns the token stored for endpoint, or session.ErrNotStored.
func (k *Keyring) Load(endpoint string) (session.StoredToken, error) {
	var secret string
	err := k.call(func() (err error) {
		secret, err = k.backend.Get(keyringService, endpoint)
		return err
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return session.StoredToken{}, session.ErrNotStored
	}
	if err != nil {
		return session.StoredToken{}, err
	}
	var t session.StoredToken
	if err := json.Unmarshal([]byte(secret), &t); err != nil {
		return session.StoredToken{}, errors.New("keyring entry for " + endpoint + " is not a toggle-explorer token record")
	}
	return t, nil
}

// Save records t for endpoint.
func (k *Keyring) Save(endpoint string, t session.StoredToken) error {
	data, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("encode keyring entry: %w", err)
	}
	return k.call(func() error { return k.backend.Set(keyringService, endpoint, string(data)) })
}

// Delete forgets endpoint's token; a missing entry is not an error.
func (k *Keyring) Delete(endpoint string) error {
	err := k.call(func() error { return k.backend.Delete(keyringService, endpoint) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// call runs op with the store's deadline. On timeout the goroutine is abandoned (the keyring API
// takes no context) and the caller gets a clear error at once.
func (k *Keyring) call(op func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), k.timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, keyring.ErrNotFound) {
			return fmt.Errorf("OS keyring: %w", err)
		}
		return err
	case <-ctx.Done():
		return fmt.Errorf("OS keyring did not answer within %s", display.Duration(k.timeout))
	}
}
