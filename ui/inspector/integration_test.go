package inspector

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// testClock is a settable clock shared by the fake server and the session.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// A real session against the fake API logs in, adopts a rotation, is refused after the server
// revokes its tokens, logs in again and replays. The inspector must tell that story, diff the
// refused request against the last good one, and never show a token.
func TestInspectorOverRealSession(t *testing.T) {
	clk := &testClock{t: time.Now().UTC().Truncate(time.Second)}
	srv := mockapi.New(mockapi.Config{RotateAfter: 5 * time.Minute, Now: clk.Now})
	url, stop, err := srv.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	s, err := session.New(session.Config{Endpoint: url, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)

	ctx := context.Background()
	if _, err := s.Login(ctx, session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	var tokens []string
	run := func() *session.Result {
		t.Helper()
		res, err := s.Execute(ctx, session.Request{Query: `query Cards { Cards(limit: 1) { total } }`, OperationName: "Cards"})
		if err != nil {
			t.Fatal(err)
		}
		if tok, ok := s.Token(); ok {
			tokens = append(tokens, tok.Raw())
		}
		return res
	}
	run()
	clk.advance(6 * time.Minute)
	run() // rotated
	srv.RevokeTokens()
	if res := run(); !res.ReLoggedIn || !res.Replayed {
		t.Fatalf("revocation not recovered: relogged %v replayed %v", res.ReLoggedIn, res.Replayed)
	}

	m := newModel(s, 160, 50)
	m.ctx.Now = clk.Now()
	m = m.Refresh()
	m, _ = press(t, m, "2")
	timeline := m.View()
	for _, kind := range []string{"logged in", "rotated", "unauthorized", "re-logged in", "replayed"} {
		if !strings.Contains(timeline, kind) {
			t.Errorf("timeline lacks %q:\n%s", kind, timeline)
		}
	}
	if !strings.Contains(timeline, "╰ token rejected although valid") {
		t.Errorf("the Unauthorized has no diagnosis line:\n%s", timeline)
	}
	m, _ = press(t, m, "3", "d")
	if m.page != pageDiff {
		t.Fatalf("no diff available (good #%d, bad #%d)", m.snap.good.ID, m.snap.bad.ID)
	}
	diff := m.View()
	if !strings.Contains(diff, "≠ token sent") || !strings.Contains(diff, "≠ status") {
		t.Errorf("diff does not show the fingerprint change:\n%s", diff)
	}
	for _, l := range session.DiffExchanges(m.snap.good, m.snap.bad) {
		if l.Field == "token sent" && (l.Same || l.Good == "(none)" || l.Bad == "(none)") {
			t.Errorf("token sent: %+v", l)
		}
	}
	views := []string{timeline, diff}
	for _, keys := range [][]string{{"1"}, {"3"}, {"3", "enter"}, {"3", "end", "enter"}, {"2", "enter"}} {
		v, _ := press(t, m, keys...)
		views = append(views, v.View())
	}
	for _, v := range views {
		for _, raw := range tokens {
			assertNoSecret(t, "real session view", v, raw)
		}
		if strings.Contains(v, mockapi.DemoPassword) {
			t.Error("the login password is visible")
		}
	}
}
