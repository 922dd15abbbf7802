package session_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// startWith is start with a hook on the session's configuration (a BaseTransport, timeouts).
func startWith(t *testing.T, cfg mockapi.Config, mod func(*session.Config)) (*mockapi.Server, *session.Session, *clock) {
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
	sc := session.Config{Endpoint: url, Clock: clk, RefreshMinDelay: time.Millisecond, RefreshBackoff: time.Millisecond,
		LoginTimeout: 10 * time.Second, RequestTimeout: 20 * time.Second}
	if mod != nil {
		mod(&sc)
	}
	if ci, ok := sc.BaseTransport.(interface{ CloseIdleConnections() }); ok {
		// Runs before the server's Shutdown, which waits 5 s for a connection that was dialed
		// but never carried a request (a burst leaves some in the client's idle pool).
		t.Cleanup(ci.CloseIdleConnections)
	}
	s, err := session.New(sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return srv, s, clk
}

// demoUser is the mock's user, by username.
func demoUser() session.Credentials {
	return session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}
}

func mustLogin(t *testing.T, s *session.Session, c session.Credentials) session.Token {
	t.Helper()
	tok, err := s.Login(context.Background(), c)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	return tok
}

// exchangeByID finds one exchange of the session's log.
func exchangeByID(t *testing.T, s *session.Session, id int64) session.Exchange {
	t.Helper()
	for _, e := range s.Exchanges() {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("exchange %d not in the log", id)
	return session.Exchange{}
}

func TestMockLoginByUsernameAndEmail(t *testing.T) {
	for name, creds := range map[string]session.Credentials{
		"username": {Username: mockapi.DemoUsername, Password: mockapi.DemoPassword},
		"email":    {Email: mockapi.DemoEmail, Password: mockapi.DemoPassword},
	} {
		t.Run(name, func(t *testing.T) {
			srv, s, _ := start(t, mockapi.Config{})
			got := mustLogin(t, s, creds)
			cur, ok := s.Token()
			if !ok || cur.Raw() != got.Raw() || cur.Subject != fmt.Sprint(mockapi.DemoUserID) {
				t.Fatalf("token not adopted: ok=%v cur=%v login=%v sub=%q", ok, cur, got, cur.Subject)
			}
			if cur.Source != "login X-Authorization" || !cur.FromJWT {
				t.Fatalf("source=%q fromJWT=%v", cur.Source, cur.FromJWT)
			}
			if s.Identity() != creds.Identity() || !s.HasCredentials() {
				t.Fatalf("identity=%q creds=%v", s.Identity(), s.HasCredentials())
			}
			res := run(t, s)
			if res.Replayed || res.ReLoggedIn {
				t.Fatalf("the first query needed help: %+v", res)
			}
			if st := srv.Stats(); st.Logins != 1 || st.FailedLogins != 0 || st.Unauthorized != 0 {
				t.Fatalf("stats = %+v", st)
			}
		})
	}
}

// Under Strict the superseded token is refused at once, so a query after the rotation that
// succeeds without a new login proves the session sent the rotated token.
func TestMockRotationHeadersAndPrefix(t *testing.T) {
	for _, header := range []string{mockapi.RotateBoth, mockapi.RotateXAuthorization, mockapi.RotateAuthorization} {
		for _, prefix := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/bearer=%v", header, prefix), func(t *testing.T) {
				srv, s, clk := start(t, mockapi.Config{RotateAfter: 5 * time.Minute, RotateHeader: header,
					BearerPrefix: prefix, Strict: true})
				first := mustLogin(t, s, demoUser())
				clk.advance(6 * time.Minute)
				rotRes := run(t, s) // answered with the rotated token
				rotated, _ := s.Token()
				wantSource := "rotation X-Authorization"
				if header == mockapi.RotateAuthorization {
					wantSource = "rotation Authorization"
				}
				if rotated.Raw() == first.Raw() || rotated.Rotations != 1 || rotated.Source != wantSource {
					t.Fatalf("rotation not adopted: rotations=%d source=%q", rotated.Rotations, rotated.Source)
				}
				if strings.HasPrefix(rotated.Raw(), "Bearer") {
					t.Fatal("the Bearer prefix was kept in the token")
				}
				if ex := exchangeByID(t, s, rotRes.ExchangeIDs[0]); ex.ReceivedFingerprint != rotated.Fingerprint {
					t.Fatalf("exchange received fp %q, adopted %q", ex.ReceivedFingerprint, rotated.Fingerprint)
				}
				res := run(t, s)
				if res.Replayed || res.ReLoggedIn {
					t.Fatalf("the query after the rotation was refused first: %+v", res.Diagnosis)
				}
				if ex := exchangeByID(t, s, res.ExchangeIDs[0]); ex.SentFingerprint != rotated.Fingerprint {
					t.Fatalf("sent fp %q, want the rotated %q", ex.SentFingerprint, rotated.Fingerprint)
				}
				st := srv.Stats()
				if st.Logins != 1 || st.Rotations != 1 || st.Unauthorized != 0 {
					t.Fatalf("logins=%d rotations=%d unauthorized=%d %v", st.Logins, st.Rotations, st.Unauthorized, st.UnauthorizedReasons)
				}
			})
		}
	}
}

