package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/statusbar"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// Generous bounds for a loaded CI machine under -race; a passing flow takes milliseconds.
const (
	waitLimit = 10 * time.Second
	waitPoll  = 5 * time.Millisecond
)

// frameLog collects what checkedModel saw in every frame the program drew.
type frameLog struct {
	mu       sync.Mutex
	problems []string
	sizes    map[[2]int]int // frames drawn at each size
	// finished receives one value per request result the model has taken in (up to its
	// capacity; never blocking the program), so a test can wait for a run to be over.
	finished chan struct{}
	// frames are the screens drawn, whole (View's output, not the renderer's line diffs: a wait
	// on the byte stream missed a line drawn before it started and never redrawn); changed is
	// closed and replaced at every frame.
	frames  []string
	changed chan struct{}
}

// framesFrom returns the frames drawn since frame i and a channel closed at the next one.
func (l *frameLog) framesFrom(i int) ([]string, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.frames[min(i, len(l.frames)):], l.changed
}

// checkedModel is the root model with every View checked against the terminal size: no line
// wider than the terminal, no more lines than it has, and on the workspace the three panes whole
// with the status bar on its own line just above the help line.
type checkedModel struct {
	*Model
	width, height int
	log           *frameLog
}

func (c checkedModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		c.width, c.height = ws.Width, ws.Height
	}
	cmd := c.Model.update(msg)
	inner := msg
	if tm, ok := msg.(tabMsg); ok { // a tab's news arrives tagged with its tab
		inner = tm.msg
	}
	if _, ok := inner.(workspace.RunFinishedMsg); ok {
		select {
		case c.log.finished <- struct{}{}:
		default:
		}
	}
	return c, cmd
}

func (c checkedModel) View() string {
	v := c.Model.View()
	if c.width > 0 {
		c.log.check(c.Model, v, c.width, c.height)
	}
	return v
}

