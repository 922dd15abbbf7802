package doctor

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// everyResponse makes the fake rotate on every authorized response: the step clock moves on
// between requests, so every token is older than a nanosecond when it comes back.
const everyResponse = time.Nanosecond

func TestDefaultServer(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{}, nil)
	if rep.Outcome != OK || rep.ExitCode() != 0 {
		t.Fatalf("outcome %s (%s)", rep.Outcome, rep.Problem)
	}
	if !rep.Reach.DNSSkipped || rep.Reach.Status != 200 || rep.Reach.TLS != nil {
		t.Errorf("reach %+v", rep.Reach)
	}
	l := rep.Logins[0]
	if !l.OK || l.By != "username" || strings.Join(l.Headers, ",") != "X-Authorization,Authorization" || !l.SameToken || l.Bearer {
		t.Errorf("login %+v", l)
	}
	if !l.JWT || l.Alg != "HS256" || l.Subject != "1042" || l.Lifetime.D() != time.Hour || !l.SkewKnown || l.Skew.D().Abs() >= skewNotable {
		t.Errorf("token facts %+v", l)
	}
	ref := rep.Refusal
	if ref == nil || ref.Status != 200 || ref.Message != "Unauthorized" || ref.CustomerFacing == nil || *ref.CustomerFacing || ref.HasData || !ref.Unauthorized {
		t.Fatalf("refusal %+v", ref)
	}
	if len(rep.Forms) != 3 || !rep.Forms[0].Accepted || rep.Forms[1].Accepted || rep.Forms[2].Accepted {
		t.Errorf("forms %+v", rep.Forms)
	}
	if rot := rep.Rotation; rot == nil || rot.Rotations != 0 || rot.Authorized != 3 || rot.OldChecked {
		t.Errorf("rotation %+v", rep.Rotation)
	}
	mustVerdict(t, rep, "HTTP status stays 200")
	mustVerdict(t, rep, "Send Authorization: Bearer <token>")
	mustVerdict(t, rep, "Read the token from X-Authorization")
	mustVerdict(t, rep, "a rotation may come later")
	mustVerdict(t, rep, "Refresh before 1h")
	if _, ok := verdictWith(rep, "Strip"); ok {
		t.Error("no Bearer prefix, yet a verdict to strip one")
	}
	if _, ok := verdictWith(rep, "clock"); ok {
		t.Error("clocks agree, yet a clock verdict")
	}
}