// With no background refresh, a request after expiry logs in first and never sends the
// expired token.
func TestMockExpiredTokenLogsInFirst(t *testing.T) {
	srv, s, clk := start(t, mockapi.Config{})
	old := mustLogin(t, s, demoUser())
	run(t, s)
	clk.advance(old.ExpiresAt.Sub(clk.Now()) + time.Second)
	res := run(t, s)
	cur, _ := s.Token()
	if cur.Raw() == old.Raw() || cur.Expired(clk.Now()) {
		t.Fatal("no fresh token after expiry")
	}
	if res.Replayed || res.ReLoggedIn {
		t.Fatalf("the expired token was sent and refused: %+v", res.Diagnosis)
	}
	if ex := exchangeByID(t, s, res.ExchangeIDs[0]); ex.SentFingerprint != cur.Fingerprint {
		t.Fatalf("sent fp %q, want the new %q", ex.SentFingerprint, cur.Fingerprint)
	}
	st := srv.Stats()
	if st.Logins != 2 || st.Unauthorized != 0 || st.UnauthorizedReasons["expired"] != 0 {
		t.Fatalf("logins=%d unauthorized=%d reasons=%v", st.Logins, st.Unauthorized, st.UnauthorizedReasons)
	}
}

// A token refused while unexpired (revoked) is diagnosed as such, and the session logs in once
// and replays, whether Unauthorized comes as a 200 or a 401.
func TestMockRevokedBothStatuses(t *testing.T) {
	for _, status := range []int{http.StatusOK, http.StatusUnauthorized} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			srv, s, _ := start(t, mockapi.Config{UnauthStatus: status})
			old := mustLogin(t, s, demoUser())
			srv.RevokeTokens()
			res := run(t, s)
			if !res.Replayed || !res.ReLoggedIn || res.Status != http.StatusOK || len(res.ExchangeIDs) != 2 {
				t.Fatalf("replayed=%v relogged=%v status=%d exchanges=%v", res.Replayed, res.ReLoggedIn, res.Status, res.ExchangeIDs)
			}
			d := res.Diagnosis
			if d == nil || d.Cause != session.CauseRejectedWhileValid || d.SentFingerprint != old.Fingerprint ||
				d.Action != "re-logged in and replayed" || d.ServerMessage != session.UnauthorizedMessage {
				t.Fatalf("diagnosis = %+v", d)
			}
			if first := exchangeByID(t, s, res.ExchangeIDs[0]); first.Status != status {
				t.Fatalf("first attempt status %d, want %d", first.Status, status)
			}
			st := srv.Stats()
			if st.Logins != 2 || st.Unauthorized != 1 || st.UnauthorizedReasons["revoked"] != 1 {
				t.Fatalf("logins=%d unauthorized=%v", st.Logins, st.UnauthorizedReasons)
			}
		})
	}
}