func (l *frameLog) check(m *Model, v string, width, height int) {
	var problems []string
	lines := strings.Split(v, "\n")
	if len(lines) > height {
		problems = append(problems, fmt.Sprintf("%d lines", len(lines)))
	}
	for i, line := range lines {
		if w := lipgloss.Width(line); w > width {
			problems = append(problems, fmt.Sprintf("line %d is %d cells wide", i, w))
		}
	}
	if m.screen == screenWorkspace && m.overlay == nil && !m.helpOpen {
		if len(lines) != height {
			problems = append(problems, fmt.Sprintf("the workspace fills %d of %d lines", len(lines), height))
		}
		if top, bottom := strings.Count(v, "╭"), strings.Count(v, "╰"); top != 4 || bottom != 4 {
			problems = append(problems, fmt.Sprintf("%d top and %d bottom pane corners, want 4 each (query, variables, headers, results)", top, bottom))
		}
		if len(lines) >= 2 && !strings.Contains(lines[len(lines)-2], "token ") {
			problems = append(problems, "the status bar is not the last line but one")
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.frames = append(l.frames, v)
	close(l.changed)
	l.changed = make(chan struct{})
	l.sizes[[2]int{width, height}]++
	for _, p := range problems {
		l.problems = append(l.problems, fmt.Sprintf("%dx%d %s: %s", width, height, m.screen, p))
	}
}

// verify fails the test for every bad frame.
func (l *frameLog) verify(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, p := range l.problems {
		if i == 10 {
			t.Errorf("… and %d more", len(l.problems)-10)
			break
		}
		t.Error(p)
	}
}

// framesAt reports how many frames were drawn at a size.
func (l *frameLog) framesAt(w, h int) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sizes[[2]int{w, h}]
}

// program runs the real Bubble Tea program on the fixture, at a fixed size.
type program struct {
	t    *testing.T
	tm   *teatest.TestModel
	log  *frameLog
	seen int // frames before this one were looked at by an earlier wait
}

func startProgram(t *testing.T, f *fixture, width, height int) *program {
	return startProgramWith(t, f.options(), width, height)
}

// startProgramWith runs the real program with the given options.
func startProgramWith(t *testing.T, opts Options, width, height int) *program {
	log := &frameLog{sizes: map[[2]int]int{}, finished: make(chan struct{}, 64), changed: make(chan struct{})}
	m := New(opts)
	tm := teatest.NewTestModel(t, checkedModel{Model: &m, log: log},
		teatest.WithInitialTermSize(width, height))
	p := &program{t: t, tm: tm, log: log}
	t.Cleanup(func() { _ = tm.Quit() }) // a failed flow must not leave the program running
	return p
}

// waitFor waits until one whole frame, drawn since the frame the last wait stopped at, shows every one of want.
func (p *program) waitFor(want ...string) {
	p.t.Helper()
	p.waitUntil(fmt.Sprintf("%q", want), func(frame string) bool { return containsAll(frame, want...) })
}

// waitUntil waits for a frame that satisfies ok, looking at every frame from the one the last
// wait stopped at, so that a frame drawn between two waits is not missed.
func (p *program) waitUntil(what string, ok func(frame string) bool) {
	p.t.Helper()
	deadline := time.After(waitLimit)
	for {
		frames, changed := p.log.framesFrom(p.seen)
		for i, v := range frames {
			if ok(v) {
				// The next wait starts at this frame: what it waits for may already be on it.
				p.seen += i
				return
			}
		}
		select {
		case <-changed:
		case <-deadline:
			last := "(no frame)"
			if len(frames) > 0 {
				last = frames[len(frames)-1]
			}
			p.t.Fatalf("no frame showed %s within %s; the last:\n%s", what, waitLimit, last)
		}
	}
}

// login presses enter on the prefilled form and waits for the workspace.
func (p *program) login() {
	p.t.Helper()
	p.waitFor("Password")
	p.tm.Send(uitest.Key("enter"))
	p.waitFor("Results", "✓ logged in")
}

// waitForSchema waits until the schema the login fetched is in: the docs browser (f3) shows its
// root types then, whenever the introspection answers. esc closes the browser again, through a
// command: the workspace's help line says when it is back, and only then may keys go to it.
func (p *program) waitForSchema() {
	p.t.Helper()
	p.tm.Send(uitest.Key("f3"))
	p.waitFor("Roots")
	p.tm.Send(uitest.Key("esc"))
	p.waitUntil("the workspace back", func(frame string) bool {
		return !strings.Contains(frame, "Roots") && strings.Contains(frame, "ctrl+r run")
	})
}

// quit presses ctrl+c and returns the final model, after checking every frame drawn.
func (p *program) quit() Model {
	p.t.Helper()
	p.tm.Send(uitest.Key("ctrl+c"))
	final := p.tm.FinalModel(p.t, teatest.WithFinalTimeout(waitLimit))
	p.log.verify(p.t)
	return *final.(checkedModel).Model
}

func TestFlowLoginRunResults(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	p := startProgram(t, f, 120, 40)
	p.login()
	p.tm.Send(uitest.Key("ctrl+r"))
	p.waitFor(`"balance"`, "200 OK")

	m := p.quit()
	if m.Screen() != "workspace" {
		t.Fatalf("screen = %s", m.Screen())
	}
	ws, _ := m.Workspace()
	if last := ws.LastRequest(); last == nil || last.Status != 200 || last.Outcome != "ok" {
		t.Fatalf("last request = %+v, want 200 ok", last)
	}
	if !strings.Contains(string(ws.Results().Document().Bytes()), `"balance": 3250`) {
		t.Fatal("the results pane does not hold the seeded balance")
	}
	st := f.api.Stats()
	if st.Logins != 1 || st.Operations["Balance"] != 1 {
		t.Fatalf("the fake API saw %d logins and %d Balance runs, want 1 and 1", st.Logins, st.Operations["Balance"])
	}
}

func TestFlowBackgroundRefreshWhileIdle(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	p := startProgram(t, f, 120, 40)
	p.login()
	sess := f.session()
	first, _ := sess.Token()

	// 51 of the token's 60 minutes pass: less than a sixth is left, so a refresh is due.
	f.clock.Advance(51 * time.Minute)
	p.tm.Send(tickMsg(f.clock.Now()))
	p.waitFor("REFRESH DUE", "token 51m · expires in 9m")

	// One step of the session's refresh loop, as its ticker would run it.
	if err := sess.CheckRefresh(context.Background()); err != nil {
		t.Fatalf("refresh failed: %v", err)
	}
	p.waitFor("token refreshed", "FRESH", "expires in 1h")

	m := p.quit()
	if m.snap.Token.Fingerprint == first.Fingerprint {
		t.Fatal("the status bar still shows the old token")
	}
	if age := m.snap.Token.Age(m.ctx.Now); age != 0 {
		t.Fatalf("token age after the refresh = %v, want 0", age)
	}
	if state := statusbar.Classify(m.statusSnapshot(), m.ctx.Now); state != statusbar.StateFresh {
		t.Fatalf("token state = %v, want fresh", state)
	}
	if got := f.api.Stats().Logins; got != 2 {
		t.Fatalf("the fake API saw %d logins, want 2 (the login and the refresh)", got)
	}
}

func TestFlowUnauthorizedDiagnosed(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	p := startProgram(t, f, 120, 40)
	p.login()
	// The introspection after login must be over before the revocation: refused too, it would
	// make its own failed re-login, and the count below would depend on which came first.
	p.waitForSchema()
	revokeAndChangePassword(f)
	p.tm.Send(uitest.Key("ctrl+r"))
	p.waitFor("token rejected although valid", "logging in again was refused: Invalid credentials", "REJECTED")

	m := p.quit()
	ws, _ := m.Workspace()
	last := ws.LastRequest()
	if last == nil || last.Outcome != "unauthorized" {
		t.Fatalf("last request = %+v, want unauthorized", last)
	}
	if d := ws.Results().Document().Meta().Diagnosis; !strings.Contains(d, "rejected although valid") ||
		!strings.Contains(d, "logging in again was refused") {
		t.Fatalf("results diagnosis = %q", d)
	}
	if !strings.Contains(m.noticeLine(), "rejected although valid") {
		t.Fatalf("notice = %q", m.noticeLine())
	}
	bar := statusbar.Render(m.ctx, m.statusSnapshot(), 200)
	if !strings.Contains(bar, "REJECTED") || !strings.Contains(bar, "last 200 unauthorized") {
		t.Fatalf("status bar = %q", bar)
	}
	if st := f.api.Stats(); st.FailedLogins != 1 || st.UnauthorizedReasons["revoked"] != 1 {
		t.Fatalf("the fake API saw %d refused logins and %v, want one refused re-login after one revoked token",
			st.FailedLogins, st.UnauthorizedReasons)
	}
}

func TestFlowResize(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	p := startProgram(t, f, 80, 24)
	p.login()
	p.tm.Send(uitest.Key("ctrl+r"))
	p.waitFor("200 OK")
	sizes := [][2]int{{120, 40}, {60, 20}, {80, 24}, {60, 20}}
	for _, s := range sizes {
		p.tm.Send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
	}
	// The help overlay at the smallest size, then back.
	p.tm.Send(uitest.Key("f1"))
	p.waitFor("esc or f1 closes")
	p.tm.Send(uitest.Key("esc"))
	p.waitFor("200 OK")

	m := p.quit()
	for _, s := range append(sizes, [2]int{80, 24}) {
		if p.log.framesAt(s[0], s[1]) == 0 {
			t.Errorf("no frame was drawn at %dx%d", s[0], s[1])
		}
	}
	if m.ctx.Width != 60 || m.ctx.Height != 20 {
		t.Fatalf("final size %dx%d, want 60x20", m.ctx.Width, m.ctx.Height)
	}
}
