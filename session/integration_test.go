package session_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// clock is a settable clock shared by the fake server and the session.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func start(t *testing.T, cfg mockapi.Config) (*mockapi.Server, *session.Session, *clock) {
	t.Helper()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	if cfg.Now == nil {
		cfg.Now = clk.Now
	}
	srv := mockapi.New(cfg)
	url, stop, err := srv.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	s, err := session.New(session.Config{Endpoint: url, Clock: clk, RefreshMinDelay: time.Millisecond, RefreshBackoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return srv, s, clk
}

const cardsQuery = `query Cards { Cards(limit: 1) { total } }`

func run(t *testing.T, s *session.Session) *session.Result {
	t.Helper()
	res, err := s.Execute(context.Background(), session.Request{Query: cardsQuery, OperationName: "Cards"})
	if err != nil {
		t.Fatal(err)
	}
	if res.EnvelopeErr != nil || len(res.Envelope.Errors) > 0 {
		t.Fatalf("errors: %v %+v", res.EnvelopeErr, res.Envelope.Errors)
	}
	return res
}

func TestMockLoginRotateAndRefresh(t *testing.T) {
	for _, header := range []string{mockapi.RotateBoth, mockapi.RotateXAuthorization, mockapi.RotateAuthorization} {
		t.Run(header, func(t *testing.T) {
			srv, s, clk := start(t, mockapi.Config{RotateAfter: 5 * time.Minute, RotateHeader: header, BearerPrefix: true})
			if _, err := s.Login(context.Background(), session.Credentials{Email: mockapi.DemoEmail, Password: mockapi.DemoPassword}); err != nil {
				t.Fatal(err)
			}
			first, _ := s.Token()
			run(t, s)
			clk.advance(6 * time.Minute)
			run(t, s) // the server rotates: the session adopts
			rotated, _ := s.Token()
			if rotated.Raw() == first.Raw() || rotated.Rotations != 1 {
				t.Fatalf("no rotation adopted (rotations=%d)", rotated.Rotations)
			}
			clk.advance(52 * time.Minute)
			if err := s.CheckRefresh(context.Background()); err != nil {
				t.Fatal(err)
			}
			run(t, s)
			if got := srv.Stats().Logins; got != 2 {
				t.Fatalf("logins = %d, want 2", got)
			}
		})
	}
}

func TestMockRevokedAndKeyRotation(t *testing.T) {
	for name, breakIt := range map[string]func(*mockapi.Server){
		"revoked":     (*mockapi.Server).RevokeTokens,
		"signing key": (*mockapi.Server).RotateSigningKey,
	} {
		t.Run(name, func(t *testing.T) {
			srv, s, _ := start(t, mockapi.Config{UnauthStatus: 401})
			if _, err := s.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}); err != nil {
				t.Fatal(err)
			}
			breakIt(srv)
			res := run(t, s)
			if !res.ReLoggedIn || res.Diagnosis == nil || res.Diagnosis.Cause != session.CauseRejectedWhileValid {
				t.Fatalf("relogged=%v diagnosis=%v", res.ReLoggedIn, res.Diagnosis)
			}
			if srv.Stats().Logins != 2 {
				t.Fatalf("logins = %d", srv.Stats().Logins)
			}
		})
	}
}

// The server's clock jumps 65 minutes ahead: it considers our token expired while we think it has
// 55 minutes left. The diagnosis blames the skew, and the re-login fixes it.
func TestMockSkewedServerDiagnosed(t *testing.T) {
	srv, s, _ := start(t, mockapi.Config{})
	if _, err := s.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	srv.UpdateConfig(func(c *mockapi.Config) { c.ClockSkew = 65 * time.Minute })
	res := run(t, s)
	if res.Diagnosis == nil || res.Diagnosis.Cause != session.CauseClockSkew || res.Diagnosis.Summary != "server clock is 1h05m ahead of yours" {
		t.Fatalf("diagnosis = %+v", res.Diagnosis)
	}
}

func TestMockLoginRefused(t *testing.T) {
	_, s, _ := start(t, mockapi.Config{})
	_, err := s.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: "wrong"})
	var ae *session.AuthError
	if !errors.As(err, &ae) || ae.Diagnosis.Cause != session.CauseLoginRefused {
		t.Fatalf("err = %v", err)
	}
}
