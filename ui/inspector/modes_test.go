package inspector

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// The mode tests drive a real session against the fake API, served in-process, through each
// failure the API can produce, and check what the inspector makes of it. Everything a golden shows
// is deterministic: one fake clock drives the server (Config.Now) and the session, the signing key
// is fixed (so tokens, jti and fingerprints repeat), and the view's clock is fixed. The one wall
// reading, an exchange's Duration, appears only in the Requests list's "took" column, which is
// checked against the exchange log instead of a golden; the diff's clock line also reads it, but
// only after rounding to the second, far above any in-process round trip.

// modeEndpoint never receives a connection (handlerTransport answers), so the frame title is the
// same on every run.
const modeEndpoint = "http://127.0.0.1:1/graphql"

// modeStart is the fake clock's reading at login.
var modeStart = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

const (
	modeCards      = `query Cards { Cards(limit: 1) { total } }`
	modeSigningKey = "inspector-modes-signing-key"
	// modePassword is the canary the package's secret checks already look for, so every view is
	// also checked for the login password.
	modePassword = passwordCanary
)

// handlerTransport serves each request straight from an http.Handler, with no socket.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		defer r.Body.Close()
	}
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	res := rec.Result()
	res.Request = r
	return res, nil
}

// gateTransport holds the next `hold` requests until the test releases each one, so two requests
// can be put in flight in a fixed order: each held request hands its release channel to held.
type gateTransport struct {
	next http.RoundTripper
	held chan chan struct{}

	mu   sync.Mutex
	hold int
}

func (g *gateTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	g.mu.Lock()
	hold := g.hold > 0
	if hold {
		g.hold--
	}
	g.mu.Unlock()
	if hold {
		release := make(chan struct{})
		select {
		case g.held <- release:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
		select {
		case <-release:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
	return g.next.RoundTrip(r)
}

func (g *gateTransport) holdNext(n int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.hold = n
}

// rig is one fake API, the session under test and everything needed to look at it afterwards.
type rig struct {
	t    *testing.T
	clk  *testClock
	api  *mockapi.Server
	gate *gateTransport
	s    *session.Session
	raws []string // every raw token the test saw, for the secret checks
}

// newRig starts a fake API with cfg on the shared clock and a fixed key, and a session on it.
func newRig(t *testing.T, cfg mockapi.Config) *rig {
	t.Helper()
	r := &rig{t: t, clk: &testClock{t: modeStart}}
	cfg.Now, cfg.SigningKey, cfg.Password = r.clk.Now, []byte(modeSigningKey), modePassword
	r.api = mockapi.New(cfg)
	r.gate = &gateTransport{next: handlerTransport{r.api}, held: make(chan chan struct{})}
	r.s = r.newSession()
	return r
}

// newSession builds a session on the rig's clock and transport. Its refresh loop is never
// started: time moves only when the test says, and no background refresh hides an expiry.
func (r *rig) newSession() *session.Session {
	r.t.Helper()
	s, err := session.New(session.Config{Endpoint: modeEndpoint, Clock: r.clk, BaseTransport: r.gate, CheckInterval: time.Hour})
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(s.Close)
	return s
}

func (r *rig) login() {
	r.t.Helper()
	if _, err := r.s.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: modePassword}); err != nil {
		r.t.Fatal(err)
	}
	r.noteToken(r.s)
}

// cards runs the Cards query; it returns the error too, since some modes end in one.
func (r *rig) cards() (*session.Result, error) {
	res, err := r.s.Execute(context.Background(), session.Request{Query: modeCards, OperationName: "Cards"})
	r.noteToken(r.s)
	return res, err
}

// goodCards runs the Cards query and requires an answer with data.
func (r *rig) goodCards() {
	r.t.Helper()
	res, err := r.cards()
	if err != nil {
		r.t.Fatal(err)
	}
	if res.EnvelopeErr != nil || len(res.Envelope.Errors) > 0 || res.Replayed {
		r.t.Fatalf("Cards did not simply succeed: envelope %v, errors %v, replayed %v", res.EnvelopeErr, res.Envelope.Errors, res.Replayed)
	}
}

func (r *rig) noteToken(s *session.Session) {
	if tok, ok := s.Token(); ok && !slices.Contains(r.raws, tok.Raw()) {
		r.raws = append(r.raws, tok.Raw())
	}
}

// recv waits for a value from a goroutine of the test; the bound only turns a deadlock into a
// failure, it measures nothing.
func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never arrived", what)
		var zero T
		return zero
	}
}

