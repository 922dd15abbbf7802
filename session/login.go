package session

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/machinebox/graphql"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// loginQuery is Toggle's login: a QUERY, whose token comes back in response headers.
const loginQuery = `query Login($username: String, $email: String, $password: String!) {
  loginUser(username: $username, email: $email, password: $password) { id }
}`

// flight is the one login in progress; every caller that needs a new token waits on it.
type flight struct {
	done      chan struct{}
	tok       Token
	err       error
	fromStore bool // the token came from the store (another process), not from a login
}

// Login logs in with creds and, on success, holds them (in memory only) for later re-logins and
// saves the token to the store. The login is bounded by LoginTimeout as well as ctx.
func (s *Session) Login(ctx context.Context, creds Credentials) (Token, error) {
	if err := creds.Validate(); err != nil {
		return Token{}, err
	}
	if s.isClosed() {
		return Token{}, ErrClosed
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.LoginTimeout)
	defer cancel()
	tok, exchangeID, err := s.doLogin(ctx, creds)
	if err != nil {
		return Token{}, err
	}
	s.mu.Lock()
	held := creds
	s.creds = &held
	s.gen++
	prev := s.installLoginLocked(tok)
	s.mu.Unlock()
	s.emitLogin(LoggedIn, tok, prev, exchangeID)
	s.persist()
	return tok, nil
}

// SetCredentials holds creds for logins the session makes by itself (first request, refresh,
// re-login) without logging in now; useful after Restore.
func (s *Session) SetCredentials(creds Credentials) error {
	if err := creds.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	held := creds
	s.creds = &held
	return nil
}

// renew returns a token newer than sent. If the current token already differs from sent (another
// request or a rotation replaced it), that token is returned without logging in: this is what
// keeps a stale Unauthorized from causing a second login. After a refusal (reason ReLoggedIn) of
// the current token, it first waits for the other requests on the wire with that token: under a
// server that rotates on every response one of them may bring its successor. Otherwise the caller
// starts or joins the single login flight, which first looks in the store for a newer token
// another process saved. The login runs on the session's own context with LoginTimeout, so one
// caller giving up (ctx) never cancels it for the others. loggedIn reports whether this caller
// waited for a login that actually logged in.
func (s *Session) renew(ctx context.Context, sent Token, reason EventKind) (tok Token, loggedIn bool, err error) {
	for {
		s.mu.Lock()
		if !s.tok.IsZero() && s.tok.raw != sent.raw {
			tok = s.tok
			s.mu.Unlock()
			return tok, false, nil
		}
		if s.creds == nil {
			s.mu.Unlock()
			return Token{}, false, ErrNoCredentials
		}
		if s.closed {
			s.mu.Unlock()
			return Token{}, false, ErrClosed
		}
		if n := s.inflight[sent.raw]; reason == ReLoggedIn && s.flight == nil && n > 0 {
			changed := s.changed
			s.mu.Unlock()
			s.emit(Event{Kind: AwaitingInFlight, Fingerprint: sent.Fingerprint,
				Message: fmt.Sprintf("waiting for %d request(s) in flight with the refused token before logging in again", n)})
			select {
			case <-changed:
				continue
			case <-ctx.Done():
				return Token{}, false, ctx.Err()
			}
		}
		f := s.flight
		if f == nil {
			f = &flight{done: make(chan struct{})}
			s.flight = f
			s.wakeLocked() // the snapshot's Refreshing changed
			go s.fly(f, *s.creds, s.gen, reason, sent)
		}
		s.mu.Unlock()
		select {
		case <-f.done:
			return f.tok, f.err == nil && !f.fromStore, f.err
		case <-ctx.Done():
			return Token{}, false, ctx.Err()
		}
	}
}

// fly runs one shared login and installs its token, unless the session was logged out or
// switched identity meanwhile (gen changed). Before logging in it re-reads the store: another
// process on the same store may already hold the token that superseded sent, and taking it costs
// no login and revokes nothing.
func (s *Session) fly(f *flight, creds Credentials, gen uint64, reason EventKind, sent Token) {
	s.emit(Event{Kind: RefreshStarted, Fingerprint: sent.Fingerprint, Message: flightPurpose(reason)})
	if s.takeStored(f, gen, sent, reason) {
		return
	}
	ctx, cancel := context.WithTimeout(s.ctx, s.cfg.LoginTimeout)
	tok, exchangeID, err := s.doLogin(ctx, creds)
	cancel()
	s.mu.Lock()
	var prev Token
	if err == nil && s.gen != gen {
		err = ErrLoggedOut
	}
	if err == nil {
		prev = s.installLoginLocked(tok)
	}
	s.flight = nil
	s.wakeLocked()
	f.tok, f.err = tok, err
	if err == nil {
		// Registered before the waiters are released, so a Close that follows their requests
		// always sees this save pending.
		s.saving.Add(1)
	}
	s.mu.Unlock()
	if err == nil {
		// Announced before the waiters are released, so whoever waited sees the event first.
		s.emitLogin(reason, tok, prev, exchangeID)
	} else {
		s.emit(Event{Kind: RefreshEnded, Fingerprint: sent.Fingerprint,
			Message: flightPurpose(reason) + " failed: " + scrubString(err.Error(), creds.Password)})
	}
	close(f.done)
	if err == nil {
		defer s.saving.Done()
		s.persist()
	}
}

