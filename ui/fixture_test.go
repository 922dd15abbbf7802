package ui

import (
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
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

func TestMain(m *testing.M) {
	// Goldens must not depend on the terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// testEndpoint never receives a connection: handlerTransport answers in-process, so the status
// bar shows the same host on every run.
const testEndpoint = "http://127.0.0.1:1/graphql"

const balanceQuery = `query Balance($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) {
    data { card_reference balance product_name }
    total
  }
}
`

const balanceVariables = `{"ref": "` + mockapi.SeedCardPartlyUsed + `"}`

// fakeClock is the one clock the session, the fake API and the UI's tick share.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// handlerTransport serves each request straight from an http.Handler, with no socket. Like
// net/http it reports a cancelled request as an error.
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

// fixture is a fake Toggle API on a fake clock, and the sessions the UI built against it.
type fixture struct {
	t        *testing.T
	clock    *fakeClock
	api      *mockapi.Server
	password string

	mu       sync.Mutex
	sessions []*session.Session
}

// newFixture starts a fake API whose user has the given password. The signing key and the clock
// are fixed, so tokens, and therefore fingerprints, are the same on every run.
func newFixture(t *testing.T, password string) *fixture {
	f := &fixture{t: t, password: password, clock: &fakeClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}}
	f.api = mockapi.New(mockapi.Config{Now: f.clock.Now, Password: password, SigningKey: []byte("ui-test-signing-key")})
	t.Cleanup(func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, s := range f.sessions {
			s.Close()
		}
	})
	return f
}

// connect is Options.Connect: a session on the fake clock and the in-process transport. Its own
// refresh loop checks only once an hour, so in tests the refresh runs when the test says.
func (f *fixture) connect(endpoint string) (*session.Session, error) {
	s, err := session.New(session.Config{Endpoint: endpoint, Clock: f.clock,
		BaseTransport: handlerTransport{f.api}, CheckInterval: time.Hour})
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions = append(f.sessions, s)
	return s, nil
}

// session is the last session the UI built.
func (f *fixture) session() *session.Session {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.sessions) == 0 {
		f.t.Fatal("the UI built no session")
	}
	return f.sessions[len(f.sessions)-1]
}

// options prefill the whole login form (focus starts on the password, enter logs in) and the
// editors, with time frozen at the fake clock's start.
func (f *fixture) options() Options {
	return Options{
		Login:       login.Options{Endpoint: testEndpoint, Identity: mockapi.DemoUsername, Password: f.password},
		Workspace:   workspace.Options{Query: balanceQuery, Variables: balanceVariables},
		Connect:     f.connect,
		Now:         f.clock.Now(),
		DisableTick: true,
	}
}

// keyMsg builds the KeyMsg bubbletea delivers for a named key.
func keyMsg(name string) tea.KeyMsg {
	switch name {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "f1":
		return tea.KeyMsg{Type: tea.KeyF1}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	}
	panic("unknown key " + name)
}

// messages runs cmd and returns what it produced, flattening batches. Only for commands known to
// return promptly; the session's refresh loop and event listener never are.
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