// outcome is what one Execute returned.
type outcome struct {
	res *session.Result
	err error
}

// mode is one way the API refuses a token and what the session and the inspector must make of it.
type mode struct {
	name string
	// cfg is the fake API's configuration (clock, key and password are set by the rig).
	cfg mockapi.Config
	// run tells the story and returns the outcome of the call that met the refusal.
	run func(r *rig) outcome
	// reason is the fake's own record of why it refused (Stats.UnauthorizedReasons).
	reason string
	// cause, summary (a prefix) and action are the session's diagnosis of the refusal.
	cause   session.Cause
	summary string
	action  string
	// gaveUp: the call ended in an AuthError; else it recovered, replaying after a re-login
	// (relogin) or with a token that had already replaced the refused one.
	gaveUp, relogin bool
	// kinds is the whole timeline, oldest first.
	kinds []session.EventKind
	// diffs are the fields the diff must mark as changed.
	diffs []string
	// extra checks what only this mode can show (nil: nothing more).
	extra func(t *testing.T, r *rig, d *session.Diagnosis)
}

// Short names for the event kinds the mode table lists.
const (
	evLoggedIn     = session.LoggedIn
	evRotated      = session.Rotated
	evUnauthorized = session.Unauthorized
	evReLoggedIn   = session.ReLoggedIn
	evReplayed     = session.Replayed
	evGaveUp       = session.GaveUp
)

