package session

import (
	"net/url"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// adoptVerdict says whether a rotated token replaces the current one, and why not.
type adoptVerdict struct {
	adopt  bool
	reason string
}

// judgeRotation is the adoption rule, pure so it can be table-tested: a candidate replaces the
// current token only if it is a JWT, unexpired, different, and not older (later exp wins; equal
// exp is broken by later iat; a full tie keeps the current token, so responses that arrive out of
// order can never move the session backwards). Nothing is adopted while logged out.
func judgeRotation(cur, cand Token, now time.Time) adoptVerdict {
	switch {
	case cur.IsZero():
		return adoptVerdict{reason: "no current token (logged out)"}
	case cand.IsZero():
		return adoptVerdict{reason: "empty"}
	case !cand.IsJWT():
		return adoptVerdict{reason: "not a JWT"}
	case !cand.FromJWT:
		return adoptVerdict{reason: "JWT without an expiry"}
	case cand.Expired(now):
		return adoptVerdict{reason: "already expired"}
	case cand.raw == cur.raw:
		return adoptVerdict{reason: "same token"}
	case cand.ExpiresAt.Before(cur.ExpiresAt):
		return adoptVerdict{reason: "older than the current token"}
	case cand.ExpiresAt.Equal(cur.ExpiresAt) && !cand.IssuedAt.After(cur.IssuedAt):
		return adoptVerdict{reason: "not newer than the current token"}
	}
	return adoptVerdict{adopt: true}
}

// offer applies the adoption rule to a token found in a response header. from is the URL the
// response came from: a token from any other origin is ignored. Safe for concurrent use; the
// compare-and-install happens under one lock so concurrent responses cannot interleave.
func (s *Session) offer(raw, header string, exchangeID int64, operation string, from *url.URL) bool {
	if !sameOrigin(from, s.endpoint) {
		return false
	}
	now := s.cfg.Clock.Now()
	cand, err := ParseToken(raw, now, "rotation "+header)
	if err != nil {
		return false
	}
	s.mu.Lock()
	cur := s.tok
	v := judgeRotation(cur, cand, now)
	if v.adopt {
		cand.Rotations = cur.Rotations + 1
		s.installLocked(cand)
	}
	s.mu.Unlock()
	if !v.adopt {
		return false
	}
	s.emit(Event{
		Kind: Rotated, Time: now, Fingerprint: cand.Fingerprint, PreviousFingerprint: cur.Fingerprint,
		Header: header, ExchangeID: exchangeID, Operation: operation,
		Message: "adopted a rotated token from " + header + ", valid for " + display.Duration(cand.TimeLeft(now)),
	})
	s.persist()
	return true
}
