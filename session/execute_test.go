package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestExecuteLogsInFirstAndSendsBearer(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	if err := s.SetCredentials(demoCreds(f)); err != nil {
		t.Fatal(err)
	}
	res, err := s.Execute(context.Background(), hello())
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Envelope.Data); got != `{"hello":"world"}` {
		t.Fatalf("data = %s", got)
	}
	if f.logins.Load() != 1 {
		t.Fatalf("logins = %d, want 1", f.logins.Load())
	}
	tok, _ := s.Token()
	if sent := f.sentTokens(); len(sent) != 1 || sent[0] != tok.Raw() {
		t.Fatalf("server saw %d tokens; want the login token", len(sent))
	}
	if tok.Source != "login X-Authorization" {
		t.Fatalf("source = %q", tok.Source)
	}
	if f.bodies[len(f.bodies)-1].OperationName != "Hello" {
		t.Fatalf("operationName not sent: %+v", f.bodies[len(f.bodies)-1])
	}
	if len(eventsOf(s, LoggedIn)) != 1 {
		t.Fatalf("want one LoggedIn event, timeline %v", s.Timeline())
	}
}

func TestExecuteWithoutTokenOrCredentialsDiagnosesNoToken(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	res, err := s.Execute(context.Background(), hello())
	var ae *AuthError
	if !errors.As(err, &ae) || res == nil {
		t.Fatalf("err = %v, want AuthError with result", err)
	}
	if res.Diagnosis.Cause != CauseNoToken || !strings.Contains(res.Diagnosis.Action, "no credentials") {
		t.Fatalf("diagnosis = %+v", res.Diagnosis)
	}
	if f.requests.Load() != 1 {
		t.Fatalf("requests = %d, want 1 (no replay without a new token)", f.requests.Load())
	}
}

// Property 1: a burst of requests all refused at once causes exactly one login.
func TestFiftyConcurrentUnauthorizedOneLogin(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	const n = 50
	// The server holds every request carrying the old token until all n have arrived, so each
	// caller really meets an Unauthorized first.
	var arrived atomic.Int32
	gate := make(chan struct{})
	var old string
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, tok string, _ bool) bool {
		if tok != old {
			return false
		}
		if arrived.Add(1) == n {
			close(gate)
		}
		<-gate
		writeUnauthorized(w)
		return true
	}
	s, _ := newTestSession(t, f, clock, nil)
	old = mustLogin(t, s, demoCreds(f)).Raw()
	logins := f.logins.Load()

	var start, done sync.WaitGroup
	start.Add(1)
	errs := make([]error, n)
	results := make([]*Result, n)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			results[i], errs[i] = s.Execute(context.Background(), hello())
		}()
	}
	start.Done()
	done.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("call %d: %v", i, errs[i])
		}
		if string(results[i].Envelope.Data) != `{"hello":"world"}` || !results[i].Replayed {
			t.Fatalf("call %d: result %+v", i, results[i])
		}
	}
	if got := f.logins.Load() - logins; got != 1 {
		t.Fatalf("re-logins = %d, want exactly 1", got)
	}
}

// Property 1 at the expiry instant: the token is too close to send, so every caller waits for the
// one shared refresh and none sends the dying token.
func TestFiftyConcurrentAtExpiryOneLogin(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	old := mustLogin(t, s, demoCreds(f))
	clock.Advance(time.Hour - 10*time.Second) // 10 s left: inside the 30 s send floor
	const n = 50
	var start, done sync.WaitGroup
	start.Add(1)
	errs := make([]error, n)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			_, errs[i] = s.Execute(context.Background(), hello())
		}()
	}
	start.Done()
	done.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if f.logins.Load() != 2 {
		t.Fatalf("logins = %d, want 2 (initial + one refresh)", f.logins.Load())
	}
	for _, tok := range f.sentTokens() {
		if tok == old.Raw() {
			t.Fatal("a request went out with the token inside its send floor")
		}
	}
}

// Property 2: an Unauthorized for a token that has since been replaced replays with the new one
// and does not log in.
func TestStaleUnauthorizedReplaysWithoutLogin(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	release := make(chan struct{})
	arrived := make(chan struct{})
	var once sync.Once
	f.queryHook = func(w http.ResponseWriter, r *http.Request, body gqlBody, tok string, valid bool) bool {
		if body.OperationName == "Slow" {
			first := false
			once.Do(func() { first = true })
			if first {
				close(arrived)
				<-release
				writeUnauthorized(w) // token A has been rotated away meanwhile
				return true
			}
		}
		if body.OperationName == "Rotate" {
			w.Header().Set("X-Authorization", f.mint())
		}
		return false
	}
	s, _ := newTestSession(t, f, clock, nil)
	a := mustLogin(t, s, demoCreds(f))
	logins := f.logins.Load()

	type out struct {
		res *Result
		err error
	}
	slow := make(chan out, 1)
	go func() {
		r, err := s.Execute(context.Background(), Request{Query: "query Slow { hello }", OperationName: "Slow"})
		slow <- out{r, err}
	}()
	<-arrived
	clock.Advance(time.Second) // so the rotated token is strictly newer
	if _, err := s.Execute(context.Background(), Request{Query: "query Rotate { hello }", OperationName: "Rotate"}); err != nil {
		t.Fatal(err)
	}
	b, _ := s.Token()
	if b.Raw() == a.Raw() || b.Rotations != 1 || b.Source != "rotation X-Authorization" {
		t.Fatalf("rotation not adopted: %+v", b)
	}
	close(release)
	o := <-slow
	if o.err != nil {
		t.Fatal(o.err)
	}
	if !o.res.Replayed || o.res.ReLoggedIn {
		t.Fatalf("replayed=%v relogged=%v", o.res.Replayed, o.res.ReLoggedIn)
	}
	if f.logins.Load() != logins {
		t.Fatalf("logins went from %d to %d", logins, f.logins.Load())
	}
	sent := f.sentTokens()
	if last := sent[len(sent)-1]; last != b.Raw() {
		t.Fatal("the replay did not carry the rotated token")
	}
	if len(eventsOf(s, Rotated)) != 1 || eventsOf(s, Rotated)[0].Header != "X-Authorization" {
		t.Fatalf("rotation events: %v", eventsOf(s, Rotated))
	}
}

// Property 3: after a fresh login, a second Unauthorized is final: one re-login, one replay.
func TestSecondUnauthorizedGivesUp(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, _ string, _ bool) bool {
		writeUnauthorized(w) // the server refuses every token, even fresh ones
		return true
	}
	s, _ := newTestSession(t, f, clock, nil)
	mustLogin(t, s, demoCreds(f))
	res, err := s.Execute(context.Background(), hello())
	var ae *AuthError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v, want AuthError", err)
	}
	if f.logins.Load() != 2 || f.requests.Load() != 2 {
		t.Fatalf("logins=%d requests=%d, want 2 and 2", f.logins.Load(), f.requests.Load())
	}
	if res.Diagnosis.Cause != CauseRejectedWhileValid || res.Diagnosis.Action != "gave up: refused again after a re-login and a replay" {
		t.Fatalf("diagnosis = %+v", res.Diagnosis)
	}
	if len(res.ExchangeIDs) != 2 || len(eventsOf(s, GaveUp)) != 1 || len(eventsOf(s, ReLoggedIn)) != 1 {
		t.Fatalf("exchanges %v, timeline %v", res.ExchangeIDs, s.Timeline())
	}
}

func TestUnauthorizedWithPartialDataIsNotAuthFailure(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, _ string, _ bool) bool {
		fmt.Fprint(w, `{"data":{"a":1,"b":null},"errors":[{"message":"Unauthorized","path":["b"]}]}`)
		return true
	}
	s, _ := newTestSession(t, f, clock, nil)
	mustLogin(t, s, demoCreds(f))
	res, err := s.Execute(context.Background(), hello())
	if err != nil || res.Replayed || f.logins.Load() != 1 {
		t.Fatalf("err=%v replayed=%v logins=%d", err, res.Replayed, f.logins.Load())
	}
}

// resetAfterRead answers nothing: it reads the request then drops the connection.
func resetAfterRead(count *int, mu *sync.Mutex) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		*count++
		mu.Unlock()
		hj, ok := w.(http.Hijacker)
		if !ok {
			panic("no hijacker")
		}
		conn, _, _ := hj.Hijack()
		if tc, ok := conn.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // RST instead of FIN
		}
		conn.Close()
	}
}

// Property 12: a mutation whose request went out is never replayed after a reset, and is
// reported as possibly applied; a query is replayed once.
func TestMutationNotReplayedAfterReset(t *testing.T) {
	var mu sync.Mutex
	count := 0
	s, _ := newTestSession(t, resetAfterRead(&count, &mu), newFakeClock(), nil)
	_, err := s.Execute(context.Background(), Request{Query: "mutation M { m }", OperationName: "M", Mutation: true})
	var te *TransportError
	if !errors.As(err, &te) || !te.MayHaveApplied || !strings.Contains(err.Error(), "may have applied") {
		t.Fatalf("err = %v", err)
	}
	seen := func() int { mu.Lock(); defer mu.Unlock(); return count }
	if seen() != 1 {
		t.Fatalf("server saw the mutation %d times, want 1", seen())
	}
	_, err = s.Execute(context.Background(), hello())
	if !errors.As(err, &te) || te.MayHaveApplied {
		t.Fatalf("query err = %v", err)
	}
	if count := seen() - 1; count != 2 {
		t.Fatalf("server saw the query %d times, want 2 (one replay)", count)
	}
}

func TestRedirectIsNotFollowedAndTokenNotForwarded(t *testing.T) {
	clock := newFakeClock()
	var other sync.Mutex
	otherHits := 0
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other.Lock()
		otherHits++
		other.Unlock()
		w.Header().Set("X-Authorization", jwtAt(clock.Now(), 2*time.Hour, 99))
		fmt.Fprint(w, `{"data":{"hello":"evil"}}`)
	}))
	defer b.Close()
	f := newFakeAPI(clock)
	f.queryHook = func(w http.ResponseWriter, r *http.Request, _ gqlBody, _ string, _ bool) bool {
		http.Redirect(w, r, b.URL+"/graphql", http.StatusTemporaryRedirect)
		return true
	}
	s, _ := newTestSession(t, f, clock, nil)
	before := mustLogin(t, s, demoCreds(f))
	res, err := s.Execute(context.Background(), hello())
	if err != nil {
		t.Fatal(err)
	}
	var re *RedirectError
	if !errors.As(res.EnvelopeErr, &re) || res.Status != http.StatusTemporaryRedirect {
		t.Fatalf("status %d envErr %v", res.Status, res.EnvelopeErr)
	}
	if otherHits != 0 {
		t.Fatal("the redirect was followed")
	}
	if now, _ := s.Token(); now.Raw() != before.Raw() {
		t.Fatal("token changed")
	}
}

func TestResponseSizeCap(t *testing.T) {
	big := strings.Repeat("x", 2048)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"data":{"s":%q}}`, big)
	})
	s, _ := newTestSession(t, h, newFakeClock(), func(c *Config) { c.MaxBodyBytes = 1024 })
	_, err := s.Execute(context.Background(), hello())
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "response larger than 1 KiB") {
		t.Fatalf("err = %v", err)
	}
	if ex := s.Exchanges(); len(ex) != 1 {
		t.Fatalf("a capped response must not be replayed; exchanges = %d", len(ex))
	}
}

func TestNonJSONBodyIsDescribed(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, "<html>\x1b[2J bad gateway</html>")
	})
	s, _ := newTestSession(t, h, newFakeClock(), nil)
	res, err := s.Execute(context.Background(), hello())
	if err != nil {
		t.Fatal(err)
	}
	msg := fmt.Sprint(res.EnvelopeErr)
	if !strings.Contains(msg, "not JSON (text/html, HTTP 502)") || strings.Contains(msg, "\x1b") {
		t.Fatalf("EnvelopeErr = %q", msg)
	}
}

func TestEndpointValidation(t *testing.T) {
	for _, tc := range []struct {
		url      string
		insecure bool
		ok       bool
	}{
		{"https://api.example.com/graphql", false, true},
		{"http://127.0.0.1:8080/graphql", false, true},
		{"http://localhost/graphql", false, true},
		{"http://[::1]:80/graphql", false, true},
		{"http://api.example.com/graphql", false, false},
		{"http://api.example.com/graphql", true, true},
		{"ftp://api.example.com/", false, false},
		{"https:///nohost", false, false},
		{"https://user:pw@api.example.com/", false, false},
		{"::not a url", false, false},
	} {
		_, err := New(Config{Endpoint: tc.url, Insecure: tc.insecure})
		if (err == nil) != tc.ok {
			t.Errorf("New(%q, insecure=%v) err = %v, want ok=%v", tc.url, tc.insecure, err, tc.ok)
		}
	}
}

func TestTLSVerificationStaysOn(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":{"hello":"tls"}}`)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the expected handshake failure is noise
	srv.StartTLS()
	defer srv.Close()
	s, err := New(Config{Endpoint: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Execute(context.Background(), hello()); err == nil {
		t.Fatal("a self-signed server was accepted")
	}
	// Trusting the server's CA explicitly works.
	s2, err := New(Config{Endpoint: srv.URL, BaseTransport: srv.Client().Transport})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if res, err := s2.Execute(context.Background(), hello()); err != nil || string(res.Envelope.Data) != `{"hello":"tls"}` {
		t.Fatalf("res %v err %v", res, err)
	}
}

func TestLoginRefusedIsAuthError(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, nil)
	_, err := s.Login(context.Background(), Credentials{Email: "demo@example.com", Password: "wrong-password"})
	var ae *AuthError
	if !errors.As(err, &ae) || ae.Diagnosis.Cause != CauseLoginRefused ||
		!strings.Contains(err.Error(), "login refused: Invalid credentials supplied") {
		t.Fatalf("err = %v", err)
	}
	if s.HasCredentials() {
		t.Fatal("refused credentials were kept")
	}
	if _, ok := s.Token(); ok {
		t.Fatal("a token was installed")
	}
}
