package mockapi

import (
	"context"
	_ "embed"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
)

//go:embed schema.graphql
var schemaSDL string

// DemoUserID is the id of the API user (`loginUser { id }` and the JWT's `sub`).
const DemoUserID = 1042

// Limits on what one request may ask of the fake.
const (
	maxBodyBytes = 1 << 20 // a request body larger than this is refused with 413
	maxDepth     = 15      // deeper selections are a validation error
)

// Server is the fake Toggle GraphQL API. It implements http.Handler and is safe for
// concurrent use; its data lives in memory and starts from the same seed every time.
type Server struct {
	mu  sync.RWMutex
	cfg Config

	schema   *graphql.Schema
	store    *store
	tokens   *tokens
	throttle *throttle
	faults   *faults
	stats    *statsCounter
	log      *requestLog
	received receivedLog
}

// New builds a server from cfg (zero fields take DefaultConfig values) with freshly seeded
// data. Times in the seed are relative to the server's clock at this moment.
func New(cfg Config) *Server {
	cfg = cfg.withDefaults()
	s := &Server{
		cfg:      cfg,
		store:    newStore(),
		tokens:   newTokens(cfg.SigningKey),
		throttle: newThrottle(),
		faults:   newFaults(cfg.Seed),
		stats:    newStatsCounter(),
		log:      &requestLog{},
	}
	s.cfg.SigningKey = nil // held by s.tokens only
	seed(s.store, cfg.now())
	s.schema = graphql.MustParseSchema(schemaSDL, &rootResolver{srv: s},
		graphql.UseFieldResolvers(),
		graphql.UseStringDescriptions(),
		graphql.MaxDepth(maxDepth),
		graphql.MaxQueryLength(maxBodyBytes),
		// A second line of defence: the handler already refuses introspection without a token.
		graphql.RestrictIntrospection(func(ctx context.Context) bool { return stateFrom(ctx).authorized }),
	)
	return s
}

// config returns the current configuration (a copy).
func (s *Server) config() Config {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cfg
}

// Config returns the configuration in force, with defaults filled in. SigningKey is left
// out: it is a secret and may have changed through RotateSigningKey.
func (s *Server) Config() Config {
	c := s.config()
	c.SigningKey = nil
	return c
}

// SetConfig replaces the configuration at run time (goroutine-safe); requests already in
// flight finish with the old one. Zero fields take defaults, as in New. A non-empty
// SigningKey switches the key (every earlier token stops verifying); an empty one keeps the
// current key. A changed Seed restarts the fault sequence. The data and the user id stay.
func (s *Server) SetConfig(cfg Config) {
	cfg = cfg.withDefaults()
	if len(cfg.SigningKey) > 0 {
		s.tokens.setKey(cfg.SigningKey)
	}
	cfg.SigningKey = nil
	s.faults.reseed(cfg.Seed)
	s.mu.Lock()
	s.cfg = cfg
	s.mu.Unlock()
}

// UpdateConfig applies f to a copy of the current configuration and installs the result
// with SetConfig, e.g. srv.UpdateConfig(func(c *Config) { c.Strict = true }).
func (s *Server) UpdateConfig(f func(*Config)) {
	c := s.config()
	f(&c)
	s.SetConfig(c)
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats { return s.stats.snapshot() }

// Log returns the authentication log, oldest first: every login (refused or not), every
// request authorized or refused, with the fingerprints of the token it carried and of any token
// the response handed out. Tests count logins and refusals from it.
func (s *Server) Log() []LogEntry { return s.log.list() }

// RotateSigningKey simulates a restart with a new random key: every token issued so far
// stops verifying (they are refused as invalid).
func (s *Server) RotateSigningKey() { s.tokens.rotateKey() }

// RevokeTokens refuses every token issued so far although unexpired (a jti denylist), for
// testing a client's "rejected while unexpired" diagnosis. Later logins work as usual.
func (s *Server) RevokeTokens() { s.tokens.revokeAll() }

// Start serves the fake on addr ("127.0.0.1:0" picks a free port; "" means that) and
// returns the GraphQL URL and a function that shuts the listener down gracefully.
func (s *Server) Start(addr string) (url string, stop func(context.Context) error, err error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		// Serve returns ErrServerClosed after Shutdown; any other error also ends the
		// listener, which the caller notices as refused connections.
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = ln.Close()
		}
	}()
	return "http://" + ln.Addr().String() + "/graphql", hs.Shutdown, nil
}

// demoSubject is the JWT `sub` of the API user.
func demoSubject() string { return strconv.Itoa(DemoUserID) }
