package session

import (
	"fmt"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Cause classifies why the server refused a request's credentials.
type Cause int

// The causes diagnose can tell apart. They carry a Cause prefix because EventKind already has an
// Expired.
const (
	// CauseUnknown: the server refused for a reason the explorer cannot tell.
	CauseUnknown Cause = iota
	// CauseNoToken: the request carried no token.
	CauseNoToken
	// CauseExpired: the token sent had expired by the local clock.
	CauseExpired
	// CauseRejectedWhileValid: the token was unexpired yet refused (revoked, issued by another
	// environment, or the server's signing key changed).
	CauseRejectedWhileValid
	// CauseWrongScheme: the Authorization header did not use the Bearer scheme.
	CauseWrongScheme
	// CauseLoginRefused: logging in (again) failed.
	CauseLoginRefused
	// CauseClockSkew: the server's clock differs from ours by more than SkewTolerance and that
	// explains the refusal.
	CauseClockSkew
	// CauseUntrusted: the explorer itself refused a token (rotated or stored) that broke a trust
	// rule: another subject than the logged-in identity, or "alg": "none".
	CauseUntrusted
)

// String names the cause.
func (c Cause) String() string {
	switch c {
	case CauseNoToken:
		return "no token"
	case CauseExpired:
		return "expired"
	case CauseRejectedWhileValid:
		return "rejected while valid"
	case CauseWrongScheme:
		return "wrong scheme"
	case CauseLoginRefused:
		return "login refused"
	case CauseClockSkew:
		return "clock skew"
	case CauseUntrusted:
		return "untrusted token"
	}
	return "unknown"
}

// SkewTolerance is the clock difference below which skew is never blamed.
const SkewTolerance = 30 * time.Second

// Diagnosis explains an authentication failure in plain language.
type Diagnosis struct {
	// Cause is the classification.
	Cause Cause
	// Summary is one plain-language line, e.g. "token expired 3m12s ago".
	Summary string
	// Detail adds what the explorer knows (times, fingerprints) for the inspector.
	Detail string
	// Action says what the explorer did about it, e.g. "re-logged in and replayed".
	Action string
	// SentFingerprint is the token the failing request carried ("" when none).
	SentFingerprint string
	// ExpiredAgo is how long ago the sent token expired (Expired only).
	ExpiredAgo time.Duration
	// ValidFor is how long the sent token had left (RejectedWhileValid only).
	ValidFor time.Duration
	// Skew is the server clock minus ours, from the response Date header (0 when unknown).
	Skew time.Duration
	// ServerMessage is the server's error text.
	ServerMessage string
}

// String renders the summary and the action.
func (d *Diagnosis) String() string {
	if d == nil {
		return ""
	}
	if d.Action == "" {
		return d.Summary
	}
	return d.Summary + " (" + d.Action + ")"
}

// authFailure is what Diagnose looks at: the request as sent and the answer.
type authFailure struct {
	sent       Token  // the token the request carried (zero when none)
	scheme     string // the scheme word of the Authorization header sent ("" when none)
	now        time.Time
	serverDate time.Time // from the response Date header (zero when absent)
	message    string    // the server's error message
}

// Diagnose classifies a refused request. It is pure: all time comes from f.now.
func diagnose(f authFailure) *Diagnosis {
	d := &Diagnosis{SentFingerprint: f.sent.Fingerprint, ServerMessage: f.message}
	if !f.serverDate.IsZero() {
		d.Skew = f.serverDate.Sub(f.now)
	}
	switch {
	case f.sent.IsZero():
		d.Cause, d.Summary = CauseNoToken, "no token was sent"
	case f.scheme != "" && !strings.EqualFold(f.scheme, "Bearer"):
		d.Cause = CauseWrongScheme
		d.Summary = fmt.Sprintf("the Authorization header used %q instead of \"Bearer\"", f.scheme)
	case f.sent.Expired(f.now):
		d.Cause = CauseExpired
		d.ExpiredAgo = f.now.Sub(f.sent.ExpiresAt)
		d.Summary = "token expired " + display.Duration(d.ExpiredAgo) + " ago"
	case skewExplains(f, d.Skew):
		d.Cause = CauseClockSkew
		dir := "ahead of"
		if d.Skew < 0 {
			dir = "behind"
		}
		d.Summary = fmt.Sprintf("server clock is %s %s yours", display.Duration(d.Skew.Abs()), dir)
	default:
		d.Cause = CauseRejectedWhileValid
		d.ValidFor = f.sent.TimeLeft(f.now)
		d.Summary = "token rejected although valid for " + display.Duration(d.ValidFor) +
			" more: revoked, another environment, or the server's signing key changed"
	}
	d.Detail = detail(f, d)
	return d
}

// skewExplains reports whether a clock difference beyond SkewTolerance would make the server
// refuse a token we think valid: by the server's clock it has expired, or it is not yet valid.
func skewExplains(f authFailure, skew time.Duration) bool {
	if f.serverDate.IsZero() || skew.Abs() <= SkewTolerance {
		return false
	}
	if !f.serverDate.Before(f.sent.ExpiresAt) {
		return true
	}
	return !f.sent.IssuedAt.IsZero() && f.serverDate.Before(f.sent.IssuedAt)
}

// detail lists the facts behind a diagnosis.
func detail(f authFailure, d *Diagnosis) string {
	var parts []string
	if !f.sent.IsZero() {
		parts = append(parts, "token fp:"+f.sent.Fingerprint)
		if !f.sent.ExpiresAt.IsZero() {
			parts = append(parts, "expires "+f.sent.ExpiresAt.UTC().Format(time.RFC3339))
		}
		if !f.sent.FromJWT {
			parts = append(parts, "expiry assumed (not a JWT with exp)")
		}
	}
	parts = append(parts, "local clock "+f.now.UTC().Format(time.RFC3339))
	if !f.serverDate.IsZero() {
		parts = append(parts, "server Date "+f.serverDate.UTC().Format(time.RFC3339))
	}
	if f.message != "" {
		parts = append(parts, fmt.Sprintf("server said %q", f.message))
	}
	return strings.Join(parts, "; ")
}

// loginRefused builds the diagnosis for a failed login.
func loginRefused(message, action string) *Diagnosis {
	return &Diagnosis{
		Cause:         CauseLoginRefused,
		Summary:       "login refused: " + message,
		Action:        action,
		ServerMessage: message,
	}
}

// untrustedToken builds the diagnosis for a token the explorer refused to use.
func untrustedToken(reason, fingerprint, action string) *Diagnosis {
	return &Diagnosis{
		Cause:   CauseUntrusted,
		Summary: "refused a token: " + reason,
		Detail: "token fp:" + fingerprint + "; a token for another subject or an unsigned one is never used, " +
			"whoever sends it (a misrouted response, a shared proxy, or a forger)",
		Action:          action,
		SentFingerprint: fingerprint,
	}
}
