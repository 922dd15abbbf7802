package session

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/machinebox/graphql"
)

// Request is one GraphQL operation to run.
type Request struct {
	// Query is the GraphQL document.
	Query string
	// OperationName picks the operation when the document has several.
	OperationName string
	// Variables are sent as the request's variables.
	Variables map[string]any
	// Mutation marks a request with side effects: it is never replayed after an ambiguous
	// network failure.
	Mutation bool
	// Headers are the user's extra headers, already expanded (query/headers). They go only to
	// the session's own origin. An Authorization among them replaces the session's token: callers
	// let one through only when the user marked it as a deliberate override.
	Headers http.Header
}

// Result is the server's answer, in full.
type Result struct {
	// Status is the HTTP status of the final attempt.
	Status int
	// Header is the redacted response header.
	Header http.Header
	// Body is the full raw response body.
	Body []byte
	// Envelope is the decoded body (all errors, extensions.cost); valid when EnvelopeErr is nil.
	Envelope Envelope
	// EnvelopeErr says why Body is not a GraphQL envelope (HTML error page, redirect, ...).
	EnvelopeErr error
	// Duration is the round trip of the final attempt.
	Duration time.Duration
	// SentFingerprint identifies the token the final attempt carried ("" when none): the one the
	// server judged, which a rotation in the response may already have replaced.
	SentFingerprint string
	// Size is len(Body).
	Size int64
	// ExchangeIDs lists the exchanges this call made, in order.
	ExchangeIDs []int64
	// Replayed is true when the request was sent a second time.
	Replayed bool
	// ReLoggedIn is true when this call waited for a login after an Unauthorized.
	ReLoggedIn bool
	// Diagnosis explains an Unauthorized met on the way (also when the replay then succeeded).
	Diagnosis *Diagnosis
	// ServerDate is the response's Date header (zero when absent).
	ServerDate time.Time
}

