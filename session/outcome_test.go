package session

import (
	"context"
	"errors"
	"testing"
)

func TestOutcomeAndErrorSummary(t *testing.T) {
	errs := func(msgs ...string) *Result {
		r := &Result{Status: 200}
		for _, m := range msgs {
			r.Envelope.Errors = append(r.Envelope.Errors, GraphQLError{Message: m})
		}
		return r
	}
	auth := &AuthError{Diagnosis: &Diagnosis{Summary: "token expired 3m ago", Action: "gave up: no credentials held"}}
	for _, tc := range []struct {
		name          string
		res           *Result
		err           error
		outcome, summ string
	}{
		{"ok", &Result{Status: 200}, nil, OutcomeOK, ""},
		{"graphql errors", errs("validation", "Throttled"), nil, OutcomeErrors, "validation (and 1 more)"},
		{"twelve errors", errs("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"), nil, OutcomeErrors, "a (and 11 more)"},
		{"unauthorized", errs("Unauthorized"), auth, OutcomeUnauthorized, "token expired 3m ago (gave up: no credentials held)"},
		{"transport", nil, &TransportError{Err: errors.New("connection refused")}, OutcomeFailed, "request failed: connection refused"},
		{"not json", &Result{Status: 502, EnvelopeErr: errors.New("response is not JSON")}, nil, OutcomeFailed, "response is not JSON"},
		{"cancelled", nil, &TransportError{Err: context.Canceled}, OutcomeCancelled, "request failed: context canceled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Outcome(tc.res, tc.err); got != tc.outcome {
				t.Errorf("Outcome = %q, want %q", got, tc.outcome)
			}
			if got := ErrorSummary(tc.res, tc.err); got != tc.summ {
				t.Errorf("ErrorSummary = %q, want %q", got, tc.summ)
			}
		})
	}
}
