package statusbar

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

func TestMain(m *testing.M) {
	// Goldens must not depend on the terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// epoch is when every test token arrived; a fixed instant keeps goldens stable.
func epoch() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// testToken is an opaque (non-JWT) token received at epoch(): the session assumes Toggle's
// 60-minute lifetime for it, which is exactly the lifetime the bar's thresholds are about.
func testToken(t *testing.T) session.Token {
	t.Helper()
	tok, err := session.ParseToken("opaque-statusbar-test-token", epoch(), "test")
	if err != nil {
		t.Fatal(err)
	}
	if got := tok.Lifetime(); got != 60*time.Minute {
		t.Fatalf("test token lifetime = %v, want 60m", got)
	}
	return tok
}

func TestClassify(t *testing.T) {
	tok := testToken(t)
	at := func(d time.Duration) time.Time { return epoch().Add(d) }
	const ns = time.Nanosecond
	cases := []struct {
		name    string
		token   session.Token
		refresh RefreshState
		now     time.Time
		want    TokenState
	}{
		{"no token", session.Token{}, RefreshIdle, at(0), StateNone},
		{"no token even when a refresh failed", session.Token{}, RefreshFailedLast, at(0), StateNone},
		{"just received", tok, RefreshIdle, at(0), StateFresh},
		// A sixth of 60 minutes is 10: at exactly 10 minutes left the token is still fresh.
		{"fresh at exactly a sixth left", tok, RefreshIdle, at(50 * time.Minute), StateFresh},
		{"due just under a sixth left", tok, RefreshIdle, at(50*time.Minute + ns), StateDue},
		{"due a nanosecond before expiry", tok, RefreshIdle, at(60*time.Minute - ns), StateDue},
		{"expired at the expiry instant", tok, RefreshIdle, at(60 * time.Minute), StateExpired},
		{"expired long ago", tok, RefreshIdle, at(5 * time.Hour), StateExpired},
		{"refreshing", tok, RefreshRunning, at(55 * time.Minute), StateRefreshing},
		{"refreshing while fresh", tok, RefreshRunning, at(time.Minute), StateRefreshing},
		{"failed", tok, RefreshFailedLast, at(55 * time.Minute), StateFailed},
		{"failed wins over refreshing order", tok, RefreshFailedLast, at(time.Minute), StateFailed},
		// Expiry is the one fact the user must not miss: it wins over a failed refresh.
		{"expired wins over failed", tok, RefreshFailedLast, at(60 * time.Minute), StateExpired},
		{"expired wins over refreshing", tok, RefreshRunning, at(61 * time.Minute), StateExpired},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Classify(Snapshot{Token: c.token, Refresh: c.refresh}, c.now)
			if got != c.want {
				t.Fatalf("Classify = %v, want %v", got, c.want)
			}
		})
	}
}

// A token the server refused for good is useless although unexpired: the bar must not call it
// fresh, but an expiry still says more.
func TestClassifyRejected(t *testing.T) {
	tok := testToken(t)
	at := func(d time.Duration) time.Time { return epoch().Add(d) }
	cases := []struct {
		name     string
		rejected string
		refresh  RefreshState
		now      time.Time
		want     TokenState
	}{
		{"this token rejected", tok.Fingerprint, RefreshIdle, at(time.Minute), StateRejected},
		{"rejected wins over a failed refresh", tok.Fingerprint, RefreshFailedLast, at(55 * time.Minute), StateRejected},
		{"rejected wins over refresh due", tok.Fingerprint, RefreshIdle, at(55 * time.Minute), StateRejected},
		{"expired wins over rejected", tok.Fingerprint, RefreshIdle, at(60 * time.Minute), StateExpired},
		{"an older token was rejected", "0123456789ab", RefreshIdle, at(time.Minute), StateFresh},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Classify(Snapshot{Token: tok, Refresh: c.refresh, Rejected: c.rejected}, c.now)
			if got != c.want {
				t.Fatalf("Classify = %v, want %v", got, c.want)
			}
		})
	}
}

func TestTokenStateString(t *testing.T) {
	want := map[TokenState]string{
		StateNone: "no token", StateFresh: "fresh", StateDue: "refresh due", StateRefreshing: "refreshing",
		StateExpired: "expired", StateFailed: "refresh failed", StateRejected: "rejected",
	}
	for s, w := range want {
		if got := s.String(); got != w {
			t.Errorf("%d.String() = %q, want %q", int(s), got, w)
		}
	}
}

// fullSnapshot has every optional segment, with long values so that they compete for room.
func fullSnapshot(t *testing.T) Snapshot {
	tok := testToken(t)
	tok.Rotations = 3
	return Snapshot{
		Endpoint: "https://api.partner-sandbox.toggle.example.com/graphql",
		Identity: "till-operator@bistro.example.com",
		Token:    tok,
		Insecure: true,
		Last: &LastRequest{Status: 200, Duration: 43 * time.Millisecond, Outcome: "ok",
			At: epoch().Add(4*time.Minute + 10*time.Second)},
	}
}

func contextAt(now time.Time) *common.Context {
	ctx := common.NewContext(themes.Default())
	ctx.Now = now
	return ctx
}