// modes lists the failures of issue 4's test requirement.
func modes() []mode {
	return []mode{
		{
			// Two requests leave with the first token; the first comes back with a rotation, which
			// (strict) supersedes the token the second still carries. The second is refused and
			// replayed with the rotated token: no login.
			name: "strict_rotation",
			cfg:  mockapi.Config{Strict: true, RotateAfter: 5 * time.Minute},
			run: func(r *rig) outcome {
				r.login()
				r.clk.advance(6 * time.Minute)
				r.gate.holdNext(2)
				first, second := make(chan outcome, 1), make(chan outcome, 1)
				go func() { res, err := r.cards(); first <- outcome{res, err} }()
				releaseFirst := recv(r.t, r.gate.held, "the first request")
				go func() { res, err := r.cards(); second <- outcome{res, err} }()
				releaseSecond := recv(r.t, r.gate.held, "the second request")
				close(releaseFirst)
				if o := recv(r.t, first, "the first answer"); o.err != nil || !rotatedBy(o.res) {
					r.t.Fatalf("the first request did not bring a rotation: %+v", o)
				}
				close(releaseSecond)
				return recv(r.t, second, "the second answer")
			},
			reason: "superseded", cause: session.CauseRejectedWhileValid,
			summary: "token rejected although valid for 54m more", action: "replayed with a newer token",
			kinds: []session.EventKind{evLoggedIn, evRotated, evUnauthorized, evReplayed},
			diffs: []string{"status", "token received", "error"},
			extra: func(t *testing.T, r *rig, d *session.Diagnosis) {
				// One login, one rotation: the replay used the rotated token, never a new login.
				if st := r.api.Stats(); st.Logins != 1 || st.Rotations != 1 {
					t.Errorf("logins %d, rotations %d; want 1 and 1", st.Logins, st.Rotations)
				}
				if tok, _ := r.s.Token(); tok.Rotations != 1 || tok.Fingerprint == d.SentFingerprint {
					t.Errorf("current token %v (%d rotations) after refusing fp:%s", tok, tok.Rotations, d.SentFingerprint)
				}
			},
		},
		{
			// A pasted token (no credentials) outlives its exp: the session sends it as is, the
			// server refuses it, and nothing can renew it.
			name: "expired_pasted_token",
			run: func(r *rig) outcome {
				donor := r.newSession()
				tok, err := donor.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername, Password: modePassword})
				if err != nil {
					r.t.Fatal(err)
				}
				if _, err := r.s.UseToken(tok.Raw(), "pasted"); err != nil {
					r.t.Fatal(err)
				}
				r.noteToken(r.s)
				r.clk.advance(time.Minute)
				r.goodCards()
				r.clk.advance(63 * time.Minute)
				res, err := r.cards()
				return outcome{res, err}
			},
			reason: "expired", cause: session.CauseExpired,
			summary: "token expired 4m ago", action: "gave up: no credentials held", gaveUp: true,
			kinds: []session.EventKind{evLoggedIn, evUnauthorized, evGaveUp},
			diffs: []string{"status", "error"},
			extra: func(t *testing.T, r *rig, d *session.Diagnosis) {
				// The only login is the donor's: the pasted session has nothing to log in with.
				if r.s.HasCredentials() || r.api.Stats().Logins != 1 || d.ExpiredAgo != 4*time.Minute {
					t.Errorf("credentials %v, logins %d, expired %v ago", r.s.HasCredentials(), r.api.Stats().Logins, d.ExpiredAgo)
				}
			},
		},
		{
			// The password changed on the server and every token was revoked: the refusal is
			// diagnosed, and so is the re-login that cannot cure it.
			name: "wrong_password",
			run: func(r *rig) outcome {
				r.login()
				r.clk.advance(time.Minute)
				r.goodCards()
				r.api.UpdateConfig(func(c *mockapi.Config) { c.Password = "changed-on-the-server" })
				r.api.RevokeTokens()
				r.clk.advance(time.Minute)
				res, err := r.cards()
				return outcome{res, err}
			},
			reason: "revoked", cause: session.CauseRejectedWhileValid,
			summary: "token rejected although valid for 58m more",
			action:  "gave up: logging in again was refused: Invalid credentials", gaveUp: true,
			kinds: []session.EventKind{evLoggedIn, evUnauthorized, evGaveUp, evGaveUp},
			diffs: []string{"status", "error"},
			extra: func(t *testing.T, r *rig, _ *session.Diagnosis) {
				// The re-login's refusal has a diagnosis of its own, on the timeline.
				var login *session.Diagnosis
				for _, e := range r.s.Timeline() {
					if e.Kind == evGaveUp && e.Operation == "loginUser" {
						login = e.Diagnosis
					}
				}
				if login == nil || login.Cause != session.CauseLoginRefused || login.Summary != "login refused: Invalid credentials" {
					t.Errorf("the refused re-login was diagnosed %+v", login)
				}
				if st := r.api.Stats(); st.FailedLogins != 1 {
					t.Errorf("failed logins %d, want 1", st.FailedLogins)
				}
				tv, _ := press(t, modeModel(r), "2")
				if !strings.Contains(tv.View(), "╰ login refused: Invalid credentials (gave up: login failed)") {
					t.Errorf("the timeline does not show the refused login:\n%s", tv.View())
				}
			},
		},
		{
			// The server answers Unauthorized with HTTP 401 (not Toggle's usual 200) after
			// revoking every token.
			name: "revoked_401",
			cfg:  mockapi.Config{UnauthStatus: http.StatusUnauthorized},
			run: func(r *rig) outcome {
				r.login()
				r.clk.advance(time.Minute)
				r.goodCards()
				r.api.RevokeTokens()
				r.clk.advance(time.Minute)
				res, err := r.cards()
				return outcome{res, err}
			},
			reason: "revoked", cause: session.CauseRejectedWhileValid,
			summary: "token rejected although valid for 58m more", action: "re-logged in and replayed", relogin: true,
			kinds: []session.EventKind{evLoggedIn, evUnauthorized, evReLoggedIn, evReplayed},
			diffs: []string{"status", "error"},
		},
		{
			// The server restarted with another signing key: the token no longer verifies.
			// RotateSigningKey draws a random key, which would make the re-login's token (and its
			// fingerprint in the goldens) differ on every run; switching to another fixed key is
			// the same restart, reproducibly. TestModeRandomSigningKey runs RotateSigningKey itself.
			name: "restarted_new_signing_key",
			run: func(r *rig) outcome {
				r.login()
				r.clk.advance(time.Minute)
				r.goodCards()
				r.api.UpdateConfig(func(c *mockapi.Config) { c.SigningKey = []byte("inspector-modes-key-after-restart") })
				r.clk.advance(time.Minute)
				res, err := r.cards()
				return outcome{res, err}
			},
			reason: "invalid", cause: session.CauseRejectedWhileValid,
			summary: "token rejected although valid for 58m more", action: "re-logged in and replayed", relogin: true,
			kinds: []session.EventKind{evLoggedIn, evUnauthorized, evReLoggedIn, evReplayed},
			diffs: []string{"status", "error"},
		},
		{
			// The server's clock jumps 90 minutes ahead: by its clock the token expired, by ours it
			// has 58 minutes left. The Date header tells the two apart.
			name: "clock_skew",
			run: func(r *rig) outcome {
				r.login()
				r.clk.advance(time.Minute)
				r.goodCards()
				r.api.UpdateConfig(func(c *mockapi.Config) { c.ClockSkew = 90 * time.Minute })
				r.clk.advance(time.Minute)
				res, err := r.cards()
				return outcome{res, err}
			},
			reason: "expired", cause: session.CauseClockSkew,
			summary: "server clock is 1h30m ahead of yours", action: "re-logged in and replayed", relogin: true,
			kinds: []session.EventKind{evLoggedIn, evUnauthorized, evReLoggedIn, evReplayed},
			diffs: []string{"status", "clock skew", "error"},
			extra: func(t *testing.T, _ *rig, d *session.Diagnosis) {
				if d.Skew != 90*time.Minute {
					t.Errorf("skew %v, want 1h30m", d.Skew)
				}
			},
		},
	}
}

