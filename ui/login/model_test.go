package login

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

const (
	testEndpoint = "http://127.0.0.1:1/graphql"
	testPassword = "canary-Pw-5b1e"
)

// newForm builds a sized form.
func newForm(opts Options) Model {
	m := New(common.NewContext(themes.Default()), opts)
	m = m.SetSize(80, 23)
	return m
}

// typeText sends s as rune keys, as a terminal would.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(uitest.Key(string(r)))
	}
	return m
}

// focused checks that exactly the field f has the keyboard.
func focused(t *testing.T, m Model, f field) {
	t.Helper()
	if m.focus != f {
		t.Fatalf("focus = %d, want %d", m.focus, f)
	}
	for i := range m.inputs.Get() {
		if m.inputs.Get()[i].Focused() != (field(i) == f) {
			t.Fatalf("input %d focused = %v while the form's focus is %d", i, m.inputs.Get()[i].Focused(), f)
		}
	}
}

// submission finds the SubmitMsg among what cmd produced.
func submission(t *testing.T, cmd tea.Cmd) (SubmitMsg, bool) {
	t.Helper()
	for _, msg := range uitest.Messages(cmd) {
		if s, ok := msg.(SubmitMsg); ok {
			return s, true
		}
	}
	return SubmitMsg{}, false
}

func TestFocusStartsOnFirstEmptyField(t *testing.T) {
	cases := []struct {
		name string
		opts Options
		want field
	}{
		{"empty form", Options{}, fieldEndpoint},
		{"endpoint known", Options{Endpoint: testEndpoint}, fieldIdentity},
		{"endpoint and user known", Options{Endpoint: testEndpoint, Identity: "demo"}, fieldPassword},
		{"user known but no endpoint", Options{Identity: "demo"}, fieldEndpoint},
		{"everything prefilled (demo)", Options{Endpoint: testEndpoint, Identity: "demo", Password: testPassword}, fieldPassword},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			focused(t, newForm(c.opts), c.want)
		})
	}
}

func TestTabCyclesFields(t *testing.T) {
	m := newForm(Options{})
	for _, want := range []field{fieldIdentity, fieldPassword, fieldEndpoint, fieldIdentity} {
		m, _ = m.Update(uitest.Key("tab"))
		focused(t, m, want)
	}
	for _, want := range []field{fieldEndpoint, fieldPassword, fieldIdentity} {
		m, _ = m.Update(uitest.Key("shift+tab"))
		focused(t, m, want)
	}
	m, _ = m.Update(uitest.Key("down"))
	focused(t, m, fieldPassword)
	m, _ = m.Update(uitest.Key("up"))
	focused(t, m, fieldIdentity)
}

func TestTypingGoesToTheFocusedField(t *testing.T) {
	m := typeText(newForm(Options{}), testEndpoint)
	m, _ = m.Update(uitest.Key("tab"))
	m = typeText(m, "demo")
	if got := m.inputs.Get()[fieldEndpoint].Value(); got != testEndpoint {
		t.Fatalf("endpoint = %q", got)
	}
	if got := m.inputs.Get()[fieldIdentity].Value(); got != "demo" {
		t.Fatalf("identity = %q", got)
	}
	if got := m.inputs.Get()[fieldPassword].Value(); got != "" {
		t.Fatalf("password = %q, want it untouched", got)
	}
}

func TestEnterOnIncompleteFormMovesOn(t *testing.T) {
	m := typeText(newForm(Options{}), testEndpoint)
	m, cmd := m.Update(uitest.Key("enter"))
	if cmd != nil {
		t.Fatalf("enter with the user empty returned a command producing %v", uitest.Messages(cmd))
	}
	focused(t, m, fieldIdentity)
	if m.err != "" {
		t.Fatalf("moving on showed an error: %q", m.err)
	}
	m = typeText(m, "demo")
	m, cmd = m.Update(uitest.Key("enter"))
	if cmd != nil {
		t.Fatal("enter with the password empty returned a command")
	}
	focused(t, m, fieldPassword)
}

func TestValidationErrors(t *testing.T) {
	cases := []struct {
		name                         string
		endpoint, identity, password string
		want                         string
	}{
		{"no endpoint", "", "demo", testPassword, "the endpoint is empty"},
		{"blank endpoint", "   ", "demo", testPassword, "the endpoint is empty"},
		{"not a URL", "api.toggle.example", "demo", testPassword, "must be an http:// or https:// URL"},
		{"wrong scheme", "ftp://api.toggle.example/graphql", "demo", testPassword, "must be an http:// or https:// URL"},
		{"no host", "https:///graphql", "demo", testPassword, "must be an http:// or https:// URL"},
		{"no user", testEndpoint, "  ", testPassword, "enter a username or an email"},
		{"no password", testEndpoint, "demo", "", "enter the password"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newForm(Options{Endpoint: c.endpoint, Identity: c.identity, Password: c.password})
			// Submit from the password field, where "enter moves on" no longer applies.
			for m.focus != fieldPassword {
				m, _ = m.Update(uitest.Key("tab"))
			}
			m, cmd := m.Update(uitest.Key("enter"))
			if _, ok := submission(t, cmd); ok {
				t.Fatal("an invalid form was submitted")
			}
			if m.Busy() {
				t.Fatal("an invalid form left the form busy")
			}
			if !strings.Contains(m.err, c.want) {
				t.Fatalf("error = %q, want it to contain %q", m.err, c.want)
			}
			if v := m.View(); !strings.Contains(v, "✗ "+m.err) {
				t.Fatalf("the view does not show the error:\n%s", v)
			}
		})
	}
}

