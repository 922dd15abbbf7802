package ui

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

func TestMain(m *testing.M) {
	// Goldens must not depend on the terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// testEndpoint never receives a connection: uitest.HandlerTransport answers in-process, so the
// status bar shows the same host on every run.
const testEndpoint = "http://127.0.0.1:1/graphql"

const balanceQuery = `query Balance($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) {
    data { card_reference balance product_name }
    total
  }
}
`

const balanceVariables = `{"ref": "` + mockapi.SeedCardPartlyUsed + `"}`

// fixture is a fake Toggle API on a fake clock, and the sessions the UI built against it.
type fixture struct {
	t        *testing.T
	clock    *uitest.Clock // the one clock the session, the fake API and the UI's tick share
	api      *mockapi.Server
	password string

	mu       sync.Mutex
	sessions []*session.Session
}

// newFixture starts a fake API whose user has the given password. The signing key and the clock
// are fixed, so tokens, and therefore fingerprints, are the same on every run.
func newFixture(t *testing.T, password string) *fixture {
	f := &fixture{t: t, password: password, clock: uitest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))}
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
		BaseTransport: uitest.HandlerTransport{Handler: f.api}, CheckInterval: time.Hour})
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
