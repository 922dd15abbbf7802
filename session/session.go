package session

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/machinebox/graphql"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Defaults for Config's zero values.
const (
	DefaultRequestTimeout    = 60 * time.Second
	DefaultLoginTimeout      = 30 * time.Second
	DefaultMaxBodyBytes      = 64 << 20
	DefaultMaxLoginBodyBytes = 1 << 20
	DefaultRefreshRetries    = 3
	DefaultRefreshBackoff    = 30 * time.Second
	DefaultRefreshMinDelay   = 30 * time.Second
	DefaultCheckInterval     = 15 * time.Second
)

// readBufferSize is the read buffer of the session's own HTTP transport. An idle connection
// keeps it (most of the idle explorer's live heap at 256 KiB); 64 KiB reads a 20 MB chunked body
// as fast (make perf: 58 ms against 59).
const readBufferSize = 64 << 10

// Config configures a Session. Zero values take the defaults above.
type Config struct {
	// Endpoint is the GraphQL URL. http:// is accepted only for loopback hosts unless Insecure.
	Endpoint string
	// BaseTransport sends the requests; nil means a fresh http.Transport (never the shared
	// http.DefaultTransport, whose connections and settings other code may change).
	BaseTransport http.RoundTripper
	// Clock supplies all time; nil means SystemClock.
	Clock Clock
	// Store persists the token; nil keeps it in memory only.
	Store TokenStore
	// Insecure allows plain http:// to a non-loopback host. TLS verification stays on regardless.
	Insecure bool
	// RequestTimeout bounds one Execute, replays included.
	RequestTimeout time.Duration
	// LoginTimeout bounds one login, independently of the caller that triggered it.
	LoginTimeout time.Duration
	// MaxBodyBytes caps a result body; MaxLoginBodyBytes caps a login response body.
	MaxBodyBytes, MaxLoginBodyBytes int64
	// ReserveBodies reads a body of unknown length (chunked) past its first megabyte into one
	// buffer reserved at MaxBodyBytes, which the kernel backs only as far as the body fills it,
	// rather than into chunks joined at the end, which touches twice the body's pages. For a
	// process that makes a request or two and exits (the headless commands): a long-lived one
	// would count the whole reservation as live heap while it holds the body.
	ReserveBodies bool
	// ExchangeLogSize is how many exchanges are kept; ExchangeBodyLimit how much of each body.
	ExchangeLogSize, ExchangeBodyLimit int
	// RefreshRetries bounds consecutive failed background refreshes for one token.
	RefreshRetries int
	// RefreshBackoff is the base of the exponential backoff between failed refreshes (jittered).
	RefreshBackoff time.Duration
	// RefreshMinDelay is the floor between failed refresh attempts (30 s in production; tests
	// may set it small).
	RefreshMinDelay time.Duration
	// CheckInterval is how often Run checks the token against the wall clock.
	CheckInterval time.Duration
	// EventBuffer is the Events channel capacity; TimelineSize how many events Timeline keeps.
	EventBuffer, TimelineSize int
}

// withDefaults fills zero fields.
func (c Config) withDefaults() Config {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.RequestTimeout, DefaultRequestTimeout)
	def(&c.LoginTimeout, DefaultLoginTimeout)
	def(&c.RefreshBackoff, DefaultRefreshBackoff)
	def(&c.RefreshMinDelay, DefaultRefreshMinDelay)
	def(&c.CheckInterval, DefaultCheckInterval)
	if c.Clock == nil {
		c.Clock = SystemClock{}
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxLoginBodyBytes <= 0 {
		c.MaxLoginBodyBytes = DefaultMaxLoginBodyBytes
	}
	if c.ExchangeLogSize <= 0 {
		c.ExchangeLogSize = DefaultExchangeLogSize
	}
	if c.ExchangeBodyLimit <= 0 {
		c.ExchangeBodyLimit = DefaultExchangeBodyLimit
	}
	if c.RefreshRetries <= 0 {
		c.RefreshRetries = DefaultRefreshRetries
	}
	if c.EventBuffer <= 0 {
		c.EventBuffer = DefaultEventBuffer
	}
	if c.TimelineSize <= 0 {
		c.TimelineSize = DefaultTimelineSize
	}
	return c
}

