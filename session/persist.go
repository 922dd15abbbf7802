package session

import (
	"errors"
	"fmt"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// UseToken installs a pasted token (source e.g. "pasted"). It forgets any credentials, since a
// pasted token may belong to someone else: the session cannot log in again and instead emits
// ExpiringSoon ahead of expiry. An expired token is accepted (the user may be debugging it); the
// server's answer will be diagnosed.
func (s *Session) UseToken(raw, source string) (Token, error) {
	tok, err := ParseToken(raw, s.cfg.Clock.Now(), source)
	if err != nil {
		return Token{}, err
	}
	s.mu.Lock()
	s.creds = nil
	s.gen++
	prev := s.installLocked(tok)
	s.mu.Unlock()
	s.emit(Event{Kind: LoggedIn, Fingerprint: tok.Fingerprint, PreviousFingerprint: prev.Fingerprint,
		Message: "using a " + source + " token, valid for " + display.Duration(tok.TimeLeft(s.cfg.Clock.Now()))})
	s.persist()
	return tok, nil
}

// Restore loads the stored token for this endpoint and identity (empty identity = any) and makes
// it current if it is still usable (not within the send floor of its expiry). Held credentials
// are kept, so the session can still log in again when it has them.
func (s *Session) Restore(identity string) (Token, bool) {
	if s.cfg.Store == nil {
		return Token{}, false
	}
	st, err := s.cfg.Store.Load(s.Endpoint())
	if err != nil {
		if !errors.Is(err, ErrNotStored) {
			s.storeFailed("load", err, st.Token)
		}
		return Token{}, false
	}
	if identity != "" && st.Identity != identity {
		return Token{}, false
	}
	now := s.cfg.Clock.Now()
	// The token arrived when it was saved, not now: its age (status bar, login --check) counts
	// from then. A save time in the future (another machine's clock) is not trusted.
	received := now
	if !st.SavedAt.IsZero() && st.SavedAt.Before(now) {
		received = st.SavedAt
	}
	tok, err := ParseToken(st.Token, received, "stored")
	if err != nil || tok.TooCloseToSend(now) {
		return Token{}, false
	}
	s.mu.Lock()
	if why := distrust(s.tok, tok); why != "" {
		s.mu.Unlock()
		s.emit(Event{Kind: TokenRefused, Time: now, Fingerprint: tok.Fingerprint, Header: "store",
			Message:   "refused the token in " + s.cfg.Store.Where() + ": " + why,
			Diagnosis: untrustedToken(why, tok.Fingerprint, "not restored")})
		return Token{}, false
	}
	s.gen++
	if s.loginLifetime == 0 {
		s.loginLifetime = tok.Lifetime()
	}
	s.storedIdentity = st.Identity
	prev := s.installLocked(tok)
	s.mu.Unlock()
	s.storeMu.Lock()
	s.savedFP = tok.Fingerprint
	s.storeMu.Unlock()
	s.emit(Event{Kind: LoggedIn, Fingerprint: tok.Fingerprint, PreviousFingerprint: prev.Fingerprint,
		// How long it lasts comes before where it was: Where can carry a long keyring error, and a
		// narrow notice line cuts from the end.
		Message: "restored a stored token, valid for " + display.Duration(tok.TimeLeft(now)) + ", from " + s.cfg.Store.Where()})
	return tok, true
}

// Logout forgets the token, the credentials and the stored copy. A login in flight is discarded
// when it finishes.
func (s *Session) Logout() {
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	s.mu.Lock()
	prev := s.installLocked(Token{})
	s.creds = nil
	s.gen++
	s.mu.Unlock()
	s.savedFP = ""
	if s.cfg.Store != nil {
		if err := s.cfg.Store.Delete(s.Endpoint()); err != nil {
			s.storeFailed("delete", err, prev.raw)
		}
	}
	s.emit(Event{Kind: LoggedOut, PreviousFingerprint: prev.Fingerprint, Message: "logged out; token forgotten"})
}

// persist saves the current token if it is not the one last saved. storeMu serialises saves and
// the token is read inside it, so the last save to finish always holds the newest token even when
// rotations race. Failures become StoreFailed events.
func (s *Session) persist() {
	if s.cfg.Store == nil {
		return
	}
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	s.mu.Lock()
	tok, identity := s.tok, s.identityLocked()
	s.mu.Unlock()
	if tok.IsZero() || tok.Fingerprint == s.savedFP {
		return
	}
	err := s.cfg.Store.Save(s.Endpoint(), StoredToken{Identity: identity, Token: tok.raw, SavedAt: s.cfg.Clock.Now()})
	if err != nil {
		s.saveErr = errors.New(scrubString(err.Error(), tok.raw))
		s.storeFailed("save", err, tok.raw)
		return
	}
	s.savedFP, s.saveErr = tok.Fingerprint, nil
}

// SaveErr says why the current token is not in the store: the last save's error (secrets
// scrubbed), or nil when it was saved, or when there is no store. `login` must not claim a
// stored token when the store refused it.
func (s *Session) SaveErr() error {
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	return s.saveErr
}

// storeFailed reports a store error with any secret scrubbed from its text.
func (s *Session) storeFailed(op string, err error, secret string) {
	msg := scrubString(err.Error(), secret)
	s.emit(Event{Kind: StoreFailed, Message: fmt.Sprintf("token store (%s): %s failed: %s", s.cfg.Store.Where(), op, msg)})
}
