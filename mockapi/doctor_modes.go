package mockapi

import (
	"strings"
	"time"
)

// Behaviours a client's "doctor" must tell apart, beyond the ones config.go always had: a
// server that also takes a bare token ("Authorization: <jwt>", Config.AcceptBareToken), strict
// rotation with a grace period for the superseded token (Config.Grace), and a login that answers
// in one header only (Config.LoginHeader).

// loginHeader is the RotateHeader-style choice of headers for a login's token: Config.LoginHeader,
// or both (Toggle's documented behaviour) when it names nothing known.
func loginHeader(cfg Config) string {
	switch strings.ToLower(cfg.LoginHeader) {
	case RotateXAuthorization, RotateAuthorization:
		return strings.ToLower(cfg.LoginHeader)
	}
	return RotateBoth
}

// graceEntry is a superseded token still honoured until its grace period ends.
type graceEntry struct {
	until time.Time // the token is refused from this moment on
	exp   time.Time // its own expiry, after which the entry can go
}

// presentedToken extracts the token from the Authorization header: "Bearer <jwt>" always, and a
// bare "<jwt>" when cfg.AcceptBareToken. Any other scheme ("Token <jwt>", "Basic …") is refused.
func presentedToken(header string, cfg Config) (string, bool) {
	if tok, ok := bearerToken(header); ok {
		return tok, true
	}
	if !cfg.AcceptBareToken {
		return "", false
	}
	v := strings.TrimSpace(header)
	return v, v != "" && !strings.ContainsAny(v, " \t")
}

// supersede marks a rotated-away token in strict mode: refused at once without a grace period,
// else refused once grace has passed. A token already in its grace period keeps its first
// deadline (presenting it again must not extend it). Callers hold t.mu.
func (t *tokens) supersede(jti string, exp, now time.Time, grace time.Duration) {
	if grace <= 0 {
		t.deny(jti, reasonSuperseded, exp)
		return
	}
	if _, ok := t.grace[jti]; ok {
		return
	}
	t.grace[jti] = graceEntry{until: now.Add(grace), exp: exp}
	if len(t.grace) > pruneThreshold {
		for k, g := range t.grace {
			if !now.Before(g.exp) {
				delete(t.grace, k)
			}
		}
	}
}

// graceOver reports a superseded token whose grace period has ended. Callers hold t.mu.
func (t *tokens) graceOver(jti string, now time.Time) bool {
	g, ok := t.grace[jti]
	return ok && !now.Before(g.until)
}
