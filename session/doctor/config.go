package doctor

import (
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// DefaultTimeout bounds each probe request when Config.Timeout is zero.
const DefaultTimeout = 15 * time.Second

// Config says what to probe and as whom.
type Config struct {
	// Endpoint is the GraphQL URL.
	Endpoint string
	// Username and Email identify the API user: the doctor logs in by username and, when an
	// email is given too, by email. Password is never printed (see String).
	Username, Email, Password string
	// Insecure allows plain http:// to a non-loopback host. TLS verification stays on.
	Insecure bool
	// Timeout bounds each request (default DefaultTimeout).
	Timeout time.Duration
	// Clock is our clock, for ages and the server's clock skew (default session.SystemClock).
	Clock session.Clock
	// Transport sends the requests; nil means a fresh http.Transport (the connect and TLS facts
	// come from its first connection).
	Transport http.RoundTripper
	// RootCAs are the trusted roots for TLS; nil means the system's.
	RootCAs *x509.CertPool
	// Resolver looks the host up; nil means net.DefaultResolver.
	Resolver *net.Resolver
}

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Clock == nil {
		c.Clock = session.SystemClock{}
	}
	if c.Resolver == nil {
		c.Resolver = net.DefaultResolver
	}
	return c
}

// String shows the endpoint and identities, never the password.
func (c Config) String() string {
	pw := "none"
	if c.Password != "" {
		pw = "<masked>"
	}
	return fmt.Sprintf("doctor.Config{endpoint: %s, username: %s, email: %s, password: %s}", c.Endpoint, c.Username, c.Email, pw)
}

// GoString is String, so %#v cannot print the password.
func (c Config) GoString() string { return c.String() }

// Format makes every verb print String.
func (c Config) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }
