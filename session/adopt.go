package session

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// adoptVerdict says whether a rotated token replaces the current one, and why not.
type adoptVerdict struct {
	adopt bool
	// untrusted is set when the candidate broke a trust rule (another subject, alg none): the
	// refusal is then explained with a diagnosis, not only noted.
	untrusted bool
	reason    string
	byChain   bool // adopted because the response answered a request carrying the current token
}

// judgeRotation is the adoption rule, pure so it can be table-tested. sent is the token the
// request carried.
//
// A candidate must be a JWT with an expiry, unexpired, different from the current token, and
// trustworthy (same subject, a real signing algorithm). Then the chain decides first: a token
// that answers a request sent with the current token is that token's successor, so it replaces
// it even when iat and exp tie (JWT times are whole seconds, and a server rotating on every
// response issues many tokens per second). It is refused only if its claims say it is strictly
// older. A response to a request sent with an older token cannot know about the current one, so
// there the claims decide alone: later exp wins, equal exp is broken by later iat, and a full tie
// keeps the current token, so responses that arrive out of order never move the session
// backwards. Nothing is adopted while logged out.
func judgeRotation(cur, cand, sent Token, now time.Time) adoptVerdict {
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
	}
	if why := distrust(cur, cand); why != "" {
		return adoptVerdict{untrusted: true, reason: why}
	}
	older := cand.ExpiresAt.Before(cur.ExpiresAt) ||
		(cand.ExpiresAt.Equal(cur.ExpiresAt) && cand.IssuedAt.Before(cur.IssuedAt))
	if !sent.IsZero() && sent.raw == cur.raw {
		if older {
			return adoptVerdict{reason: "its claims are older than the current token's, although it answered a request sent with it"}
		}
		return adoptVerdict{adopt: true, byChain: true}
	}
	switch {
	case older:
		return adoptVerdict{reason: "older than the current token (answered a request sent with an earlier token)"}
	case cand.ExpiresAt.Equal(cur.ExpiresAt) && !cand.IssuedAt.After(cur.IssuedAt):
		return adoptVerdict{reason: "not newer than the current token (answered a request sent with an earlier token; iat and exp tie)"}
	}
	return adoptVerdict{adopt: true}
}

// distrust applies the trust rules to a token that would replace cur: it must name the same
// subject (a token for someone else is never silently adopted) and must not claim "alg: none"
// (an unsigned token is what a forger sends). It returns "" when the token may be used.
func distrust(cur, cand Token) string {
	if alg, _ := cand.Header["alg"].(string); strings.EqualFold(strings.TrimSpace(alg), "none") {
		return `the token is unsigned ("alg": "none")`
	}
	if cur.Subject != "" && cand.Subject != "" && cand.Subject != cur.Subject {
		return "the token is for subject " + quoteClaim(cand.Subject) + ", not the logged-in " + quoteClaim(cur.Subject)
	}
	return ""
}

// quoteClaim shows a claim from a token in messages: quoted, escaped, and cut short.
func quoteClaim(v string) string {
	const limit = 40
	if len(v) > limit {
		v = v[:limit] + "…"
	}
	return strconv.Quote(v)
}

// offer applies the adoption rule to a token found in a response header. sent is the token the
// request carried; from is the URL the response came from: a token from any other origin is
// ignored. Safe for concurrent use; the compare-and-install happens under one lock so concurrent
// responses cannot interleave. A token not adopted is a RotationIgnored event with the reason
// (TokenRefused, with a diagnosis, when it broke a trust rule), except an echo of the current
// token or of the token the request carried, which is no rotation at all.
func (s *Session) offer(raw, header string, sent Token, exchangeID int64, operation string, from *url.URL) bool {
	if !sameOrigin(from, s.endpoint) {
		return false
	}
	now := s.cfg.Clock.Now()
	cand, err := ParseToken(raw, now, "rotation "+header)
	if err != nil {
		s.emit(Event{Kind: RotationIgnored, Time: now, Header: header, ExchangeID: exchangeID, Operation: operation,
			Message: "ignored the token in " + header + ": " + err.Error()})
		return false
	}
	s.mu.Lock()
	cur := s.tok
	v := judgeRotation(cur, cand, sent, now)
	if v.adopt {
		cand = s.scheduleLocked(cand)
		cand.Rotations = cur.Rotations + 1
		s.installLocked(cand)
	}
	s.mu.Unlock()
	if !v.adopt {
		if cand.raw != sent.raw { // a server echoing the token it was sent rotated nothing
			s.ignored(v, cand, cur, header, exchangeID, operation, now)
		}
		return false
	}
	how := ""
	if v.byChain {
		how = " (it answered a request sent with the current token)"
	}
	s.emit(Event{
		Kind: Rotated, Time: now, Fingerprint: cand.Fingerprint, PreviousFingerprint: cur.Fingerprint,
		Header: header, ExchangeID: exchangeID, Operation: operation,
		Message: "adopted a rotated token from " + header + how + ", valid for " + display.Duration(cand.TimeLeft(now)),
	})
	s.persist()
	return true
}

// ignored reports a rotation that was not adopted.
func (s *Session) ignored(v adoptVerdict, cand, cur Token, header string, exchangeID int64, operation string, now time.Time) {
	if v.reason == "same token" {
		return
	}
	e := Event{Kind: RotationIgnored, Time: now, Fingerprint: cand.Fingerprint, PreviousFingerprint: cur.Fingerprint,
		Header: header, ExchangeID: exchangeID, Operation: operation,
		Message: "kept the current token; ignored the one in " + header + ": " + v.reason}
	if v.untrusted {
		e.Kind = TokenRefused
		e.Message = "refused the token in " + header + ": " + v.reason
		e.Diagnosis = untrustedToken(v.reason, cand.Fingerprint, "kept the current token")
	}
	s.emit(e)
}
