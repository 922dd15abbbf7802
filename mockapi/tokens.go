package mockapi

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// tokenIssuer is the JWT claim "iss" of every token the fake signs.
const tokenIssuer = "toggle-mockapi"

// pruneThreshold bounds the jti tables: past it, entries of expired tokens are dropped.
const pruneThreshold = 4096

// Reasons a presented token is refused; they feed Stats.UnauthorizedReasons (the client
// only ever sees "Unauthorized", as with the real API).
const (
	reasonMissing    = "missing"    // no Authorization header or not "Bearer <jwt>"
	reasonInvalid    = "invalid"    // malformed, wrong algorithm, or signed with another key
	reasonExpired    = "expired"    // exp reached on the server's clock
	reasonRevoked    = "revoked"    // RevokeTokens was called after it was issued
	reasonSuperseded = "superseded" // Strict mode and a rotation replaced it
)

// tokenClaims is what the fake puts in a JWT.
type tokenClaims = jwt.RegisteredClaims

// tokens issues and verifies HS256 JWTs and keeps the jti tables for revocation and
// strict rotation. All methods are safe for concurrent use.
type tokens struct {
	mu     sync.Mutex
	key    []byte
	seq    uint64
	issued map[string]time.Time // jti -> exp of every token issued with the current key
	denied map[string]string    // jti -> reason (revoked or superseded)
	expiry map[string]time.Time // jti -> exp for denied entries, to prune them

	// grace holds superseded tokens still honoured (Strict with Grace; doctor_modes.go).
	grace map[string]graceEntry
}

func newTokens(key []byte) *tokens {
	if len(key) == 0 {
		key = randomKey()
	}
	return &tokens{key: append([]byte(nil), key...), issued: map[string]time.Time{},
		denied: map[string]string{}, expiry: map[string]time.Time{}, grace: map[string]graceEntry{}}
}

func randomKey() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k) // crypto/rand.Read never fails on supported platforms
	return k
}

// issue signs a fresh token for sub, valid for ttl from now.
func (t *tokens) issue(sub string, now time.Time, ttl time.Duration) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.issueLocked(sub, now, ttl)
}

func (t *tokens) issueLocked(sub string, now time.Time, ttl time.Duration) (string, error) {
	t.seq++
	// The jti is derived from the key and a counter: unique per server, and reproducible
	// when a test fixes SigningKey and the clock.
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], t.seq)
	h := sha256.Sum256(append(append([]byte("jti:"), t.key...), n[:]...))
	jti := hex.EncodeToString(h[:12])
	exp := now.Add(ttl)
	claims := tokenClaims{
		Issuer: tokenIssuer, Subject: sub, ID: jti,
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp),
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(t.key)
	if err != nil {
		return "", err
	}
	t.issued[jti] = exp
	t.prune(now)
	return signed, nil
}

// prune drops table entries of tokens that have expired anyway, once the tables grow.
func (t *tokens) prune(now time.Time) {
	if len(t.issued) > pruneThreshold {
		for jti, exp := range t.issued {
			if !now.Before(exp) {
				delete(t.issued, jti)
			}
		}
	}
	if len(t.expiry) > pruneThreshold {
		for jti, exp := range t.expiry {
			if !now.Before(exp) {
				delete(t.expiry, jti)
				delete(t.denied, jti)
			}
		}
	}
}

// authResult is the outcome of checking a request's Authorization header.
type authResult struct {
	ok      bool
	reason  string // when !ok
	subject string
	rotated string // a fresh token to hand back, when the presented one was due for rotation
}

// authenticate verifies the header value and, when the token is due for rotation
// (Config.rotates), issues its successor. In strict mode the presented token is denied in the same
// critical section, so no concurrent request can still use it once a successor exists.
func (t *tokens) authenticate(header string, cfg Config, now time.Time) (authResult, error) {
	raw, ok := presentedToken(header, cfg)
	if !ok {
		return authResult{reason: reasonMissing}, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	claims := &tokenClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return t.key, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithTimeFunc(func() time.Time { return now }),
		jwt.WithExpirationRequired())
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return authResult{reason: reasonExpired}, nil
	case err != nil || claims.ID == "" || claims.IssuedAt == nil || claims.Subject == "":
		return authResult{reason: reasonInvalid}, nil
	}
	if reason, denied := t.denied[claims.ID]; denied {
		return authResult{reason: reason}, nil
	}
	if t.graceOver(claims.ID, now) {
		return authResult{reason: reasonSuperseded}, nil
	}
	res := authResult{ok: true, subject: claims.Subject}
	if cfg.rotates(claims.IssuedAt.Time, now) {
		if res.rotated, err = t.issueLocked(claims.Subject, now, cfg.TokenTTL); err != nil {
			return authResult{}, err
		}
		if cfg.Strict {
			t.supersede(claims.ID, claims.ExpiresAt.Time, now, cfg.Grace)
		}
	}
	return res, nil
}

func (t *tokens) deny(jti, reason string, exp time.Time) {
	t.denied[jti] = reason
	t.expiry[jti] = exp
}

// revokeAll denies every token issued so far (with the current key).
func (t *tokens) revokeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for jti, exp := range t.issued {
		if _, already := t.denied[jti]; !already {
			t.deny(jti, reasonRevoked, exp)
		}
	}
}

// rotateKey switches to a new random key, as a restarted server would: every token issued
// before stops verifying, so the jti tables can start afresh.
func (t *tokens) rotateKey() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.key = randomKey()
	clear(t.issued)
	clear(t.denied)
	clear(t.expiry)
	clear(t.grace)
}

// bearerToken extracts the JWT from "Bearer <jwt>"; the scheme word is case-insensitive.
func bearerToken(header string) (string, bool) {
	scheme, tok, found := strings.Cut(strings.TrimSpace(header), " ")
	if !found || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

// setKey switches to the given key (SetConfig with a SigningKey), like rotateKey; setting
// the key in use changes nothing.
func (t *tokens) setKey(key []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if bytes.Equal(key, t.key) {
		return
	}
	t.key = append([]byte(nil), key...)
	clear(t.issued)
	clear(t.denied)
	clear(t.expiry)
	clear(t.grace)
}
