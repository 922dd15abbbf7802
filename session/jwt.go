package session

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// MaxJWTBytes caps the input DecodeJWT looks at. Real Toggle tokens are well under 2 KiB; the cap
// is applied before any splitting so a crafted input (1 MB of dots, CVE-2025-30204) costs nothing.
const MaxJWTBytes = 16 << 10

// maxNumericDate is 9999-12-31T23:59:59Z: later claim values are treated as absurd.
const maxNumericDate = 253402300799

var (
	// errJWTTooLarge is allocated once so rejecting an oversized input allocates nothing.
	errJWTTooLarge = fmt.Errorf("not a JWT: longer than %d bytes", MaxJWTBytes)
	// errJWTSegments reports a wrong number of dot-separated segments.
	errJWTSegments = errors.New("not a JWT: want exactly 3 dot-separated segments")
)

// JWT is a token decoded WITHOUT verifying its signature: the explorer has no key, and uses the
// claims only to show them and to time refreshes. Header and Claims are freshly decoded maps owned
// by the caller.
type JWT struct {
	// Header is the decoded JOSE header.
	Header map[string]any
	// Claims is the decoded payload.
	Claims map[string]any
	// Subject is the "sub" claim when it is a string.
	Subject string
	// ID is the "jti" claim when it is a string.
	ID string
	// IssuedAt, ExpiresAt and NotBefore come from "iat", "exp" and "nbf"; each is zero when the
	// claim is absent or absurd (not a number, zero or negative, beyond the year 9999).
	IssuedAt, ExpiresAt, NotBefore time.Time
}

// DecodeJWT decodes a compact JWS without verifying it. The error never contains any part of the
// input, so it is safe to log.
func DecodeJWT(raw string) (JWT, error) {
	if len(raw) > MaxJWTBytes {
		return JWT{}, errJWTTooLarge
	}
	if strings.Count(raw, ".") != 2 {
		return JWT{}, errJWTSegments
	}
	h, rest, _ := strings.Cut(raw, ".")
	p, sig, _ := strings.Cut(rest, ".")
	if h == "" || p == "" {
		return JWT{}, errors.New("not a JWT: empty header or payload segment")
	}
	var j JWT
	var err error
	if j.Header, err = decodeSegment("header", h); err != nil {
		return JWT{}, err
	}
	if j.Claims, err = decodeSegment("payload", p); err != nil {
		return JWT{}, err
	}
	// The signature is not verified, but it must at least be base64url so random dotted text is
	// not mistaken for a token. An empty signature ("alg":"none") is allowed.
	if _, err := b64url(sig); err != nil {
		return JWT{}, errors.New("not a JWT: signature is not base64url")
	}
	j.Subject, _ = j.Claims["sub"].(string)
	j.ID, _ = j.Claims["jti"].(string)
	j.IssuedAt = numericDate(j.Claims["iat"])
	j.ExpiresAt = numericDate(j.Claims["exp"])
	j.NotBefore = numericDate(j.Claims["nbf"])
	return j, nil
}

// decodeSegment decodes one base64url JSON-object segment. Errors name the segment but never
// quote its content.
func decodeSegment(name, seg string) (map[string]any, error) {
	b, err := b64url(seg)
	if err != nil {
		return nil, fmt.Errorf("not a JWT: %s is not base64url", name)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil || dec.More() {
		return nil, fmt.Errorf("not a JWT: %s is not a JSON object", name)
	}
	return m, nil
}

// b64url decodes unpadded base64url, tolerating trailing '=' padding some issuers add.
func b64url(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// numericDate converts a JWT NumericDate (seconds since the epoch, fractions allowed) to a time,
// returning zero for anything absurd so a hostile claim can never wrap around or panic.
func numericDate(v any) time.Time {
	n, ok := v.(json.Number)
	if !ok {
		return time.Time{}
	}
	f, err := n.Float64()
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 || f > maxNumericDate {
		return time.Time{}
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}
