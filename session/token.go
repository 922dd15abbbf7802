package session

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultTokenLifetime is Toggle's documented token lifetime, assumed when a token carries no
// readable expiry.
const DefaultTokenLifetime = 60 * time.Minute

// Token is an immutable snapshot of one bearer token and what is known about it. The raw value is
// unexported and every printing path (String, GoString, Format, MarshalJSON) shows only the
// fingerprint, so a Token can be logged or put in an event without leaking the secret.
type Token struct {
	raw string

	// Fingerprint is the first 12 hex digits of the SHA-256 of the raw token.
	Fingerprint string
	// Subject is the JWT "sub" claim, when there is one.
	Subject string
	// IssuedAt is the JWT "iat" claim (zero when unknown).
	IssuedAt time.Time
	// ExpiresAt is the JWT "exp" claim, or ReceivedAt plus DefaultTokenLifetime when unknown.
	ExpiresAt time.Time
	// ReceivedAt is the local clock's reading when the token arrived.
	ReceivedAt time.Time
	// Source says where the token came from, e.g. "login X-Authorization",
	// "rotation Authorization", "stored", "pasted".
	Source string
	// Rotations counts rotations adopted since the last login.
	Rotations int
	// FromJWT is true when ExpiresAt came from the token's own "exp" claim; false means the expiry
	// was assumed to be DefaultTokenLifetime after receipt.
	FromJWT bool
	// ScheduleLifetime, when positive, is the lifetime the refresh is timed by instead of
	// Lifetime: the login's, for a token claiming a lifetime far beyond it (see LifetimeFlag).
	ScheduleLifetime time.Duration
	// LifetimeFlag is non-empty when the token claims a lifetime far beyond the login's; it says
	// so for the inspector, and the token is refreshed on the login's schedule.
	LifetimeFlag string
	// Header and Claims are the unverified decoded JWT parts for the inspector (nil when the token
	// is not a JWT). They are shared between copies of the snapshot: treat them as read-only.
	Header, Claims map[string]any
}

// ParseToken builds a Token from a header or pasted value. An optional "Bearer" prefix (any case,
// followed by spaces or tabs) is stripped. A value that is not a JWT is still accepted, with an
// expiry assumed DefaultTokenLifetime after receivedAt. Errors never contain the value.
func ParseToken(raw string, receivedAt time.Time, source string) (Token, error) {
	raw = stripBearer(raw)
	if raw == "" {
		return Token{}, errors.New("empty token")
	}
	if strings.ContainsAny(raw, " \t\r\n") {
		return Token{}, errors.New("token contains whitespace")
	}
	t := Token{raw: raw, Fingerprint: Fingerprint(raw), ReceivedAt: receivedAt, Source: source}
	if j, err := DecodeJWT(raw); err == nil {
		t.Header, t.Claims = j.Header, j.Claims
		t.Subject, t.IssuedAt = j.Subject, j.IssuedAt
		if !j.ExpiresAt.IsZero() {
			t.ExpiresAt, t.FromJWT = j.ExpiresAt, true
		}
	}
	if !t.FromJWT {
		t.ExpiresAt = receivedAt.Add(DefaultTokenLifetime)
	}
	return t, nil
}

// stripBearer removes surrounding whitespace and an optional case-insensitive "Bearer" scheme.
func stripBearer(v string) string {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "bearer") {
		return "" // a scheme with no credential
	}
	if len(v) > 6 && strings.EqualFold(v[:6], "bearer") && (v[6] == ' ' || v[6] == '\t') {
		v = strings.TrimLeft(v[6:], " \t")
	}
	return v
}

// Fingerprint returns the first 12 hex digits of the SHA-256 of s: enough to tell tokens apart in
// logs and the UI, useless for reconstructing the token.
func Fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// Raw returns the secret token. Only the transport, the token store and an explicit user reveal
// may call it.
func (t Token) Raw() string { return t.raw }

// IsZero reports whether t holds no token.
func (t Token) IsZero() bool { return t.raw == "" }

// IsJWT reports whether the token decoded as a JWT.
func (t Token) IsJWT() bool { return t.Claims != nil }

// Lifetime is the token's total validity: exp−iat when both are known and sane, else the time from
// receipt to expiry.
func (t Token) Lifetime() time.Duration {
	if !t.IssuedAt.IsZero() && t.ExpiresAt.After(t.IssuedAt) {
		return t.ExpiresAt.Sub(t.IssuedAt)
	}
	if d := t.ExpiresAt.Sub(t.ReceivedAt); d > 0 {
		return d
	}
	return 0
}

// Age is how long ago the token was received, by the local clock.
func (t Token) Age(now time.Time) time.Duration { return now.Sub(t.ReceivedAt) }

// TimeLeft is the time until expiry (negative once expired).
func (t Token) TimeLeft(now time.Time) time.Duration { return t.ExpiresAt.Sub(now) }

// Expired reports whether now is at or past the expiry.
func (t Token) Expired(now time.Time) bool { return !now.Before(t.ExpiresAt) }

// scheduleLifetime is the lifetime the refresh is timed by: ScheduleLifetime when set, else
// Lifetime.
func (t Token) scheduleLifetime() time.Duration {
	if t.ScheduleLifetime > 0 {
		return t.ScheduleLifetime
	}
	return t.Lifetime()
}

// Deadline is when the refresh schedule considers the token spent: the lifetime as received
// (exp−iat, counted on the local clock from ReceivedAt), or the claimed expiry if that is
// earlier. A server clock ahead of ours puts exp later than the server will honour it, and one
// behind puts it earlier; counting the lifetime from receipt is right in both cases, and taking
// the earlier of the two is never late.
func (t Token) Deadline() time.Time {
	local := t.ReceivedAt.Add(t.scheduleLifetime())
	if t.ReceivedAt.IsZero() || t.ExpiresAt.Before(local) {
		return t.ExpiresAt
	}
	return local
}

// RefreshDue reports whether less than a sixth of the lifetime is left before the Deadline (10
// minutes of Toggle's 60), the point at which the background refresh starts.
func (t Token) RefreshDue(now time.Time) bool {
	return t.Deadline().Sub(now) < t.scheduleLifetime()/6
}

// TooCloseToSend reports whether less than min(30s, lifetime/10) is left before the Deadline: a
// request sent now could arrive after expiry, so the caller should wait for a refresh instead.
func (t Token) TooCloseToSend(now time.Time) bool {
	return t.Deadline().Sub(now) < min(30*time.Second, t.scheduleLifetime()/10)
}

// String shows only the fingerprint.
func (t Token) String() string {
	if t.raw == "" {
		return "Token(none)"
	}
	return "Token(fp:" + t.Fingerprint + ")"
}

// GoString shows only the fingerprint, so %#v cannot leak the raw value.
func (t Token) GoString() string { return t.String() }

// Format makes every verb (%v, %+v, %#v, %s, %q, %x ...) print String, because the default %+v
// and %x would otherwise walk the unexported raw field.
func (t Token) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(t.String())) }

// MarshalJSON encodes only the fingerprint.
func (t Token) MarshalJSON() ([]byte, error) {
	return []byte(`{"fingerprint":"` + t.Fingerprint + `"}`), nil
}
