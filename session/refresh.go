package session

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// maxRefreshBackoff caps the exponential backoff between failed refreshes.
const maxRefreshBackoff = 10 * time.Minute

// refreshState is the background refresh's memory for the current token; installing a new token
// resets it.
type refreshState struct {
	failures  int       // consecutive failed attempts
	next      time.Time // no attempt before this (wall time)
	expiredFP string    // token already announced as Expired
	soonFP    string    // token already announced as ExpiringSoon
}

// Run checks the token every CheckInterval until ctx ends or the session is closed. The ticker
// only wakes the check; every decision compares the token's expiry with the clock's wall time, so
// after a suspend the first tick refreshes at once instead of trusting a long timer that slept.
func (s *Session) Run(ctx context.Context) {
	t := time.NewTicker(s.cfg.CheckInterval)
	defer t.Stop()
	for {
		_ = s.CheckRefresh(ctx)
		select {
		case <-ctx.Done():
			return
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
	}
}

// CheckRefresh is one step of the refresh loop: announce expiry, warn when a token without
// credentials nears its end, and refresh (single-flight) once less than a sixth of the lifetime is
// left. A failed refresh never discards the current token; attempts back off with jitter, at least
// RefreshMinDelay apart, and stop after RefreshRetries for this token (the next request then logs
// in first). It returns the refresh error, if one was attempted and failed.
func (s *Session) CheckRefresh(ctx context.Context) error {
	now := s.cfg.Clock.Now()
	s.mu.Lock()
	tok, hasCreds, st := s.tok, s.creds != nil, &s.refresh
	if tok.IsZero() || s.closed {
		s.mu.Unlock()
		return nil
	}
	var events []Event
	if tok.Expired(now) && st.expiredFP != tok.Fingerprint {
		st.expiredFP = tok.Fingerprint
		events = append(events, Event{Kind: Expired, Time: now, Fingerprint: tok.Fingerprint,
			Message: "token expired " + display.Duration(now.Sub(tok.ExpiresAt)) + " ago"})
	}
	due := tok.RefreshDue(now)
	if due && !hasCreds && st.soonFP != tok.Fingerprint && !tok.Expired(now) {
		st.soonFP = tok.Fingerprint
		events = append(events, Event{Kind: ExpiringSoon, Time: now, Fingerprint: tok.Fingerprint,
			Message: "token expires in " + display.Duration(tok.TimeLeft(now)) + " and no credentials are held to renew it"})
	}
	attempt := due && hasCreds && s.flight == nil && !now.Before(st.next) && st.failures < s.cfg.RefreshRetries
	s.mu.Unlock()
	for _, e := range events {
		s.emit(e)
	}
	if !attempt {
		return nil
	}
	_, _, err := s.renew(ctx, tok, Refreshed)
	if err == nil {
		return nil
	}
	s.mu.Lock()
	if s.tok.raw != tok.raw { // a token arrived meanwhile (rotation, explicit login): not a failure
		s.mu.Unlock()
		return nil
	}
	st.failures++
	wait := s.backoff(st.failures)
	st.next = now.Add(wait)
	failures := st.failures
	s.mu.Unlock()
	msg := fmt.Sprintf("refresh failed (%d/%d): %v", failures, s.cfg.RefreshRetries, err)
	if !tok.Expired(now) {
		msg += "; keeping the current token, valid for " + display.Duration(tok.TimeLeft(now))
	}
	if failures < s.cfg.RefreshRetries {
		msg += "; next try in " + display.Duration(wait)
	} else {
		msg += "; no more background tries, the next request will log in first"
	}
	s.emit(Event{Kind: RefreshFailed, Time: now, Fingerprint: tok.Fingerprint, Message: msg})
	return err
}

// backoff is the wait after the n-th consecutive failure: RefreshBackoff·2^(n−1), capped, with
// "equal jitter" (half fixed, half random) so many clients do not retry in step, and never less
// than RefreshMinDelay.
func (s *Session) backoff(n int) time.Duration {
	d := s.cfg.RefreshBackoff
	for i := 1; i < n && d < maxRefreshBackoff; i++ {
		d *= 2
	}
	d = min(d, maxRefreshBackoff)
	d = d/2 + rand.N(d/2+1)
	return max(d, s.cfg.RefreshMinDelay)
}

// RefreshNow logs in again now with the held credentials, whatever the token's age (the
// inspector's "refresh now"). It joins a login already in flight rather than start a second one,
// and fails with ErrNoCredentials for a pasted token.
func (s *Session) RefreshNow(ctx context.Context) (Token, error) {
	s.mu.Lock()
	current := s.tok
	s.mu.Unlock()
	tok, _, err := s.renew(ctx, current, Refreshed)
	return tok, err
}