// The token's age and expiry are the bar's reason to exist: they survive every width down to 80
// columns in full, while the optional segments give way; and the bar always fills its width
// exactly, so nothing beside or below it shifts.
func TestRenderNarrowKeepsTokenSegment(t *testing.T) {
	s := fullSnapshot(t)
	ctx := contextAt(epoch().Add(4*time.Minute + 12*time.Second))
	const tokenPart = "token 4m12s · expires in 55m48s"
	optional := []string{"INSECURE (--insecure)", "last 200 ok in 43ms, 2s ago", "3 rotations",
		"till-operator@bistro.example.com on api.partner-sandbox.toggle.example.com"}

	wide := Render(ctx, s, 400)
	for _, seg := range append([]string{"FRESH", tokenPart}, optional...) {
		if !strings.Contains(wide, seg) {
			t.Fatalf("at 400 columns the bar lacks %q:\n%s", seg, wide)
		}
	}
	dropped := false
	for w := 400; w >= 40; w-- {
		bar := Render(ctx, s, w)
		if got := lipgloss.Width(bar); got != w {
			t.Fatalf("width %d: bar is %d cells wide:\n%s", w, got, bar)
		}
		if strings.Contains(bar, "\n") {
			t.Fatalf("width %d: bar spans several lines", w)
		}
		if w >= 80 && !strings.Contains(bar, tokenPart) {
			t.Fatalf("width %d: the token segment was cut:\n%s", w, bar)
		}
		for _, seg := range optional {
			if !strings.Contains(bar, seg) {
				dropped = true
			} else if strings.Contains(bar, seg+"…") {
				t.Fatalf("width %d: optional segment %q was cut instead of dropped", w, seg)
			}
		}
	}
	if !strings.Contains(Render(ctx, s, 80), "FRESH") {
		t.Fatal("the state badge is missing at 80 columns")
	}
	if !dropped {
		t.Fatal("no optional segment was ever dropped: the test does not exercise narrowing")
	}
	// At 80 columns the long identity cannot fit, but the short segments after it still can.
	bar80 := Render(ctx, s, 80)
	if strings.Contains(bar80, "till-operator") || !strings.Contains(bar80, "3 rotations") {
		t.Fatalf("at 80 columns expected the identity dropped and the rotations kept:\n%s", bar80)
	}
}

func TestRenderStates(t *testing.T) {
	tok := testToken(t)
	cases := []struct {
		name  string
		s     Snapshot
		now   time.Time
		badge string
		text  string
	}{
		{"none", Snapshot{Endpoint: "http://127.0.0.1:1/graphql"}, epoch(), "NO TOKEN", "not logged in"},
		{"due", Snapshot{Token: tok}, epoch().Add(52 * time.Minute), "REFRESH DUE", "token 52m · expires in 8m"},
		{"expired", Snapshot{Token: tok}, epoch().Add(63*time.Minute + 5*time.Second), "EXPIRED", "token 1h03m · expired 3m05s ago"},
		{"failed", Snapshot{Token: tok, Refresh: RefreshFailedLast}, epoch().Add(55 * time.Minute), "REFRESH FAILED", "expires in 5m"},
		{"refreshing", Snapshot{Token: tok, Refresh: RefreshRunning}, epoch().Add(55 * time.Minute), "REFRESHING", "expires in 5m"},
		{"unauthorized last request", Snapshot{Token: tok, Last: &LastRequest{Status: 200, Outcome: "unauthorized",
			Duration: 3 * time.Millisecond, At: epoch()}}, epoch().Add(time.Second), "FRESH", "last 200 unauthorized in 3ms, 1s ago"},
		{"no response", Snapshot{Token: tok, Last: &LastRequest{Outcome: "failed", Duration: 2 * time.Second, At: epoch()}},
			epoch().Add(time.Second), "FRESH", "last failed in 2s, 1s ago"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bar := Render(contextAt(c.now), c.s, 120)
			if !strings.Contains(bar, c.badge) || !strings.Contains(bar, c.text) {
				t.Fatalf("bar lacks %q or %q:\n%s", c.badge, c.text, bar)
			}
		})
	}
}

func TestRenderGolden(t *testing.T) {
	s := fullSnapshot(t)
	ctx := contextAt(epoch().Add(4*time.Minute + 12*time.Second))
	for _, w := range []int{60, 80, 120, 200} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			golden.RequireEqual(t, []byte(Render(ctx, s, w)+"\n"))
		})
	}
}

// REFRESH DUE is a wider badge than FRESH: it must not push the endpoint off the bar at 80
// columns; when user and host do not both fit, the host alone stays.
func TestRefreshDueKeepsTheEndpoint(t *testing.T) {
	tok := testToken(t)
	s := Snapshot{Endpoint: "http://127.0.0.1:8080/graphql", Identity: "demo", Token: tok,
		Last: &LastRequest{Status: 200, Duration: 42 * time.Millisecond, Outcome: "ok", At: tok.ExpiresAt.Add(-9 * time.Minute)}}
	ctx := contextAt(tok.ExpiresAt.Add(-8*time.Minute - 59*time.Second))
	if Classify(s, ctx.Now) != StateDue {
		t.Fatal("the fixture is not refresh-due")
	}
	bar := Render(ctx, s, 80)
	if !strings.Contains(bar, "REFRESH DUE") || !strings.Contains(bar, "demo on 127.0.0.1:8080") {
		t.Fatalf("at 80 columns the endpoint is gone:\n%s", bar)
	}
	s.Identity = "till-operator@bistro.example.com"
	if bar := Render(ctx, s, 80); !strings.Contains(bar, "127.0.0.1:8080") {
		t.Fatalf("with a long user the host alone should stay:\n%s", bar)
	}
}