// The "done when": every response rotates with strict revocation, only through
// X-Authorization, as "Bearer <jwt>", and Unauthorized is HTTP 401. Each is named.
func TestStrictRotationXAuthorizationBearer401(t *testing.T) {
	rep, srv := probe(t, mockapi.Config{RotateAfter: everyResponse, Strict: true, RotateHeader: mockapi.RotateXAuthorization,
		BearerPrefix: true, UnauthStatus: 401}, nil)
	if rep.Outcome != OK {
		t.Fatalf("outcome %s (%s)\n%s", rep.Outcome, rep.Problem, rep.Text())
	}
	rot := rep.Rotation
	if rot == nil || !rot.Every || rot.Rotations != 3 || strings.Join(rot.Headers, ",") != "X-Authorization" || !rot.Bearer {
		t.Fatalf("rotation %+v", rot)
	}
	if !rot.OldChecked || rot.OldAccepted || rot.OldStatus != 401 {
		t.Fatalf("old token %+v", rot)
	}
	if srv.Stats().UnauthorizedReasons["superseded"] != 1 {
		t.Errorf("the fake saw %v", srv.Stats().UnauthorizedReasons)
	}
	if !rep.Logins[0].Bearer {
		t.Error("Bearer-prefixed login token not noticed")
	}
	if rep.Refusal == nil || rep.Refusal.Status != 401 {
		t.Fatalf("refusal %+v", rep.Refusal)
	}
	v := mustVerdict(t, rep, "Adopt the token from X-Authorization on every response: the old one is refused at once")
	if !strings.Contains(v.Because, "X-Authorization only") || !strings.Contains(v.Because, "HTTP 401") {
		t.Errorf("because %q", v.Because)
	}
	mustVerdict(t, rep, `Strip the "Bearer " prefix`)
	mustVerdict(t, rep, "Treat HTTP 401 as Unauthorized")
	mustVerdict(t, rep, "Do not rely on Authorization for rotations")
	text := rep.Text()
	for _, want := range []string{"on every response (3 of 3)", "strict revocation", `X-Authorization · "Bearer <jwt>"`, "HTTP 401"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestRotationWithGracePeriod(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{RotateAfter: everyResponse, Strict: true, Grace: time.Hour}, nil)
	rot := rep.Rotation
	if rot == nil || !rot.Every || !rot.OldChecked || !rot.OldAccepted {
		t.Fatalf("rotation %+v", rot)
	}
	if strings.Join(rot.Headers, ",") != "X-Authorization,Authorization" || rot.Bearer {
		t.Errorf("headers %v bearer %v", rot.Headers, rot.Bearer)
	}
	mustVerdict(t, rep, "the previous one still works for a while (grace period)")
	if _, ok := verdictWith(rep, "Do not rely on Authorization"); ok {
		t.Error("rotations came in both headers")
	}
}

func TestRotationOnlyThroughAuthorization(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{RotateAfter: everyResponse, RotateHeader: mockapi.RotateAuthorization}, nil)
	if rot := rep.Rotation; rot == nil || strings.Join(rot.Headers, ",") != "Authorization" {
		t.Fatalf("rotation %+v", rep.Rotation)
	}
	mustVerdict(t, rep, "Adopt the token from Authorization on every response")
}

func TestBareTokenAccepted(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{AcceptBareToken: true}, nil)
	if !rep.Forms[0].Accepted || !rep.Forms[1].Accepted || rep.Forms[2].Accepted {
		t.Fatalf("forms %+v", rep.Forms)
	}
	v := mustVerdict(t, rep, "Send Authorization: Bearer <token>")
	if !strings.Contains(v.Because, "accepted: Authorization: Bearer <token> #3, Authorization: <token> (no scheme) #4") {
		t.Errorf("because %q", v.Because)
	}
}

func TestServerClockAhead(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{ClockSkew: 3 * time.Second}, nil)
	l := rep.Logins[0]
	if !l.SkewKnown || l.Skew.D() < 2*time.Second || l.Skew.D() > 4*time.Second {
		t.Fatalf("skew %v", l.Skew.D())
	}
	mustVerdict(t, rep, "the server's clock is 3s ahead")
}

func TestLoginByUsernameAndEmail(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{}, func(c *Config) { c.Email = mockapi.DemoEmail })
	if len(rep.Logins) != 2 || rep.Logins[1].By != "email" || !rep.Logins[1].OK || rep.Outcome != OK {
		t.Fatalf("logins %+v", rep.Logins)
	}
}

func TestWrongPassword(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{}, func(c *Config) { c.Password = "wrong-CANARY-pw" })
	if rep.Outcome != AuthFailed || rep.ExitCode() != 2 {
		t.Fatalf("outcome %s", rep.Outcome)
	}
	l := rep.Logins[0]
	if l.OK || l.Message != "Invalid credentials" || l.CustomerFacing == nil || *l.CustomerFacing {
		t.Fatalf("login %+v", l)
	}
	if len(rep.Requests) != 2 || rep.Rotation != nil {
		t.Errorf("nothing but the bare request and the login should run: %+v", rep.Requests)
	}
	mustVerdict(t, rep, "Check the credentials for login by username")
}

func TestEmailRefusedUsernameWorks(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{}, func(c *Config) { c.Email = "nobody@example.com" })
	if rep.Outcome != AuthFailed || !strings.Contains(rep.Problem, "email") {
		t.Fatalf("outcome %s (%s)", rep.Outcome, rep.Problem)
	}
	if rep.Rotation == nil || rep.Rotation.Authorized == 0 {
		t.Error("the username's token should still be probed")
	}
}