func TestSubmitBuildsCredentials(t *testing.T) {
	cases := []struct {
		name, identity string
		want           session.Credentials
	}{
		{"username", "demo", session.Credentials{Username: "demo", Password: testPassword}},
		{"an @ means email", "demo@example.com", session.Credentials{Email: "demo@example.com", Password: testPassword}},
		{"surrounding spaces trimmed", "  demo@example.com ", session.Credentials{Email: "demo@example.com", Password: testPassword}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newForm(Options{Endpoint: " " + testEndpoint + " ", Identity: c.identity})
			m = typeText(m, testPassword)
			m, cmd := m.Update(uitest.Key("enter"))
			sub, ok := submission(t, cmd)
			if !ok {
				t.Fatalf("no SubmitMsg; error %q", m.err)
			}
			if sub.Endpoint != testEndpoint {
				t.Fatalf("endpoint = %q, want %q", sub.Endpoint, testEndpoint)
			}
			if sub.Credentials != c.want {
				t.Fatalf("credentials = %v, want %v", sub.Credentials, c.want)
			}
			if err := sub.Credentials.Validate(); err != nil {
				t.Fatalf("the form built invalid credentials: %v", err)
			}
			if !m.Busy() {
				t.Fatal("the form is not busy after a submission")
			}
		})
	}
}

func TestBusyFormIgnoresKeysAndSpins(t *testing.T) {
	m := newForm(Options{Endpoint: testEndpoint, Identity: "demo", Password: testPassword})
	m, cmd := m.Update(uitest.Key("enter"))
	var tick tea.Msg
	for _, msg := range uitest.Messages(cmd) {
		if _, ok := msg.(spinner.TickMsg); ok {
			tick = msg
		}
	}
	if tick == nil {
		t.Fatal("submitting started no spinner")
	}
	before := m.View()
	m, cmd = m.Update(uitest.Key("tab"))
	m = typeText(m, "x")
	if cmd != nil || m.focus != fieldPassword || m.inputs.Get()[fieldPassword].Value() != testPassword {
		t.Fatal("keys changed the form while a login was in flight")
	}
	if !strings.Contains(before, "logging in…") {
		t.Fatalf("the busy form does not say it is logging in:\n%s", before)
	}
	if _, cmd = m.Update(tick); cmd == nil {
		t.Fatal("the spinner stopped while busy")
	}
	m.SetError("x", "")
	if _, cmd = m.Update(tick); cmd != nil {
		t.Fatal("the spinner kept ticking after the login ended")
	}
}

func TestSetErrorKeepsValues(t *testing.T) {
	m := newForm(Options{Endpoint: testEndpoint, Identity: "demo@example.com"})
	m = typeText(m, testPassword)
	m, _ = m.Update(uitest.Key("enter"))
	if !m.Busy() {
		t.Fatal("not busy after submit")
	}
	m.SetError("login refused: Invalid credentials", "check the user and the password")
	if m.Busy() {
		t.Fatal("still busy after SetError")
	}
	for f, want := range map[field]string{fieldEndpoint: testEndpoint, fieldIdentity: "demo@example.com", fieldPassword: testPassword} {
		if got := m.inputs.Get()[f].Value(); got != want {
			t.Fatalf("field %d = %q after SetError, want %q", f, got, want)
		}
	}
	v := m.View()
	for _, want := range []string{"✗ login refused: Invalid credentials", "check the user and the password"} {
		if !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	// The user can retry straight away: enter submits the kept values again.
	m, cmd := m.Update(uitest.Key("enter"))
	if sub, ok := submission(t, cmd); !ok || sub.Credentials.Password != testPassword {
		t.Fatal("a retry after SetError did not resubmit the kept values")
	}
	if m.err != "" || m.detail != "" {
		t.Fatal("the old error stayed up during the retry")
	}
}

func TestViewMasksPassword(t *testing.T) {
	m := newForm(Options{Endpoint: testEndpoint, Identity: "demo"})
	m = typeText(m, testPassword)
	v := m.View()
	if strings.Contains(v, testPassword) || strings.Contains(v, testPassword[:6]) {
		t.Fatalf("the password is visible:\n%s", v)
	}
	if !strings.Contains(v, strings.Repeat("•", len(testPassword))) {
		t.Fatalf("the password is not shown as bullets:\n%s", v)
	}
}

func TestViewFitsItsArea(t *testing.T) {
	for _, size := range [][2]int{{80, 23}, {120, 39}, {60, 19}} {
		m := New(common.NewContext(themes.Default()), Options{Endpoint: testEndpoint, Identity: "demo",
			Hint: "Demo: a built-in fake Toggle API (tokens last 3 minutes, rotated every 45 s). Press enter."})
		m = m.SetSize(size[0], size[1])
		m.SetError("login refused: "+strings.Repeat("very long server message ", 8), "a detail line")
		lines := strings.Split(m.View(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if w := lipgloss.Width(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d cells wide", size[0], size[1], i, w)
			}
		}
	}
}
