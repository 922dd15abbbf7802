package inspector

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/doctor"
)

// stepClock moves a millisecond per reading, so a run against the fake is the same every time:
// same tokens (the signing key is fixed too), same ages.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// strictFake is the hardest server: rotation on every response with strict revocation,
// only through X-Authorization, as "Bearer <jwt>", Unauthorized as HTTP 401.
func strictFake(now func() time.Time) mockapi.Config {
	return mockapi.Config{RotateAfter: time.Nanosecond, Strict: true, RotateHeader: mockapi.RotateXAuthorization,
		BearerPrefix: true, UnauthStatus: 401, Now: now, SigningKey: []byte("doctor-golden-key")}
}

// goldenReport is a real doctor run against the strict fake, with what depends on the machine
// (port, measured network times) set to fixed values.
func goldenReport(t *testing.T) doctor.Report {
	t.Helper()
	clk := &stepClock{t: base}
	hs := httptest.NewServer(mockapi.New(strictFake(clk.Now)))
	defer hs.Close()
	rep, err := doctor.Run(context.Background(), doctor.Config{Endpoint: hs.URL + "/graphql",
		Username: mockapi.DemoUsername, Email: mockapi.DemoEmail, Password: mockapi.DemoPassword, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != doctor.OK {
		t.Fatalf("outcome %s: %s", rep.Outcome, rep.Problem)
	}
	rep.Endpoint = endpoint
	rep.Reach.RemoteAddr = "127.0.0.1:8080"
	rep.Reach.Connect, rep.Reach.FirstByte = doctor.Duration(300*time.Microsecond), doctor.Duration(1200*time.Microsecond)
	for i := range rep.Requests {
		rep.Requests[i].Took = doctor.Duration(time.Duration(i+1) * 100 * time.Microsecond)
	}
	return rep
}

func TestDoctorTabRunsOnDemand(t *testing.T) {
	f, _ := fixture(t)
	m, msgs := press(t, newModel(f, 80, 24), "4")
	if len(msgs) != 0 || m.tab != tabDoctor {
		t.Fatalf("opening the tab must not run anything: %v", msgs)
	}
	if !strings.Contains(m.View(), "Press D to run it.") || !m.keys.RunDoctor.Enabled() {
		t.Fatalf("intro:\n%s", m.View())
	}
	if !inHelp(m.Help().FullHelp(), "D", "run the doctor") {
		t.Error("help does not list D")
	}
	m, msgs = press(t, m, "D")
	if len(msgs) != 1 || msgs[0] != (RunDoctorMsg{ID: 1}) {
		t.Fatalf("D sent %v", msgs)
	}
	if !strings.Contains(m.View(), "Running the doctor") || m.keys.RunDoctor.Enabled() {
		t.Fatalf("running view:\n%s", m.View())
	}
	if _, again := press(t, m, "D"); len(again) != 0 {
		t.Fatal("a second run started while one is in flight")
	}
	rep := goldenReport(t)
	m, _ = m.Update(DoctorDoneMsg{ID: 0, Report: rep}) // stale: ignored
	if !m.doc.running {
		t.Fatal("a stale report ended the run")
	}
	m, _ = m.Update(DoctorDoneMsg{ID: 1, Report: rep})
	if m.doc.running || !strings.Contains(m.View(), "OK: login and an authorized query work") || !m.keys.RunDoctor.Enabled() {
		t.Fatalf("report view:\n%s", m.View())
	}
	// The report is long: the movement keys scroll it.
	m, _ = press(t, m, "G")
	if !strings.Contains(m.View(), "Requests made") {
		t.Fatalf("bottom of the report:\n%s", m.View())
	}
}

func inHelp(groups [][]key.Binding, k, desc string) bool {
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() && b.Help().Key == k && b.Help().Desc == desc {
				return true
			}
		}
	}
	return false
}

func TestDoctorTabGolden(t *testing.T) {
	rep := goldenReport(t)
	cases := []struct {
		name   string
		w, h   int
		report bool
		keys   []string
	}{
		{"doctor_intro_80x24", 80, 24, false, nil},
		{"doctor_report_80x24", 80, 24, true, nil},
		{"doctor_report_120x40", 120, 40, true, nil},
		{"doctor_verdict_120x40", 120, 40, true, []string{"pgdown"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, _ := fixture(t)
			m, _ := press(t, newModel(f, c.w, c.h), "4")
			if c.report {
				m, _ = press(t, m, "D")
				m, _ = m.Update(DoctorDoneMsg{ID: 1, Report: rep})
			}
			m, _ = press(t, m, c.keys...)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// The root's command runs the doctor with the session's credentials, over HTTP, and leaves the
// session's own token alone even on a strict server.
func TestRunDoctorLeavesTheSessionAlone(t *testing.T) {
	srv := mockapi.New(strictFake(nil))
	hs := httptest.NewServer(srv)
	defer hs.Close()
	s, err := session.New(session.Config{Endpoint: hs.URL + "/graphql"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	before, err := s.Login(ctx, session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword})
	if err != nil {
		t.Fatal(err)
	}
	msg := RunDoctor(s, RunDoctorMsg{ID: 3}, false)()
	done, ok := msg.(DoctorDoneMsg)
	if !ok || done.ID != 3 || done.Err != nil {
		t.Fatalf("got %#v", msg)
	}
	if done.Report.Outcome != doctor.OK || done.Report.Rotation == nil || !done.Report.Rotation.Every {
		t.Fatalf("report:\n%s", done.Report.Text())
	}
	after, _ := s.Token()
	if after.Fingerprint != before.Fingerprint {
		t.Fatal("the doctor changed the session's token")
	}
	if _, err := s.Execute(ctx, session.Request{Query: `{ __schema { queryType { name } } }`}); err != nil {
		t.Fatalf("the session's token stopped working: %v", err)
	}
	m, _ := press(t, newModel(s, 120, 40), "4", "D")
	m, _ = m.Update(done)
	if v := m.View(); strings.Contains(v, mockapi.DemoPassword) || strings.Contains(v, before.Raw()) {
		t.Fatal("a secret reached the view")
	}
}

func TestDoctorTabEscapesServerText(t *testing.T) {
	const hostile = "boom\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\u009b31m\u202e"
	rep := doctor.Report{Endpoint: endpoint, Outcome: doctor.AuthFailed, Problem: hostile,
		Logins:  []doctor.Login{{By: "username", Identity: "demo", Request: 2, Status: 200, Message: hostile}},
		Refusal: &doctor.Refusal{Request: 1, Status: 200, Message: hostile},
	}
	f, _ := fixture(t)
	m, _ := press(t, newModel(f, 200, 60), "4", "D")
	m, _ = m.Update(DoctorDoneMsg{ID: 1, Report: rep})
	v := m.View()
	for _, bad := range []rune{0x1b, 0x07, 0x9b, 0x202e} {
		if strings.ContainsRune(v, bad) {
			t.Fatalf("raw %U on screen: %q", bad, v)
		}
	}
	if !strings.Contains(v, `boom\x1b[2J`) {
		t.Fatalf("the escaped text is not shown:\n%s", v)
	}
}