func TestNoCredentials(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{}, func(c *Config) { c.Username, c.Password = "", "" })
	if rep.Outcome != AuthFailed || len(rep.Requests) != 1 || rep.Refusal == nil {
		t.Fatalf("outcome %s, %d requests", rep.Outcome, len(rep.Requests))
	}
}

func TestUnreachable(t *testing.T) {
	hs := httptest.NewServer(http.NotFoundHandler())
	url := hs.URL + "/graphql"
	hs.Close()
	rep, err := Run(context.Background(), Config{Endpoint: url, Username: "u", Password: "p", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != Unreachable || rep.ExitCode() != 3 || rep.Reach.Error == "" || len(rep.Requests) != 1 {
		t.Fatalf("report %+v", rep)
	}
	mustVerdict(t, rep, "Fix reachability first")
}

func TestHTMLGatewayIsUnreachable(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{FailureRate: 1}, nil)
	if rep.Outcome != Unreachable || rep.Reach.Status != 502 || !strings.Contains(rep.Reach.Error, "not JSON") {
		t.Fatalf("outcome %s reach %+v", rep.Outcome, rep.Reach)
	}
}

func TestBadEndpointIsAnError(t *testing.T) {
	for _, ep := range []string{"ftp://example.com/graphql", "http://example.com/graphql", "https://user:pw@example.com/"} {
		if _, err := Run(context.Background(), Config{Endpoint: ep}); err == nil {
			t.Errorf("%s: no error", ep)
		}
	}
}

func TestTLSFacts(t *testing.T) {
	srv := mockapi.New(mockapi.Config{})
	hs := httptest.NewTLSServer(srv)
	defer hs.Close()
	pool := hs.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs
	cfg := Config{Endpoint: hs.URL + "/graphql", Username: mockapi.DemoUsername, Password: mockapi.DemoPassword, RootCAs: pool, Timeout: 5 * time.Second}
	rep, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	tf := rep.Reach.TLS
	if rep.Outcome != OK || tf == nil {
		t.Fatalf("outcome %s, tls %+v, %s", rep.Outcome, tf, rep.Reach.Error)
	}
	leaf := hs.Certificate()
	if tf.Version != "TLS 1.3" || tf.Subject != leaf.Subject.String() || !tf.NotAfter.Equal(leaf.NotAfter.UTC()) || tf.ExpiresIn <= 0 {
		t.Errorf("tls facts %+v", tf)
	}
	if rep.Reach.RemoteAddr == "" {
		t.Error("no connect facts")
	}

	// Without trusting the test CA the certificate is refused: verification is never off.
	cfg.RootCAs = nil
	rep, err = Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != Unreachable || !strings.Contains(rep.Reach.Error, "certificate") {
		t.Fatalf("untrusted certificate: outcome %s, %q", rep.Outcome, rep.Reach.Error)
	}
}

func TestNoRedirectIsFollowed(t *testing.T) {
	target := httptest.NewServer(rawHandler(200, nil, `{"data":{}}`))
	defer target.Close()
	hs := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusTemporaryRedirect))
	defer hs.Close()
	rep, err := Run(context.Background(), Config{Endpoint: hs.URL, Username: "u", Password: "p", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Reach.Status != http.StatusTemporaryRedirect || rep.Outcome != Unreachable {
		t.Fatalf("status %d outcome %s", rep.Reach.Status, rep.Outcome)
	}
}

func TestServerTextIsEscaped(t *testing.T) {
	body := `{"errors":[{"message":"\u001b[2J\u001b]52;c;SGVsbG8=\u0007Unauthorized\u009b\u202e","locations":[],"customer_facing":false}]}`
	hs := httptest.NewServer(rawHandler(200, map[string]string{"Content-Type": "application/json"}, body))
	defer hs.Close()
	rep, err := Run(context.Background(), Config{Endpoint: hs.URL, Username: "u", Password: "p", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := rep.JSON()
	for name, out := range map[string]string{"text": rep.Text(), "json": string(js)} {
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s output holds %q", name, bad)
			}
		}
	}
	if !strings.Contains(rep.Text(), `\x1b[2J`) {
		t.Errorf("the escape should be visible:\n%s", rep.Text())
	}
}

func TestLoginOnlyInXAuthorization(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{LoginHeader: mockapi.RotateXAuthorization}, nil)
	if l := rep.Logins[0]; strings.Join(l.Headers, ",") != "X-Authorization" || l.SameToken {
		t.Fatalf("login %+v", l)
	}
	mustVerdict(t, rep, "Read the token from X-Authorization: there is no Authorization header")
}

