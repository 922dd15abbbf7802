package session

import (
	"testing"
	"time"
)

func TestDiagnose(t *testing.T) {
	now := newFakeClock().Now()
	tok := func(iat time.Time) Token {
		tk, _ := ParseToken(jwtAt(iat, time.Hour, 1), iat, "test")
		return tk
	}
	valid := tok(now.Add(-19 * time.Minute)) // 41m left
	for _, tc := range []struct {
		name    string
		f       authFailure
		cause   Cause
		summary string
	}{
		{"no token", authFailure{now: now}, CauseNoToken, "no token was sent"},
		{"wrong scheme", authFailure{sent: valid, scheme: "Token", now: now}, CauseWrongScheme, `the Authorization header used "Token" instead of "Bearer"`},
		{"expired", authFailure{sent: tok(now.Add(-time.Hour - 3*time.Minute - 12*time.Second)), scheme: "Bearer", now: now}, CauseExpired, "token expired 3m12s ago"},
		{"rejected while valid", authFailure{sent: valid, scheme: "Bearer", now: now, serverDate: now.Add(2 * time.Second)}, CauseRejectedWhileValid,
			"token rejected although valid for 41m more: revoked, another environment, or the server's signing key changed"},
		{"server ahead", authFailure{sent: tok(now.Add(-55 * time.Minute)), scheme: "Bearer", now: now, serverDate: now.Add(7 * time.Minute)}, CauseClockSkew, "server clock is 7m ahead of yours"},
		{"server behind, token not yet valid", authFailure{sent: tok(now), scheme: "Bearer", now: now, serverDate: now.Add(-5 * time.Minute)}, CauseClockSkew, "server clock is 5m behind yours"},
		{"skew that explains nothing", authFailure{sent: valid, scheme: "Bearer", now: now, serverDate: now.Add(5 * time.Minute)}, CauseRejectedWhileValid, ""},
		{"small skew ignored", authFailure{sent: tok(now.Add(-time.Hour + 10*time.Second)), scheme: "Bearer", now: now, serverDate: now.Add(20 * time.Second)}, CauseRejectedWhileValid, ""},
	} {
		d := diagnose(tc.f)
		if d.Cause != tc.cause || (tc.summary != "" && d.Summary != tc.summary) {
			t.Errorf("%s: %v %q", tc.name, d.Cause, d.Summary)
		}
	}
	if d := loginRefused("Invalid credentials", "gave up"); d.Cause != CauseLoginRefused || d.Summary != "login refused: Invalid credentials" {
		t.Errorf("login refused: %+v", d)
	}
}

func TestKindAndCauseNames(t *testing.T) {
	for k := LoggedIn; k <= StoreFailed; k++ {
		if s := k.String(); s == "" || s[0] == 'E' && s[1] == 'v' {
			t.Errorf("kind %d has no name", k)
		}
	}
	for c := CauseNoToken; c <= CauseClockSkew; c++ {
		if c.String() == "unknown" {
			t.Errorf("cause %d has no name", c)
		}
	}
}
