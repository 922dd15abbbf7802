package session

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
)

// The one-word outcomes of a request, shared by the status bar, history and the CLI.
const (
	OutcomeOK           = "ok"           // data and no errors
	OutcomeErrors       = "errors"       // the response carried GraphQL errors
	OutcomeUnauthorized = "unauthorized" // authentication failed for good
	OutcomeFailed       = "failed"       // no usable response: network, HTTP, not JSON
	OutcomeCancelled    = "cancelled"    // the caller cancelled
)

// Outcome classifies what Execute returned.
func Outcome(res *Result, err error) string {
	var authErr *AuthError
	switch {
	case errors.Is(err, context.Canceled):
		return OutcomeCancelled
	case errors.As(err, &authErr):
		return OutcomeUnauthorized
	case err != nil || res == nil || res.EnvelopeErr != nil:
		return OutcomeFailed
	case len(res.Envelope.Errors) > 0:
		return OutcomeErrors
	}
	return OutcomeOK
}

// ErrorSummary is a one-line summary of what went wrong ("" when nothing did): the diagnosis, the
// transport error, or the first GraphQL error and how many more. It never holds a secret: the
// session's errors and diagnoses are scrubbed, and server messages carry no tokens we sent.
func ErrorSummary(res *Result, err error) string {
	var authErr *AuthError
	switch {
	case errors.As(err, &authErr):
		return authErr.Diagnosis.String()
	case err != nil:
		return err.Error()
	case res == nil:
		return ""
	case res.EnvelopeErr != nil:
		return res.EnvelopeErr.Error()
	case len(res.Envelope.Errors) > 0:
		var b strings.Builder
		b.WriteString(res.Envelope.Errors[0].Message)
		if n := len(res.Envelope.Errors) - 1; n > 0 {
			b.WriteString(" (and ")
			b.WriteString(strconv.Itoa(n))
			b.WriteString(" more)")
		}
		return b.String()
	}
	return ""
}

// Summary is what a history line or status bar records of one Execute.
type Summary struct {
	Status   int           // HTTP status of the final attempt (0: no response)
	Size     int64         // response body size
	Duration time.Duration // round trip of the final attempt (0: no response)
	Outcome  string        // one of the Outcome constants
	Error    string        // ErrorSummary
}

// Summarize condenses what Execute returned.
func Summarize(res *Result, err error) Summary {
	s := Summary{Outcome: Outcome(res, err), Error: ErrorSummary(res, err)}
	if res != nil {
		s.Status, s.Size, s.Duration = res.Status, res.Size, res.Duration
	}
	return s
}
