package workspace

import (
	"context"
	"os"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// testEndpoint never receives a connection: uitest.HandlerTransport answers in-process.
const testEndpoint = "http://127.0.0.1:1/graphql"

// fixture is a fake Toggle API and a session logged in to it.
type fixture struct {
	clock *uitest.Clock
	api   *mockapi.Server
	sess  *session.Session
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{clock: uitest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))}
	f.api = mockapi.New(mockapi.Config{Now: f.clock.Now, SigningKey: []byte("workspace-test-signing-key")})
	sess, err := session.New(session.Config{Endpoint: testEndpoint, Clock: f.clock,
		BaseTransport: uitest.HandlerTransport{Handler: f.api}})
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
	m := New(uitest.NewContext(f.clock.Now()), f.sess, opts)
	m = m.SetSize(80, 21)
	return m
}

// requests is how many HTTP requests the fake API has seen.
func (f *fixture) requests() int { return f.api.Stats().Requests }

// finished runs cmd and returns its one RunFinishedMsg.
func finished(t *testing.T, cmd tea.Cmd) RunFinishedMsg {
	t.Helper()
	return findFinished(t, uitest.Messages(cmd))
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
