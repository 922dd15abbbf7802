package session

import (
	"net/http"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/headers"
)

// IsSecretHeader reports whether a header's value is always redacted whole, whatever it looks
// like (name matched in any case): the authentication headers, cookies, and user headers whose
// names look secret (headers.IsSecret: X-Api-Key, X-Auth-Token…).
func IsSecretHeader(name string) bool {
	return headers.IsSecret(name)
}

// RedactHeader returns a redacted deep copy of h: every value of a secret header (any case,
// repeated) becomes "<scheme> <redacted fp:…>" or "<redacted fp:…>", and JWT-looking text in any
// other header is replaced too. Every sink (exchange log, inspector, exports) goes through here.
func RedactHeader(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for name, values := range h {
		cp := make([]string, len(values))
		for i, v := range values {
			cp[i] = RedactHeaderValue(name, v)
		}
		out[name] = cp
	}
	return out
}

// RedactHeaderValue redacts one header value given its name.
func RedactHeaderValue(name, value string) string {
	if !IsSecretHeader(name) {
		return RedactJWTs(value)
	}
	if strings.TrimSpace(value) == "" {
		return value
	}
	scheme, cred := splitScheme(value)
	if scheme != "" {
		return scheme + " " + redactedMark(cred)
	}
	return redactedMark(strings.TrimSpace(value))
}

// splitScheme splits "Bearer xyz" / "bearer\txyz" / "Basic xyz" into scheme and credential. A
// value without a scheme word returns an empty scheme.
func splitScheme(v string) (scheme, cred string) {
	v = strings.TrimSpace(v)
	i := strings.IndexAny(v, " \t")
	if i <= 0 {
		return "", v
	}
	word := v[:i]
	for _, r := range word {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			return "", v
		}
	}
	return word, strings.TrimLeft(v[i:], " \t")
}

// redactedMark is the placeholder for a secret: its fingerprint only, so two log lines can be
// matched to the same token without revealing it.
func redactedMark(secret string) string {
	return "<redacted fp:" + Fingerprint(secret) + ">"
}

// RedactJWTs replaces every JWT-looking run in s (base64url text starting with "eyJ", which is
// `{"` encoded, followed by at least one more dot-separated segment) with a redaction mark. A
// truncated token (header and part of the payload) is redacted as well.
func RedactJWTs(s string) string {
	i := strings.Index(s, "eyJ")
	if i < 0 {
		return s
	}
	var b strings.Builder
	for i >= 0 {
		end := jwtRunEnd(s, i)
		if end < 0 {
			b.WriteString(s[:i+3])
			s = s[i+3:]
		} else {
			b.WriteString(s[:i])
			b.WriteString(redactedMark(s[i:end]))
			s = s[end:]
		}
		i = strings.Index(s, "eyJ")
	}
	b.WriteString(s)
	return b.String()
}

// jwtRunEnd returns where a JWT-looking run starting at i ends, or -1 if the text at i is not one
// (fewer than two segments, or preceded by a base64url character, i.e. in the middle of a word).
func jwtRunEnd(s string, i int) int {
	if i > 0 && isB64URL(s[i-1]) {
		return -1
	}
	dots, j := 0, i
	for j < len(s) && (isB64URL(s[j]) || s[j] == '.') {
		if s[j] == '.' {
			dots++
		}
		j++
	}
	if dots == 0 || j-i < 8 {
		return -1
	}
	return j
}

// isB64URL reports whether c belongs to the base64url alphabet (padding included).
func isB64URL(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '='
}