// Execute runs req with the current token and handles authentication on the way:
//   - with no token but credentials it logs in first; a token too close to expiry to send waits
//     for the shared refresh;
//   - on Unauthorized: if the token had already changed, it replays with the new one without
//     logging in; if the request carried the current token it first waits for the other
//     requests carrying it (one may bring its successor), then takes a newer token another
//     process stored, else joins the single re-login, and replays; an Unauthorized after a
//     re-login, or a third one, is final (never a loop);
//   - a query that hit a network failure is replayed once; a mutation never is.
//
// It returns the Result whenever the server answered. A final Unauthorized returns the Result
// together with an *AuthError; a failure without a response returns a *TransportError.
func (s *Session) Execute(ctx context.Context, req Request) (*Result, error) {
	if s.isClosed() {
		return nil, ErrClosed
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	tok, err := s.tokenForSend(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	var firstDiag *Diagnosis
	for attempt := 0; ; attempt++ {
		c := s.send(ctx, req, tok)
		res.ExchangeIDs = append(res.ExchangeIDs, c.exchangeID)
		if !c.responded {
			if ctx.Err() == nil && !req.Mutation && attempt == 0 && retryable(c.err) {
				res.Replayed = true
				tok = s.currentOr(tok)
				s.emit(Event{Kind: Replayed, ExchangeID: c.exchangeID, Operation: req.OperationName,
					Message: "replaying the query after a network failure: " + RedactJWTs(c.err.Error())})
				continue
			}
			return nil, &TransportError{Operation: req.OperationName, Mutation: req.Mutation,
				MayHaveApplied: req.Mutation && c.wrote.Load(), Err: c.err}
		}
		s.fill(res, c)
		if res.EnvelopeErr != nil || !res.Envelope.IsUnauthorized() {
			res.Diagnosis = firstDiag
			if firstDiag != nil {
				firstDiag.Action = actionAfterReplay(res)
			}
			return res, nil
		}
		d := s.diagnose(c, res)
		s.mu.Lock()
		s.markRefusedLocked(c.token)
		s.mu.Unlock()
		s.emit(Event{Kind: Unauthorized, Fingerprint: c.token.Fingerprint, ExchangeID: c.exchangeID,
			Operation: req.OperationName, Message: d.Summary, Diagnosis: d})
		// A refusal after a real login is final, and so is a third one: never a loop. A replay
		// with a token another request or process brought may still be refused (that token was
		// superseded too), and then one login is worth trying.
		if res.ReLoggedIn || attempt >= 2 {
			d.Action = "gave up: refused again after a replay"
			if res.ReLoggedIn {
				d.Action = "gave up: refused again after a re-login and a replay"
			}
			return s.giveUp(res, c, d)
		}
		firstDiag = d
		next, loggedIn, err := s.renew(ctx, c.token, ReLoggedIn)
		if err != nil {
			switch {
			case errors.Is(err, ErrNoCredentials):
				d.Action = "gave up: no credentials held"
			case ctx.Err() != nil:
				d.Action = "gave up: cancelled while logging in again"
			default:
				// Keep the first diagnosis (why the token was refused) and say why the cure
				// failed too: both are needed to fix the problem.
				var ae *AuthError
				if errors.As(err, &ae) && ae.Diagnosis != nil {
					d.Action = "gave up: logging in again was refused: " + ae.Diagnosis.ServerMessage
					if ae.Diagnosis.ServerMessage == "" {
						d.Action = "gave up: logging in again failed: " + ae.Diagnosis.Summary
					}
				} else {
					d.Action = "gave up: logging in again failed: " + scrubString(err.Error(), "")
				}
			}
			return s.giveUp(res, c, d)
		}
		tok, res.Replayed, res.ReLoggedIn = next, true, loggedIn
		// The action is known now: the Replayed event carries the diagnosis with it, so whoever
		// shows the Unauthorized also learns what the session did about it.
		d.Action = actionAfterReplay(res)
		s.emit(Event{Kind: Replayed, Fingerprint: next.Fingerprint, PreviousFingerprint: c.token.Fingerprint,
			ExchangeID: c.exchangeID, Operation: req.OperationName, Message: d.Action, Diagnosis: d})
	}
}

// tokenForSend picks the token for a new request: logging in first when there is none but
// credentials are held, and waiting for the shared refresh when the token is too close to expiry
// to send. A failed refresh still sends a token that has not expired yet.
func (s *Session) tokenForSend(ctx context.Context) (Token, error) {
	now := s.cfg.Clock.Now()
	s.mu.Lock()
	tok, hasCreds := s.tok, s.creds != nil
	s.mu.Unlock()
	if !hasCreds {
		return tok, nil // a pasted token or none: send as is and let the server answer
	}
	if tok.IsZero() {
		t, _, err := s.renew(ctx, tok, LoggedIn)
		return t, err
	}
	if !tok.TooCloseToSend(now) {
		return tok, nil
	}
	t, _, err := s.renew(ctx, tok, Refreshed)
	if err != nil {
		if !tok.Expired(s.cfg.Clock.Now()) && ctx.Err() == nil {
			return tok, nil
		}
		return Token{}, err
	}
	return t, nil
}

// currentOr returns the session's current token, or fallback when there is none.
func (s *Session) currentOr(fallback Token) Token {
	if t, ok := s.Token(); ok {
		return t
	}
	return fallback
}

// send makes one round trip through machinebox/graphql. machinebox's own result and error are
// ignored when the transport captured a response: it keeps only the first GraphQL error, and it
// only sees a stub for large bodies.
func (s *Session) send(ctx context.Context, req Request, tok Token) *call {
	gr := graphql.NewRequest(req.Query)
	for k, v := range req.Variables {
		gr.Var(k, v)
	}
	c := &call{token: tok, operation: req.OperationName, opName: req.OperationName, limit: s.cfg.MaxBodyBytes,
		headers: req.Headers}
	// Counted until the response (and any token on it) has been handled, so a refusal of the
	// same token elsewhere knows to wait for it.
	done := s.sending(tok)
	defer done()
	var sink json.RawMessage
	if err := s.client.Run(withCall(ctx, c), gr, &sink); err != nil && !c.responded && c.err == nil {
		c.err = err // machinebox failed before the transport ran (encoding, cancelled context)
	}
	return c
}

// fill copies an answered attempt into the result.
func (s *Session) fill(res *Result, c *call) {
	res.Status, res.Header, res.Body = c.status, RedactHeader(c.header), c.body
	res.Size, res.Duration, res.SentFingerprint = int64(len(c.body)), c.duration, c.sentFP
	res.ServerDate = serverDate(c.header)
	res.Envelope, res.EnvelopeErr = Envelope{}, nil
	if c.status >= 300 && c.status < 400 {
		res.EnvelopeErr = &RedirectError{Status: c.status, Location: RedactJWTs(c.header.Get("Location"))}
		return
	}
	env, err := DecodeEnvelope(c.body)
	if err != nil {
		res.EnvelopeErr = describeBodyError(err, c)
		return
	}
	res.Envelope = env
}

// diagnose explains an Unauthorized answer to call c.
func (s *Session) diagnose(c *call, res *Result) *Diagnosis {
	msg := UnauthorizedMessage
	if len(res.Envelope.Errors) > 0 {
		msg = res.Envelope.Errors[0].Message
	}
	sent := Token{}
	if c.sentScheme != "" {
		sent = c.token
	}
	return diagnose(authFailure{sent: sent, scheme: c.sentScheme, now: s.cfg.Clock.Now(),
		serverDate: res.ServerDate, message: msg})
}

// giveUp ends Execute after an Unauthorized that cannot be fixed.
func (s *Session) giveUp(res *Result, c *call, d *Diagnosis) (*Result, error) {
	res.Diagnosis = d
	s.emit(Event{Kind: GaveUp, Fingerprint: c.token.Fingerprint, ExchangeID: c.exchangeID,
		Operation: c.operation, Message: d.String(), Diagnosis: d})
	return res, &AuthError{Diagnosis: d}
}

// actionAfterReplay describes what Execute did before its final attempt.
func actionAfterReplay(res *Result) string {
	if res.ReLoggedIn {
		return "re-logged in and replayed"
	}
	return "replayed with a newer token"
}

// retryable reports whether a network failure may be retried for a query: not a size cap (the
// answer would be the same) and not the caller's own cancellation.
func retryable(err error) bool {
	var tl *TooLargeError
	return err != nil && !errors.As(err, &tl) && !errors.Is(err, context.Canceled) &&
		!errors.Is(err, context.DeadlineExceeded)
}

// serverDate parses the Date header.
func serverDate(h http.Header) time.Time {
	if v := h.Get("Date"); v != "" {
		if t, err := http.ParseTime(v); err == nil {
			return t
		}
	}
	return time.Time{}
}