// Session is one identity against one endpoint: credentials (memory only), the current token,
// the transport that sends it and adopts rotations, the refresh policy, the exchange log and the
// event stream. It is safe for concurrent use.
type Session struct {
	cfg      Config
	endpoint *url.URL
	client   *graphql.Client
	owned    *http.Transport // the base transport New created, closed by Close
	log      *exchangeLog
	hub      *eventHub
	ctx      context.Context // cancelled by Close; parent of every login
	cancel   context.CancelFunc

	storeMu sync.Mutex // orders store writes so the last save is always the newest token
	savedFP string     // fingerprint of the token last saved (guarded by storeMu)
	saveErr error      // why the last save failed; nil once one succeeds (guarded by storeMu)
	// saving counts saves still running after their login's waiters were released; Close waits
	// for them so a short-lived command never exits with the new token unsaved.
	saving sync.WaitGroup

	mu    sync.Mutex
	tok   Token
	creds *Credentials
	// storedIdentity is the identity the restored token was saved under (a username or e-mail):
	// without credentials, saving a rotated token keeps it, rather than the JWT's subject, which
	// the next restore would not recognise.
	storedIdentity string
	gen            uint64  // bumped on Login, UseToken, Logout: a login started earlier is discarded
	flight         *flight // the single login in progress, if any
	refresh        refreshState
	closed         bool

	// inflight counts requests on the wire by the raw token they carry, so a refusal can wait
	// for the others (one may bring the rotated token) before logging in.
	inflight map[string]int
	// changed is closed and replaced whenever the token or inflight changes: waiters select on it.
	changed chan struct{}
	// loginLifetime is the lifetime of the token the last login brought: rotated tokens claiming
	// far more are refreshed on this schedule.
	loginLifetime time.Duration
	// refused remembers fingerprints of tokens the server refused, so a token re-read from the
	// store is never one already known to fail. Bounded by refusedLimit.
	refused map[string]bool
}

// refusedLimit bounds Session.refused; past it the set starts afresh.
const refusedLimit = 64

// farBeyond is how many times the login's lifetime a rotated token may claim before it is
// flagged and refreshed on the login's schedule instead.
const farBeyond = 2

// New validates cfg and builds a session. It does not touch the network.
func New(cfg Config) (*Session, error) {
	cfg = cfg.withDefaults()
	ep, err := validateEndpoint(cfg.Endpoint, cfg.Insecure)
	if err != nil {
		return nil, err
	}
	s := &Session{
		cfg:      cfg,
		endpoint: ep,
		log:      newExchangeLog(cfg.ExchangeLogSize),
		hub:      newEventHub(cfg.EventBuffer, cfg.TimelineSize),
		inflight: map[string]int{},
		changed:  make(chan struct{}),
		refused:  map[string]bool{},
	}
	base := cfg.BaseTransport
	if base == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		// Chunked bodies are parsed through this buffer: at the default 4 KiB, a 20 MB chunked
		// result took 1,500 reads and 180 waits on the network poller (against 30 and 27 with
		// Content-Length), and twice the time.
		t.ReadBufferSize = readBufferSize
		s.owned, base = t, t
	} else if t, ok := base.(*http.Transport); ok && t.TLSClientConfig != nil && t.TLSClientConfig.InsecureSkipVerify {
		return nil, errors.New("session: TLS verification must stay on (BaseTransport has InsecureSkipVerify)")
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	hc := &http.Client{
		Transport: &transport{s: s, base: base},
		// Never follow a redirect: Go would forward Authorization to a same-domain host and a
		// chain could bring it back (CVE-2024-45336). The 3xx is reported to the caller instead.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	s.client = graphql.NewClient(ep.String(), graphql.WithHTTPClient(hc))
	return s, nil
}

// validateEndpoint accepts http(s) URLs with a host and no user info; plain http only for
// loopback hosts unless insecure.
func validateEndpoint(raw string, insecure bool) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("session: endpoint is not a URL: %w", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("session: endpoint %q must start with https:// (or http:// for loopback)", u.Redacted())
	case u.Host == "":
		return nil, fmt.Errorf("session: endpoint %q has no host", u.Redacted())
	case u.User != nil:
		return nil, errors.New("session: endpoint must not contain user info (it would be logged)")
	case u.Scheme == "http" && !insecure && !isLoopback(u.Hostname()):
		return nil, fmt.Errorf("session: plain http:// to %s would expose the token; use https:// or --insecure", u.Hostname())
	}
	u.Fragment = ""
	return u, nil
}

