package session

import (
	"errors"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// takeStored is the first step of a login flight: when the store holds a token for this endpoint
// and identity that is not the one being replaced, not the current one, not known to be refused,
// trustworthy and fresh enough, it becomes current instead of a login, and the flight ends with
// it. This is how processes sharing a store (two TUIs, a loop of `run`) follow each other's
// rotations under a server that revokes a token as soon as it rotates it.
func (s *Session) takeStored(f *flight, gen uint64, sent Token, reason EventKind) bool {
	if s.cfg.Store == nil {
		return false
	}
	st, err := s.cfg.Store.Load(s.Endpoint())
	if err != nil {
		if !errors.Is(err, ErrNotStored) {
			s.storeFailed("load", err, st.Token)
		}
		return false
	}
	now := s.cfg.Clock.Now()
	tok, err := ParseToken(st.Token, now, "stored by another process")
	if err != nil {
		return false
	}
	s.mu.Lock()
	cur := s.tok
	usable := s.gen == gen && st.Identity == s.identityLocked() && !s.refused[tok.Fingerprint] &&
		tok.raw != sent.raw && tok.raw != cur.raw && !tok.TooCloseToSend(now) &&
		!(reason == Refreshed && tok.RefreshDue(now))
	if !usable {
		s.mu.Unlock()
		return false
	}
	ref := cur
	if ref.IsZero() {
		ref = sent
	}
	if why := distrust(ref, tok); why != "" {
		s.mu.Unlock()
		s.emit(Event{Kind: TokenRefused, Time: now, Fingerprint: tok.Fingerprint, Header: "store",
			Message:   "refused the token in " + s.cfg.Store.Where() + ": " + why,
			Diagnosis: untrustedToken(why, tok.Fingerprint, "logging in instead")})
		return false
	}
	tok = s.scheduleLocked(tok)
	tok.Rotations = cur.Rotations + 1
	prev := s.installLocked(tok)
	s.flight = nil
	s.wakeLocked()
	f.tok, f.fromStore = tok, true
	s.mu.Unlock()
	s.storeMu.Lock()
	s.savedFP = tok.Fingerprint
	s.storeMu.Unlock()
	s.emit(Event{Kind: Rotated, Time: now, Fingerprint: tok.Fingerprint, PreviousFingerprint: prev.Fingerprint,
		Header: "store", Message: "took the newer token another process saved in " + s.cfg.Store.Where() +
			" instead of logging in, valid for " + display.Duration(tok.TimeLeft(now))})
	close(f.done)
	return true
}