// rotatedBy reports whether a result's response carried a rotated token.
func rotatedBy(res *session.Result) bool {
	return res != nil && (res.Header.Get("X-Authorization") != "" || res.Header.Get("Authorization") != "")
}

// TestModeGoldens produces each failure against the fake API, checks the session's diagnosis and
// the server's own reason for refusing, then renders the Timeline tab and the Requests tab's diff
// and compares them with goldens (-update rewrites them; the checks in code still have to pass).
//
// Note: when a request recovers, the session fills in its diagnosis's Action ("re-logged in and
// replayed") only after the Unauthorized event, which carries a snapshot taken before, has been
// published, and no later event carries the diagnosis. The inspector therefore shows no Action for
// a recovered request; the Result has it, and that is what is checked here for those modes.
func TestModeGoldens(t *testing.T) {
	for _, md := range modes() {
		t.Run(md.name, func(t *testing.T) {
			r := newRig(t, md.cfg)
			o := md.run(r)
			d := checkOutcome(t, md, o)
			checkServer(t, r.api, md.reason)
			checkTimeline(t, r.s, md.kinds)
			if md.extra != nil {
				md.extra(t, r, d)
			}

			m := modeModel(r)
			timeline, _ := press(t, m, "2")
			tv := timeline.View()
			if !strings.Contains(tv, "╰ "+md.summary) {
				t.Errorf("the timeline lacks the diagnosis %q:\n%s", md.summary, tv)
			}
			if md.gaveUp && !strings.Contains(tv, "gave up") {
				t.Errorf("the timeline does not say the session gave up:\n%s", tv)
			}
			if md.relogin && !strings.Contains(tv, "re-logged in") {
				t.Errorf("the timeline does not show the re-login:\n%s", tv)
			}
			// A recovery shows as the replay of the refused request, with the token it replaced.
			if !md.gaveUp && !strings.Contains(tv, " #"+strconv.FormatInt(lastUnauthorized(r.s), 10)+" Cards · was fp:"+d.SentFingerprint+" · "+d.Action) {
				t.Errorf("the timeline does not show the replay of the refused request:\n%s", tv)
			}

			diff, _ := press(t, m, "3", "d")
			if diff.page != pageDiff {
				t.Fatalf("no diff: good #%d, bad #%d", diff.snap.good.ID, diff.snap.bad.ID)
			}
			dv := diff.View()
			checkDiff(t, diff, dv, d, md)

			requests, _ := press(t, m, "3")
			checkDurations(t, r.s.Exchanges(), requests.View())
			for _, v := range []string{tv, dv, requests.View()} {
				checkNoSecrets(t, r, v)
			}

			t.Run("timeline", func(t *testing.T) { golden.RequireEqual(t, []byte(tv)) })
			t.Run("diff", func(t *testing.T) { golden.RequireEqual(t, []byte(dv)) })
		})
	}
	t.Run("expired_with_credentials", testExpiredWithCredentials)
}

