package inspector

import (
	"context"
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/doctor"
)

// doctorState is the Doctor tab: the last report (rendered once per report or resize), or the run
// in progress. Runs are numbered so a report that arrives after a newer run started is dropped.
type doctorState struct {
	runID   int
	running bool
	report  *doctor.Report
	err     string
	lines   []string
}

// RunDoctorMsg asks the root to run the doctor (see RunDoctor); ID tags the run.
type RunDoctorMsg struct {
	// ID numbers the run; DoctorDoneMsg carries it back.
	ID int
}

// DoctorDoneMsg is a finished doctor run, for the inspector.
type DoctorDoneMsg struct {
	// ID is the run's RunDoctorMsg.ID.
	ID int
	// Report is what the run learned (meaningless when Err is set).
	Report doctor.Report
	// Err says why the run could not start (a bad endpoint); the server's failures are in Report.
	Err error
}

// startDoctor marks a run in progress and asks the root for it: the probes are I/O, so they run
// in the root's command, never here.
func (m *Model) startDoctor() tea.Cmd {
	m.doc.runID++
	m.doc.running, m.doc.err = true, ""
	m.rebuildDoctor()
	return emit(RunDoctorMsg{ID: m.doc.runID})
}

// finishDoctor shows a run's report, unless a newer run has started since.
func (m *Model) finishDoctor(msg DoctorDoneMsg) {
	if msg.ID != m.doc.runID {
		return
	}
	m.doc.running = false
	if msg.Err != nil {
		m.doc.report, m.doc.err = nil, msg.Err.Error()
	} else {
		rep := msg.Report
		m.doc.report, m.doc.err = &rep, ""
	}
	m.rebuildDoctor()
	m.clampScroll()
}

// RunDoctor is what the root does with a RunDoctorMsg: a command that probes sess's endpoint with
// the credentials the session holds, logging in on its own so the session's token is untouched.
// Without credentials (a pasted token) the doctor still checks reachability and refusals.
func RunDoctor(sess *session.Session, msg RunDoctorMsg, insecure bool) tea.Cmd {
	if sess == nil {
		return func() tea.Msg { return DoctorDoneMsg{ID: msg.ID, Err: errors.New("no session")} }
	}
	endpoint := sess.Endpoint()
	return func() tea.Msg {
		creds, _ := sess.HeldCredentials()
		ctx, cancel := context.WithTimeout(context.Background(), 2*doctor.DefaultTimeout)
		defer cancel()
		rep, err := doctor.Run(ctx, doctor.Config{
			Endpoint: endpoint,
			Username: creds.Username,
			Email:    creds.Email,
			Password: creds.Password,
			Insecure: insecure,
		})
		return DoctorDoneMsg{ID: msg.ID, Report: rep, Err: err}
	}
}

// rebuildDoctor renders the Doctor tab for the current width.
func (m *Model) rebuildDoctor() {
	m.doc.lines = m.doctorLines(m.innerWidth())
}

// doctorLines is the Doctor tab's text: an introduction, the run in progress, or the report.
func (m Model) doctorLines(w int) []string {
	st := m.ctx.Styles
	var out []string
	switch {
	case m.doc.running:
		out = append(out, st.Info.Render("Running the doctor… (at most nine requests, never a mutation)"), "")
	case m.doc.err != "":
		out = append(out, st.Error.Render("✗ the doctor could not run: "+clean(m.doc.err)), "")
	}
	if m.doc.report == nil {
		out = append(out, wrapText("The doctor learns how this server handles tokens from a handful of safe requests: "+
			"reachability, login headers, which Authorization forms it accepts, how it refuses a request without a token, "+
			"and whether it rotates tokens and revokes the old ones. It logs in on its own, so your session's token is untouched.", w, "")...)
		out = append(out, "", "Press D to run it.")
		if !m.snap.canRelogin {
			out = append(out, "", st.Warning.Render("No credentials held (pasted token): only reachability and refusals can be checked."))
		}
		return out
	}
	return append(out, reportLines(m, *m.doc.report, w)...)
}

// reportLines styles the doctor's own rendering (doctor.Report.Lines, already escaped) for the
// pane, wrapping long values under themselves.
func reportLines(m Model, rep doctor.Report, w int) []string {
	st := m.ctx.Styles
	const lw = doctor.LabelWidth + 1
	indent := strings.Repeat(" ", lw)
	var out []string
	for _, l := range rep.Lines() {
		switch l.Kind {
		case doctor.KindBlank:
			out = append(out, "")
		case doctor.KindTitle:
			out = append(out, fit(st.Faint.Render(l.Text), w))
		case doctor.KindGood:
			out = append(out, wrapStyled(st.Success.Render, "✓ "+l.Text, w, "")...)
		case doctor.KindBad:
			out = append(out, wrapStyled(st.Error.Render, "✗ "+l.Text, w, "")...)
		case doctor.KindHeading:
			out = append(out, st.Accent.Render(l.Text))
		case doctor.KindField:
			lines := wrapText(l.Text, w, indent)
			if len(lines) > 0 {
				lines[0] = st.Muted.Render(pad(l.Label, lw)) + lines[0][lw:]
			}
			out = append(out, lines...)
		case doctor.KindRequest:
			lines := wrapText(l.Text, w, "    ")
			if len(lines) > 0 {
				lines[0] = st.Muted.Render(pad(l.Label, 4)) + lines[0][4:]
			}
			out = append(out, lines...)
		case doctor.KindVerdict:
			lines := wrapText(l.Text, w, "    ")
			if len(lines) > 0 {
				lines[0] = st.Accent.Render(pad(l.Label, 4)) + lines[0][4:]
			}
			out = append(out, lines...)
		case doctor.KindBecause:
			out = append(out, wrapStyled(st.Faint.Render, l.Text, w, "    ")...)
		}
	}
	return out
}

// wrapStyled wraps text like wrapText and styles each line's text (not its indent).
func wrapStyled(style func(...string) string, text string, w int, indent string) []string {
	lines := wrapText(text, w, indent)
	for i, l := range lines {
		lines[i] = indent + style(strings.TrimPrefix(l, indent))
	}
	return lines
}

// KeepDoctor carries the Doctor tab of a previous inspector (a report, or a run still in flight)
// into this one, when it was about the same endpoint: the root builds a fresh inspector each
// time it opens, and a report that took nine requests should not vanish with it.
func (m *Model) KeepDoctor(prev Model) {
	if prev.doc.runID == 0 || prev.snap.endpoint != m.snap.endpoint {
		return
	}
	m.doc = prev.doc
	m.rebuildDoctor()
	m.syncKeys()
}
