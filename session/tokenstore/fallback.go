package tokenstore

import (
	"errors"
	"sync"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// Fallback uses the primary store (the OS keyring) while it works and switches to the secondary
// (the 0600 file) for the rest of the process as soon as the primary fails for a reason other than
// "not stored" — typically no Secret Service on a headless Linux box, which go-keyring reports at
// once. Where reports the store actually in use, so the user always knows where the token went.
type Fallback struct {
	primary, secondary session.TokenStore

	mu        sync.Mutex
	degraded  bool
	lastError error
}

// NewFallback combines two stores as described on Fallback.
func NewFallback(primary, secondary session.TokenStore) *Fallback {
	return &Fallback{primary: primary, secondary: secondary}
}

// Where names the store in use, and why the keyring is not, once it failed.
func (f *Fallback) Where() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.degraded {
		return f.secondary.Where() + " (OS keyring unavailable: " + f.lastError.Error() + ")"
	}
	return f.primary.Where()
}

// Load reads from the store in use; when the keyring fails it reads the file instead.
func (f *Fallback) Load(endpoint string) (session.StoredToken, error) {
	if store := f.active(); store != f.primary {
		return store.Load(endpoint)
	}
	t, err := f.primary.Load(endpoint)
	if err == nil || errors.Is(err, session.ErrNotStored) {
		if errors.Is(err, session.ErrNotStored) {
			// A token saved to the file in an earlier run without a keyring is still usable;
			// a file that cannot be read is worth saying so (corrupt, unreadable).
			ft, ferr := f.secondary.Load(endpoint)
			if ferr == nil || !errors.Is(ferr, session.ErrNotStored) {
				return ft, ferr
			}
		}
		return t, err
	}
	f.degrade(err)
	return f.secondary.Load(endpoint)
}

// Save writes to the store in use.
func (f *Fallback) Save(endpoint string, t session.StoredToken) error {
	if store := f.active(); store != f.primary {
		return store.Save(endpoint, t)
	}
	if err := f.primary.Save(endpoint, t); err != nil {
		f.degrade(err)
		return f.secondary.Save(endpoint, t)
	}
	return nil
}

// Delete removes the token from both stores, so logging out leaves no copy anywhere.
func (f *Fallback) Delete(endpoint string) error {
	perr := f.primary.Delete(endpoint)
	serr := f.secondary.Delete(endpoint)
	if perr != nil && !errors.Is(perr, session.ErrNotStored) {
		f.degrade(perr)
	}
	return serr
}

func (f *Fallback) active() session.TokenStore {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.degraded {
		return f.secondary
	}
	return f.primary
}

func (f *Fallback) degrade(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.degraded, f.lastError = true, err
}