// lastUnauthorized is the ID of the newest exchange the server refused (0 when none).
func lastUnauthorized(s *session.Session) int64 {
	xs := s.Exchanges()
	for i := len(xs) - 1; i >= 0; i-- {
		if session.ExchangeUnauthorized(xs[i]) {
			return xs[i].ID
		}
	}
	return 0
}

// Expiry with credentials held: the clock passes exp while nothing refreshes (a laptop asleep),
// so the next request logs in first and never sends the expired token. Nothing is refused, so
// there is no diagnosis and nothing to diff: only the timeline has a story to tell.
func testExpiredWithCredentials(t *testing.T) {
	r := newRig(t, mockapi.Config{})
	r.login()
	expired, _ := r.s.Token()
	r.clk.advance(time.Minute)
	r.goodCards()
	r.clk.advance(64 * time.Minute)
	r.goodCards()

	checkServer(t, r.api, "")
	checkTimeline(t, r.s, []session.EventKind{evLoggedIn, session.Refreshed})
	xs := r.s.Exchanges()
	ops := make([]string, len(xs))
	for i, x := range xs {
		ops[i] = x.Operation
	}
	if want := []string{"loginUser", "Cards", "loginUser", "Cards"}; !slices.Equal(ops, want) {
		t.Fatalf("exchanges %v, want %v (a login before the request after expiry)", ops, want)
	}
	if last := xs[len(xs)-1]; last.SentFingerprint == expired.Fingerprint || last.SentFingerprint != xs[2].ReceivedFingerprint {
		t.Errorf("the request after expiry sent fp:%s; expired fp:%s, new fp:%s", last.SentFingerprint, expired.Fingerprint, xs[2].ReceivedFingerprint)
	}

	m := modeModel(r)
	timeline, _ := press(t, m, "2")
	tv := timeline.View()
	if !strings.Contains(tv, "refreshed") || !strings.Contains(tv, "was fp:"+expired.Fingerprint) {
		t.Errorf("the timeline does not show the login that replaced the expired token:\n%s", tv)
	}
	requests, _ := press(t, m, "3", "d")
	if requests.page == pageDiff || !strings.Contains(requests.View(), "nothing to diff") {
		t.Errorf("d with nothing refused opened a diff or said nothing:\n%s", requests.View())
	}
	checkDurations(t, xs, requests.View())
	for _, v := range []string{tv, requests.View()} {
		checkNoSecrets(t, r, v)
	}
	t.Run("timeline", func(t *testing.T) { golden.RequireEqual(t, []byte(tv)) })
}

// The real RotateSigningKey (a random key) gets the same diagnosis as the golden's fixed key.
// No golden: the re-login's token, and so its fingerprint, changes on every run.
func TestModeRandomSigningKey(t *testing.T) {
	md := mode{
		name: "random_signing_key", reason: "invalid", cause: session.CauseRejectedWhileValid,
		summary: "token rejected although valid for 58m more", action: "re-logged in and replayed", relogin: true,
		kinds: []session.EventKind{evLoggedIn, evUnauthorized, evReLoggedIn, evReplayed},
		diffs: []string{"status", "error"},
	}
	r := newRig(t, mockapi.Config{})
	r.login()
	r.clk.advance(time.Minute)
	r.goodCards()
	r.api.RotateSigningKey()
	r.clk.advance(time.Minute)
	res, err := r.cards()
	d := checkOutcome(t, md, outcome{res, err})
	checkServer(t, r.api, md.reason)
	checkTimeline(t, r.s, md.kinds)
	diff, _ := press(t, modeModel(r), "3", "d")
	if diff.page != pageDiff {
		t.Fatal("no diff")
	}
	checkDiff(t, diff, diff.View(), d, md)
}

// modeModel is the inspector over the rig's session at 120×40, its clock at the fake clock's
// final reading (fixed by the story, so the same on every run).
func modeModel(r *rig) Model {
	ctx := common.NewContext(themes.Default())
	ctx.Now = r.clk.Now()
	m := New(ctx, r.s)
	m = m.SetSize(120, 40)
	return m
}