func TestMockWrongPassword(t *testing.T) {
	const wrong = "not-the-demo-password"
	for name, creds := range map[string]session.Credentials{
		"username": {Username: mockapi.DemoUsername, Password: wrong},
		"email":    {Email: mockapi.DemoEmail, Password: wrong},
	} {
		t.Run(name, func(t *testing.T) {
			srv, s, _ := start(t, mockapi.Config{})
			tok, err := s.Login(context.Background(), creds)
			var ae *session.AuthError
			if !errors.As(err, &ae) || ae.Diagnosis.Cause != session.CauseLoginRefused ||
				ae.Diagnosis.ServerMessage != "Invalid credentials" {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(err.Error(), "Invalid credentials") || strings.Contains(err.Error(), wrong) {
				t.Fatalf("error text %q", err)
			}
			if _, ok := s.Token(); ok || !tok.IsZero() || s.HasCredentials() {
				t.Fatal("a refused login left a token or credentials behind")
			}
			// With nothing installed the next query goes out without a token and is refused
			// for good: nothing to log in with.
			res, err := s.Execute(context.Background(), session.Request{Query: cardsQuery, OperationName: "Cards"})
			if !errors.As(err, &ae) || ae.Diagnosis.Cause != session.CauseNoToken || res == nil || res.ReLoggedIn {
				t.Fatalf("query after refused login: res=%+v err=%v", res, err)
			}
			st := srv.Stats()
			if st.Logins != 0 || st.FailedLogins != 1 || st.UnauthorizedReasons["missing"] != 1 {
				t.Fatalf("stats = %+v", st)
			}
		})
	}
}

// An HTML 502 from a proxy is an answer, not a transport failure, for a query: the Result says
// what came back. For a login it is a transport failure: the credentials were never judged.
func TestMockBadGateway(t *testing.T) {
	t.Run("query", func(t *testing.T) {
		srv, s, _ := start(t, mockapi.Config{})
		mustLogin(t, s, demoUser())
		srv.UpdateConfig(func(c *mockapi.Config) { c.FailureRate = 1 })
		res, err := s.Execute(context.Background(), session.Request{Query: cardsQuery, OperationName: "Cards"})
		if err != nil {
			t.Fatalf("err = %v", err)
		}
		var be *session.BodyError
		if res.Status != http.StatusBadGateway || !errors.As(res.EnvelopeErr, &be) ||
			be.Status != http.StatusBadGateway || be.ContentType != "text/html" {
			t.Fatalf("status=%d envelopeErr=%#v", res.Status, res.EnvelopeErr)
		}
		if msg := res.EnvelopeErr.Error(); !strings.Contains(msg, "text/html") || !strings.Contains(msg, "502") {
			t.Fatalf("envelope error %q", msg)
		}
		if res.Replayed || srv.Stats().Faults != 1 {
			t.Fatalf("replayed=%v faults=%d", res.Replayed, srv.Stats().Faults)
		}
	})
	t.Run("login", func(t *testing.T) {
		srv, s, _ := start(t, mockapi.Config{FailureRate: 1})
		_, err := s.Login(context.Background(), demoUser())
		var te *session.TransportError
		var ae *session.AuthError
		if !errors.As(err, &te) || errors.As(err, &ae) {
			t.Fatalf("err = %T %v", err, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "text/html") || !strings.Contains(msg, "502") ||
			strings.Contains(msg, mockapi.DemoPassword) {
			t.Fatalf("error text %q", msg)
		}
		if _, ok := s.Token(); ok || s.HasCredentials() || srv.Stats().Logins != 0 {
			t.Fatal("a failed login left state behind")
		}
	})
}

// A body cut short under a full Content-Length is a transport failure with a clear cause. A
// query is replayed once; a request marked as a mutation is not, and may have applied.
func TestMockTruncatedBody(t *testing.T) {
	for _, mutation := range []bool{false, true} {
		t.Run(fmt.Sprintf("mutation=%v", mutation), func(t *testing.T) {
			srv, s, _ := start(t, mockapi.Config{})
			mustLogin(t, s, demoUser())
			srv.UpdateConfig(func(c *mockapi.Config) { c.TruncateRate = 1 })
			// The deadline only keeps a regression from hanging the suite; the assertions
			// below fail if it is what ended the call.
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			res, err := s.Execute(ctx, session.Request{Query: cardsQuery, OperationName: "Cards", Mutation: mutation})
			var te *session.TransportError
			if res != nil || !errors.As(err, &te) || ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("res=%v err=%T %v", res, err, err)
			}
			if !strings.Contains(err.Error(), "unexpected EOF") {
				t.Fatalf("error does not say the body was cut: %q", err)
			}
			wantFaults := 2 // the query's replay was cut too
			if mutation {
				wantFaults = 1
				if !te.MayHaveApplied {
					t.Fatal("a mutation cut after it was sent must be reported as possibly applied")
				}
			}
			if got := srv.Stats().Faults; got != wantFaults {
				t.Fatalf("faults = %d, want %d", got, wantFaults)
			}
		})
	}
}

// Nothing listens on port 1: both a login and a query fail with a TransportError that says so.
func TestMockConnectionRefused(t *testing.T) {
	s, err := session.New(session.Config{Endpoint: "http://127.0.0.1:1/graphql", RequestTimeout: 10 * time.Second,
		LoginTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	_, err = s.Login(context.Background(), demoUser())
	var te *session.TransportError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("login err = %T %v", err, err)
	}
	res, err := s.Execute(context.Background(), session.Request{Query: cardsQuery, OperationName: "Cards"})
	if res != nil || !errors.As(err, &te) || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("query res=%v err=%T %v", res, err, err)
	}
}
