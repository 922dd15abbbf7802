package workspace

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// testEndpoint never receives a connection: handlerTransport answers in-process.
const testEndpoint = "http://127.0.0.1:1/graphql"

// fakeClock is the one clock the session and the fake API share.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// handlerTransport serves each request straight from an http.Handler, so no port is opened and
// the endpoint shown stays fixed. Like net/http, it reports a cancelled request as an error
// rather than handing back whatever the handler had written when it gave up.
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
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	res := rec.Result()
	res.Request = r
	return res, nil
}

// fixture is a fake Toggle API and a session logged in to it.
type fixture struct {
	clock *fakeClock
	api   *mockapi.Server
	sess  *session.Session
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{clock: &fakeClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}}
	f.api = mockapi.New(mockapi.Config{Now: f.clock.Now, SigningKey: []byte("workspace-test-signing-key")})
	sess, err := session.New(session.Config{Endpoint: testEndpoint, Clock: f.clock,
		BaseTransport: handlerTransport{f.api}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sess.Close)
	if _, err := sess.Login(context.Background(), session.Credentials{Username: mockapi.DemoUsername,
		Password: mockapi.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	f.sess = sess
	return f
}

// workspace builds a sized workspace on the fixture's session.
func (f *fixture) workspace(opts Options) Model {
	ctx := common.NewContext(themes.Default())
	ctx.Now = f.clock.Now()
	m := New(ctx, f.sess, opts)
	m.SetSize(80, 21)
	return m
}

// requests is how many HTTP requests the fake API has seen.
func (f *fixture) requests() int { return f.api.Stats().Requests }

// keyMsg builds the KeyMsg bubbletea delivers for a named key.
func keyMsg(name string) tea.KeyMsg {
	switch name {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case "f5":
		return tea.KeyMsg{Type: tea.KeyF5}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+g":
		return tea.KeyMsg{Type: tea.KeyCtrlG}
	}
	panic("unknown key " + name)
}

// messages runs cmd and returns what it produced, flattening batches. Only for commands known
// to return promptly (a request to the in-process fake, the spinner's first tick).
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, messages(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// finished runs cmd and returns its one RunFinishedMsg.
func finished(t *testing.T, cmd tea.Cmd) RunFinishedMsg {
	t.Helper()
	return findFinished(t, messages(cmd))
}

// findFinished returns the one RunFinishedMsg among msgs.
func findFinished(t *testing.T, msgs []tea.Msg) RunFinishedMsg {
	t.Helper()
	var found []RunFinishedMsg
	for _, msg := range msgs {
		if rf, ok := msg.(RunFinishedMsg); ok {
			found = append(found, rf)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the command produced %d RunFinishedMsg, want 1", len(found))
	}
	return found[0]
}