// checkOutcome checks how the failing call ended and returns its diagnosis.
func checkOutcome(t *testing.T, md mode, o outcome) *session.Diagnosis {
	t.Helper()
	var d *session.Diagnosis
	if md.gaveUp {
		var ae *session.AuthError
		if !errors.As(o.err, &ae) || ae.Diagnosis == nil {
			t.Fatalf("want an AuthError with a diagnosis, got %v", o.err)
		}
		if got := session.Outcome(o.res, o.err); got != session.OutcomeUnauthorized {
			t.Errorf("outcome %q, want %q", got, session.OutcomeUnauthorized)
		}
		d = ae.Diagnosis
	} else {
		if o.err != nil {
			t.Fatalf("the call did not recover: %v", o.err)
		}
		if !o.res.Replayed || o.res.ReLoggedIn != md.relogin {
			t.Errorf("replayed %v, re-logged in %v; want true, %v", o.res.Replayed, o.res.ReLoggedIn, md.relogin)
		}
		if got := session.Outcome(o.res, o.err); got != session.OutcomeOK {
			t.Errorf("outcome %q, want %q", got, session.OutcomeOK)
		}
		d = o.res.Diagnosis
		if d == nil {
			t.Fatal("a recovered call carries no diagnosis of the Unauthorized it met")
		}
	}
	if d.Cause != md.cause || !strings.HasPrefix(d.Summary, md.summary) || d.Action != md.action {
		t.Errorf("diagnosis %v / %q / %q; want %v / %q… / %q", d.Cause, d.Summary, d.Action, md.cause, md.summary, md.action)
	}
	return d
}

// checkServer checks that the fake refused exactly once, for the mode's reason ("" for none).
func checkServer(t *testing.T, api *mockapi.Server, reason string) {
	t.Helper()
	st := api.Stats()
	want := map[string]int{}
	if reason != "" {
		want[reason] = 1
	}
	got := map[string]int{}
	for k, v := range st.UnauthorizedReasons {
		if v != 0 {
			got[k] = v
		}
	}
	if len(got) != len(want) || got[reason] != want[reason] {
		t.Errorf("the fake refused %v, want %v", got, want)
	}
}

// checkTimeline checks the session's events, oldest first, kind by kind.
func checkTimeline(t *testing.T, s *session.Session, want []session.EventKind) {
	t.Helper()
	var got []session.EventKind
	for _, e := range s.Timeline() {
		got = append(got, e.Kind)
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline %v, want %v", got, want)
	}
}

// checkDiff checks the diff page compares the right pair, marks the mode's fields and shows the
// diagnosis.
func checkDiff(t *testing.T, m Model, view string, d *session.Diagnosis, md mode) {
	t.Helper()
	if m.snap.bad.SentFingerprint != d.SentFingerprint {
		t.Errorf("the diff's failing request sent fp:%s, the diagnosis is about fp:%s", m.snap.bad.SentFingerprint, d.SentFingerprint)
	}
	var changed []string
	for _, l := range session.DiffExchanges(m.snap.good, m.snap.bad) {
		if !l.Same {
			changed = append(changed, l.Field)
			if !strings.Contains(view, "≠ "+l.Field) {
				t.Errorf("the diff does not mark %q:\n%s", l.Field, view)
			}
		}
	}
	if !slices.Equal(changed, md.diffs) {
		t.Errorf("changed fields %v, want %v", changed, md.diffs)
	}
	want := []string{"Diagnosis   " + md.summary, "Cause       " + md.cause.String()}
	if md.gaveUp {
		// Only a final refusal's action reaches the inspector: see the note on TestModeGoldens.
		want = append(want, "Action      "+md.action)
	}
	for _, want := range want {
		if !strings.Contains(view, want) {
			t.Errorf("the diff lacks %q:\n%s", want, view)
		}
	}
}

// checkDurations checks the Requests list's "took" column against the exchange log: the one
// column the goldens leave out because it is wall time.
func checkDurations(t *testing.T, xs []session.Exchange, view string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	for _, x := range xs {
		if x.Duration <= 0 {
			t.Errorf("exchange #%d has no duration", x.ID)
		}
		id := "#" + strconv.FormatInt(x.ID, 10) + " "
		i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, id) })
		if i < 0 || !strings.Contains(lines[i], " "+display.Duration(x.Duration)+" ") {
			t.Errorf("exchange #%d: took %s is not on its row %q", x.ID, display.Duration(x.Duration), lines[max(i, 0)])
		}
	}
}

func checkNoSecrets(t *testing.T, r *rig, view string) {
	t.Helper()
	for _, raw := range r.raws {
		assertNoSecret(t, "mode view", view, raw)
	}
}