func TestLoginOnlyInAuthorization(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{LoginHeader: mockapi.RotateAuthorization}, nil)
	if rep.Outcome != OK || strings.Join(rep.Logins[0].Headers, ",") != "Authorization" {
		t.Fatalf("outcome %s login %+v", rep.Outcome, rep.Logins[0])
	}
	mustVerdict(t, rep, "Read the token from Authorization: there is no X-Authorization header")
}

func TestNonStrictRotationKeepsTheOldToken(t *testing.T) {
	rep, _ := probe(t, mockapi.Config{RotateAfter: everyResponse}, nil)
	if rot := rep.Rotation; rot == nil || !rot.OldChecked || !rot.OldAccepted {
		t.Fatalf("rotation %+v", rep.Rotation)
	}
}

func TestHostNameIsLookedUp(t *testing.T) {
	if addrs, err := (&net.Resolver{}).LookupHost(context.Background(), "localhost"); err != nil || len(addrs) == 0 {
		t.Skip("this machine cannot resolve localhost")
	}
	srv := mockapi.New(mockapi.Config{})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(hs.URL, "http://"))
	rep, err := Run(context.Background(), Config{Endpoint: "http://localhost:" + port + "/graphql",
		Username: mockapi.DemoUsername, Password: mockapi.DemoPassword, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Reach.DNSSkipped || len(rep.Reach.Addresses) == 0 || rep.Reach.Host != "localhost" {
		t.Fatalf("reach %+v", rep.Reach)
	}
}

// A server that answers introspection without a token: the header forms cannot be told apart, and
// the report must say so rather than claim every form works.
func TestOpenIntrospectionIsInconclusive(t *testing.T) {
	jwt := "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3IiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDM2MDB9.c2ln"
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Query string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("Content-Type", "application/json")
		if strings.Contains(body.Query, "loginUser") {
			w.Header().Set("X-Authorization", jwt)
			_, _ = w.Write([]byte(`{"data":{"loginUser":{"id":"7"}}}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":{"__schema":{"queryType":{"name":"Query"}}}}`))
	}))
	defer hs.Close()
	rep, err := Run(context.Background(), Config{Endpoint: hs.URL, Username: "u", Password: "p", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != OK || rep.Refusal != nil {
		t.Fatalf("outcome %s refusal %+v", rep.Outcome, rep.Refusal)
	}
	mustVerdict(t, rep, "could not tell the forms apart")
	mustVerdict(t, rep, "Do not rely on the introspection probe")
	if l := rep.Logins[0]; l.Lifetime.D() != time.Hour || l.Subject != "7" {
		t.Errorf("login %+v", l)
	}
}

func TestDNSFailureSendsNothing(t *testing.T) {
	noDNS := &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) {
		return nil, errors.New("no DNS server here")
	}}
	rep, err := Run(context.Background(), Config{Endpoint: "https://toggle.invalid/graphql", Username: "u", Password: "p",
		Resolver: noDNS, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != Unreachable || rep.ExitCode() != 3 || len(rep.Requests) != 0 || !strings.HasPrefix(rep.Reach.Error, "DNS: ") {
		t.Fatalf("report %+v", rep)
	}
	v := mustVerdict(t, rep, "Fix reachability first")
	if !strings.Contains(v.Because, "the DNS lookup of toggle.invalid") {
		t.Errorf("because %q", v.Because)
	}
}