// isLoopback reports whether host is localhost or a loopback IP.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sameOrigin compares scheme, host and port (with default ports filled in).
func sameOrigin(a, b *url.URL) bool {
	if a == nil || b == nil {
		return false
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) &&
		portOf(a) == portOf(b)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// Endpoint returns the endpoint URL.
func (s *Session) Endpoint() string { return s.endpoint.String() }

// Token returns the current token snapshot and whether there is one.
func (s *Session) Token() (Token, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tok, !s.tok.IsZero()
}

// HasCredentials reports whether the session can log in again by itself.
func (s *Session) HasCredentials() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.creds != nil
}

// Identity is who the session is logged in as: the credentials' username or email, else the
// token's subject.
func (s *Session) Identity() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identityLocked()
}

func (s *Session) identityLocked() string {
	if s.creds != nil {
		return s.creds.Identity()
	}
	if s.storedIdentity != "" {
		return s.storedIdentity
	}
	return s.tok.Subject
}

// Exchanges returns a copy of the exchange log, oldest first.
func (s *Session) Exchanges() []Exchange { return s.log.list() }

// Events returns the event channel. It is buffered and never blocks the session: when it is
// full, events are dropped (and counted by DroppedEvents) but still reach Timeline. Close closes
// it.
func (s *Session) Events() <-chan Event { return s.hub.ch }

// Timeline returns the recent events, oldest first.
func (s *Session) Timeline() []Event { return s.hub.list() }

// DroppedEvents counts events the channel reader missed because the buffer was full.
func (s *Session) DroppedEvents() int64 { return s.hub.droppedCount() }

// Close aborts any login in flight, stops Run, closes the Events channel and the idle
// connections of the transport New created. The token is kept in the store.
func (s *Session) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	s.saving.Wait()
	s.hub.close()
	if s.owned != nil {
		s.owned.CloseIdleConnections()
	}
}

// emit stamps and publishes an event.
func (s *Session) emit(e Event) {
	if e.Diagnosis != nil {
		// Events outlive this call and are read on other goroutines, while the caller may still
		// fill in the diagnosis (its Action is decided after the Unauthorized is announced):
		// publish a snapshot.
		snapshot := *e.Diagnosis
		e.Diagnosis = &snapshot
	}
	if e.Time.IsZero() {
		e.Time = s.cfg.Clock.Now()
	}
	s.hub.emit(e)
}

// install makes tok current, resetting the per-token refresh state, and wakes whoever waits for
// a change. Callers hold s.mu.
func (s *Session) installLocked(tok Token) (prev Token) {
	prev, s.tok = s.tok, tok
	s.refresh = refreshState{}
	s.wakeLocked()
	return prev
}

// wakeLocked releases every waiter of the current change channel. Callers hold s.mu.
func (s *Session) wakeLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// installLoginLocked installs a token a login brought, which also sets the lifetime rotated
// tokens are measured against. Callers hold s.mu.
func (s *Session) installLoginLocked(tok Token) (prev Token) {
	s.loginLifetime = tok.Lifetime()
	return s.installLocked(tok)
}

// scheduleLocked flags a token claiming a lifetime far beyond the login's and times its refresh
// by the login's lifetime instead. Callers hold s.mu.
func (s *Session) scheduleLocked(tok Token) Token {
	if s.loginLifetime > 0 && tok.Lifetime() > farBeyond*s.loginLifetime {
		tok.ScheduleLifetime = s.loginLifetime
		tok.LifetimeFlag = "claims a lifetime of " + display.Duration(tok.Lifetime()) + ", far beyond the login's " +
			display.Duration(s.loginLifetime) + ": refreshed on the login's schedule"
	}
	return tok
}

// sending registers a request on the wire with tok; the returned function unregisters it.
func (s *Session) sending(tok Token) (done func()) {
	if tok.IsZero() {
		return func() {}
	}
	s.mu.Lock()
	s.inflight[tok.raw]++
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		if s.inflight[tok.raw]--; s.inflight[tok.raw] <= 0 {
			delete(s.inflight, tok.raw)
		}
		s.wakeLocked()
		s.mu.Unlock()
	}
}

// markRefused remembers that the server refused tok. Callers hold s.mu.
func (s *Session) markRefusedLocked(tok Token) {
	if tok.IsZero() {
		return
	}
	if len(s.refused) >= refusedLimit {
		clear(s.refused)
	}
	s.refused[tok.Fingerprint] = true
}
