package session

import (
	"errors"
	"fmt"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

var (
	// ErrClosed is returned by calls on a closed session.
	ErrClosed = errors.New("session closed")
	// ErrNoCredentials means a login was needed but no credentials are held (a pasted or stored
	// token cannot be renewed).
	ErrNoCredentials = errors.New("no credentials held to log in again")
	// ErrLoggedOut means the session was logged out (or switched identity) while a login was in
	// flight, so its result was discarded.
	ErrLoggedOut = errors.New("session logged out during login")
)

// AuthError is an authentication failure: a refused login, or a request the server still refused
// after the session did what it could. The CLI maps it to exit code 2.
type AuthError struct {
	// Diagnosis explains the failure.
	Diagnosis *Diagnosis
}

// Error is "authentication failed: <summary> (<action>)".
func (e *AuthError) Error() string { return "authentication failed: " + e.Diagnosis.String() }

// TransportError is a request that got no usable HTTP response (network, timeout, size cap).
type TransportError struct {
	// Operation is the GraphQL operation name.
	Operation string
	// Mutation is true when the request was a mutation.
	Mutation bool
	// MayHaveApplied is true for a mutation whose request was fully sent before the failure: the
	// server may have executed it, so it was not retried.
	MayHaveApplied bool
	// Err is the underlying error.
	Err error
}

// Error describes the failure and, for mutations, whether it may have applied.
func (e *TransportError) Error() string {
	s := "request failed: " + e.Err.Error()
	switch {
	case e.MayHaveApplied:
		s += " (the mutation may have applied; it was not retried)"
	case e.Mutation:
		s += " (the mutation was not sent completely; it was not retried)"
	}
	return s
}

// Unwrap returns the underlying error.
func (e *TransportError) Unwrap() error { return e.Err }

// TooLargeError says a response body exceeded the session's cap.
type TooLargeError struct {
	// Limit is the cap in bytes.
	Limit int64
}

// Error is "response larger than 50 MiB" (the limit in display.Size's format).
func (e *TooLargeError) Error() string {
	return "response larger than " + display.Size(e.Limit)
}

// RedirectError says the server answered with a redirect, which the session never follows so
// that credentials are never forwarded.
type RedirectError struct {
	// Status is the 3xx status.
	Status int
	// Location is the redirect target as sent by the server (JWT-looking text redacted).
	Location string
}

// Error names the refused redirect.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("server redirected (HTTP %d) to %q; not followed, so credentials are never forwarded", e.Status, e.Location)
}
