package mockapi

import (
	"strings"
	"time"
)

// Demo credentials of the single API user a default server knows. They are
// published on purpose: the fake is a local playground, never a real account.
const (
	// DemoUsername is the default API username.
	DemoUsername = "demo"
	// DemoEmail is the default API user's e-mail address (login accepts either).
	DemoEmail = "demo@example.com"
	// DemoPassword is the default API password.
	DemoPassword = "toggle-demo-password"
)

// Values accepted by Config.RotateHeader.
const (
	// RotateBoth sends a rotated token in both X-Authorization and Authorization.
	RotateBoth = "both"
	// RotateXAuthorization sends a rotated token only in X-Authorization.
	RotateXAuthorization = "x-authorization"
	// RotateAuthorization sends a rotated token only in Authorization (the deprecated header).
	RotateAuthorization = "authorization"
)

// Defaults applied by DefaultConfig and by New for zero fields.
const (
	// DefaultTokenTTL is the documented token lifetime.
	DefaultTokenTTL = 60 * time.Minute
	// DefaultThrottleMax is the documented maximumAvailable of the cost bucket.
	DefaultThrottleMax = 8000
	// DefaultThrottleRefillPerSecond is our choice: the docs do not give a refill rate.
	DefaultThrottleRefillPerSecond = 50
)

// Config describes one fake server. The zero value of every field means "default"
// (see DefaultConfig), so callers set only what they care about.
type Config struct {
	// Username, Email and Password describe the one API user; empty fields take the demo values.
	Username, Email, Password string
	// TokenTTL is the lifetime of every issued JWT (default 60 minutes).
	TokenTTL time.Duration
	// Rotate turns rotation on: an authorized response carries a fresh token whenever the
	// presented token was issued at least RotateAfter ago, so RotateAfter 0 rotates on every
	// authorized response (what Laravel-style JWT refresh middleware does). Claims are whole
	// seconds, so tokens rotated within one second share iat and exp.
	Rotate bool
	// RotateAfter is the age at which a presented token is rotated (see Rotate). A positive
	// value turns rotation on by itself; zero without Rotate never rotates.
	RotateAfter time.Duration
	// RotateHeader chooses the header(s) a rotated token travels in: RotateBoth (default),
	// RotateXAuthorization or RotateAuthorization. Login always answers in both.
	RotateHeader string
	// LoginHeader chooses the header(s) a login's token travels in, like RotateHeader; empty
	// means both, as Toggle documents.
	LoginHeader string
	// BearerPrefix makes token response headers read "Bearer <jwt>" instead of the bare JWT.
	BearerPrefix bool
	// Strict rejects a token from the moment a rotation has superseded it, with no grace.
	Strict bool
	// Grace, with Strict, lets a superseded token keep working this long after its rotation
	// (a grace period for requests in flight); zero means none.
	Grace time.Duration
	// AcceptBareToken also accepts "Authorization: <jwt>" without the Bearer scheme.
	AcceptBareToken bool
	// UnauthStatus is the HTTP status of an Unauthorized answer: 200 (default) or 401.
	UnauthStatus int
	// Now is the server's clock (default time.Now); tests inject a fake one.
	Now func() time.Time
	// ClockSkew is added to Now for iat/exp, expiry checks, throttling and the Date header,
	// to simulate a server whose clock is off.
	ClockSkew time.Duration
	// SigningKey is the HS256 key; empty means a random key per server.
	SigningKey []byte

	// Latency is waited before every response (cut short if the client goes away).
	Latency time.Duration
	// FailureRate (0..1) is the fraction of requests answered with an HTML 502 page.
	FailureRate float64
	// TruncateRate (0..1) is the fraction of responses whose body is cut in half while
	// Content-Length announces the full length (the connection is then closed).
	TruncateRate float64
	// Seed seeds the fault-injection RNG so a test sees the same faults on every run.
	Seed int64

	// ThrottleMax is the capacity of each user's cost bucket (default 8000).
	ThrottleMax int
	// ThrottleRefillPerSecond is how many cost points flow back per second (default 50).
	ThrottleRefillPerSecond int
}

// DefaultConfig returns the configuration of the demo server: demo credentials, 60-minute
// tokens, no rotation, both headers, bare tokens, status 200 for Unauthorized, real clock.
func DefaultConfig() Config {
	return Config{
		Username:                DemoUsername,
		Email:                   DemoEmail,
		Password:                DemoPassword,
		TokenTTL:                DefaultTokenTTL,
		RotateHeader:            RotateBoth,
		UnauthStatus:            200,
		Now:                     time.Now,
		ThrottleMax:             DefaultThrottleMax,
		ThrottleRefillPerSecond: DefaultThrottleRefillPerSecond,
	}
}

// withDefaults fills every zero field from DefaultConfig and clamps out-of-range values,
// so the rest of the package never has to re-check them.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Username == "" {
		c.Username = d.Username
	}
	if c.Email == "" {
		c.Email = d.Email
	}
	if c.Password == "" {
		c.Password = d.Password
	}
	if c.TokenTTL <= 0 {
		c.TokenTTL = d.TokenTTL
	}
	if c.RotateAfter < 0 {
		c.RotateAfter = 0
	}
	if c.RotateAfter > 0 {
		c.Rotate = true
	}
	switch strings.ToLower(c.RotateHeader) {
	case RotateXAuthorization, RotateAuthorization:
		c.RotateHeader = strings.ToLower(c.RotateHeader)
	default:
		c.RotateHeader = RotateBoth
	}
	if c.UnauthStatus != 401 {
		c.UnauthStatus = 200
	}
	if c.Now == nil {
		c.Now = d.Now
	}
	c.FailureRate = clamp01(c.FailureRate)
	c.TruncateRate = clamp01(c.TruncateRate)
	if c.ThrottleMax <= 0 {
		c.ThrottleMax = d.ThrottleMax
	}
	if c.ThrottleRefillPerSecond <= 0 {
		c.ThrottleRefillPerSecond = d.ThrottleRefillPerSecond
	}
	if c.Latency < 0 {
		c.Latency = 0
	}
	if c.Grace < 0 {
		c.Grace = 0
	}
	return c
}

// rotates reports whether a token issued at iat is due for rotation at now.
func (c Config) rotates(iat, now time.Time) bool {
	if !c.Rotate {
		return false
	}
	if c.RotateAfter == 0 {
		return true // every authorized response
	}
	return now.Sub(iat) > c.RotateAfter
}

// now is the server's (possibly skewed) clock.
func (c Config) now() time.Time { return c.Now().Add(c.ClockSkew) }

func clamp01(f float64) float64 {
	switch {
	case f != f || f < 0: // NaN or negative
		return 0
	case f > 1:
		return 1
	}
	return f
}