// flightPurpose says why a login flight runs, for its events.
func flightPurpose(reason EventKind) string {
	switch reason {
	case ReLoggedIn:
		return "logging in again after Unauthorized"
	case Refreshed:
		return "refreshing the token"
	}
	return "logging in"
}

// emitLogin announces a new token from a login.
func (s *Session) emitLogin(kind EventKind, tok, prev Token, exchangeID int64) {
	now := s.cfg.Clock.Now()
	s.emit(Event{
		Kind: kind, Time: now, Fingerprint: tok.Fingerprint, PreviousFingerprint: prev.Fingerprint,
		Header: strings.TrimPrefix(tok.Source, "login "), Operation: "loginUser", ExchangeID: exchangeID,
		Message: "token valid for " + display.Duration(tok.TimeLeft(now)),
	})
}

// doLogin sends loginUser and returns the token from the response headers, and the exchange that
// brought it (for the timeline). Errors never contain the password or the token.
func (s *Session) doLogin(ctx context.Context, creds Credentials) (Token, int64, error) {
	req := graphql.NewRequest(loginQuery)
	if creds.Username != "" {
		req.Var("username", creds.Username)
	} else {
		req.Var("email", creds.Email)
	}
	req.Var("password", creds.Password)
	c := &call{operation: "loginUser", opName: "Login", login: true, limit: s.cfg.MaxLoginBodyBytes}
	var sink json.RawMessage
	runErr := s.client.Run(withCall(ctx, c), req, &sink)
	if !c.responded {
		err := c.err
		if err == nil {
			err = runErr
		}
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			err = fmt.Errorf("login did not answer in time: %w", err)
		}
		return Token{}, c.exchangeID, &TransportError{Operation: "loginUser", Err: scrub(err, creds.Password)}
	}
	env, envErr := DecodeEnvelope(c.body)
	// An answer that is not a GraphQL envelope (an HTML 502 from a proxy, a bare HTTP error) never
	// judged the credentials: that is a transport failure, not a refused login.
	switch {
	case envErr != nil:
		return Token{}, c.exchangeID, &TransportError{Operation: "loginUser", Err: scrub(describeBodyError(envErr, c), creds.Password)}
	case len(env.Errors) == 0 && c.status != http.StatusOK:
		return Token{}, c.exchangeID, &TransportError{Operation: "loginUser", Err: fmt.Errorf("HTTP %d without a GraphQL error", c.status)}
	}
	var msg string
	switch {
	case len(env.Errors) > 0:
		msg = env.Errors[0].Message
	case c.rotRaw == "":
		msg = "the response carried no token in X-Authorization or Authorization"
	}
	if msg == "" {
		tok, err := ParseToken(c.rotRaw, s.cfg.Clock.Now(), "login "+c.rotHeader)
		if err == nil {
			return tok, c.exchangeID, nil
		}
		msg = "the response's token is unusable: " + err.Error()
	}
	msg = scrubString(msg, creds.Password)
	d := loginRefused(msg, "gave up: login failed")
	s.emit(Event{Kind: GaveUp, ExchangeID: c.exchangeID, Operation: "loginUser", Message: d.Summary, Diagnosis: d})
	return Token{}, c.exchangeID, &AuthError{Diagnosis: d}
}

// scrub removes the password from an error's text (a misbehaving server or proxy could echo it)
// and redacts JWT-looking text.
func scrub(err error, password string) error {
	if err == nil {
		return nil
	}
	msg := scrubString(err.Error(), password)
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}

func scrubString(msg, password string) string {
	if len(password) >= 4 {
		msg = strings.ReplaceAll(msg, password, maskedValue)
	}
	return RedactJWTs(msg)
}

// describeBodyError adds the status and content type to a BodyError.
func describeBodyError(err error, c *call) error {
	var be *BodyError
	if errors.As(err, &be) {
		cp := *be
		cp.Status, cp.ContentType = c.status, c.contentType
		return &cp
	}
	return err
}

func (s *Session) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}
