package ui

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
	"github.com/toggle-explorer/toggle-explorer/ui/statusbar"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// Update implements tea.Model; see update.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return m.update(msg) }

// update routes messages: global keys and session traffic here, the rest to the screen on show.
func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tickMsg:
		m.ctx.Now = time.Time(msg)
		m.snapshotToken()
		if m.showInspector {
			m.inspector.Refresh()
		}
		if m.opts.DisableTick {
			// Whoever drives time (a test) sent this tick; re-arming would start the wall clock.
			return m, nil
		}
		return m, tick()
	case tea.KeyMsg:
		return m.handleKey(msg)
	case login.SubmitMsg:
		return m.startLogin(msg)
	case loginFinishedMsg:
		return m.finishLogin(msg)
	case sessionEventMsg:
		return m.handleEvent(msg)
	case sessionClosedMsg:
		return m, nil
	case rememberedMsg:
		if msg.err != nil {
			m.notice = notice{text: "⚠ could not remember the login: " + msg.err.Error(), kind: noticeWarn, until: m.ctx.Now.Add(noticeLife)}
		}
		return m, nil
	case common.ErrorMsg:
		m.notice = notice{text: "✗ " + results.Sanitize(msg.Err.Error()), kind: noticeError, until: m.ctx.Now.Add(noticeLife)}
		return m, nil
	case common.InfoMsg:
		m.notice = notice{text: msg.Text, kind: noticeInfo, until: m.ctx.Now.Add(noticeLife)}
		return m, nil
	case tokenActionMsg:
		m.snapshotToken()
		if msg.err != nil {
			m.notice = notice{text: "✗ " + results.Sanitize(msg.err.Error()), kind: noticeError, until: m.ctx.Now.Add(noticeLife)}
		} else {
			m.notice = notice{text: "✓ " + msg.what, kind: noticeGood, until: m.ctx.Now.Add(noticeLife)}
		}
		return m, nil
	case inspector.CloseMsg, inspector.RefreshNowMsg, inspector.UseTokenMsg, inspector.LogoutMsg,
		inspector.CopyCurlMsg, inspector.CopiedMsg:
		return m.updateInspector(msg)
	case workspace.RunFinishedMsg:
		var cmd tea.Cmd
		m.workspace, cmd = m.workspace.Update(msg)
		m.snapshotToken()
		if msg.HistoryErr != nil {
			m.notice = notice{text: "⚠ history not written: " + results.Sanitize(msg.HistoryErr.Error()), kind: noticeWarn, until: m.ctx.Now.Add(noticeLife)}
		}
		return m, cmd
	}
	return m.routeToScreen(msg)
}

// routeToScreen hands a message to the screen on show.
func (m Model) routeToScreen(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.screen == screenWorkspace {
		m.workspace, cmd = m.workspace.Update(msg)
	} else {
		m.login, cmd = m.login.Update(msg)
	}
	return m, cmd
}

// handleKey applies the global keys. The full help overlay swallows keys until closed; single
// letters never act while a text field has focus (they are the field's).
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Quit) {
		m.Close()
		return m, tea.Quit
	}
	if m.showHelp {
		if key.Matches(msg, m.keys.Close) {
			m.showHelp = false
		}
		return m, nil
	}
	if m.showInspector {
		return m.updateInspector(msg)
	}
	if key.Matches(msg, m.keys.Help) {
		m.showHelp = true
		return m, nil
	}
	if key.Matches(msg, m.keys.Inspector) && m.screen == screenWorkspace {
		return m.openInspector(), nil
	}
	return m.routeToScreen(msg)
}

// startLogin builds a session for the form's endpoint and logs in with a command.
func (m Model) startLogin(msg login.SubmitMsg) (Model, tea.Cmd) {
	sess, err := m.opts.Connect(msg.Endpoint)
	if err != nil {
		m.login.SetError(err.Error(), "")
		return m, nil
	}
	m.loginID++
	m.identity = msg.Credentials.Identity()
	return m, loginCmd(m.loginID, sess, msg.Credentials)
}

// finishLogin switches to the workspace on success, or shows the diagnosis on the form.
func (m Model) finishLogin(msg loginFinishedMsg) (Model, tea.Cmd) {
	if msg.id != m.loginID {
		msg.sess.Close()
		return m, nil
	}
	if msg.err != nil {
		msg.sess.Close()
		m.login.SetError(loginFailure(msg.err))
		return m, nil
	}
	m.Close() // the previous session, if any
	m.sess = msg.sess
	m.sessGen++
	ctx, cancel := context.WithCancel(context.Background())
	m.sessCancel = cancel
	m.token = msg.token
	m.refresh = statusbar.RefreshIdle
	if m.hasWorkspace {
		m.workspace.SetSession(m.sess)
	} else {
		m.workspace = workspace.New(m.ctx, m.sess, m.opts.Workspace)
		m.hasWorkspace = true
	}
	m.screen = screenWorkspace
	m.resize()
	return m, tea.Batch(
		runSessionCmd(ctx, m.sess),
		listenCmd(m.sessGen, m.sess.Events()),
		rememberCmd(m.opts.Remember, m.sess.Endpoint(), m.identity),
	)
}

// loginFailure splits a login error into the message and our diagnosis.
func loginFailure(err error) (string, string) {
	var authErr *session.AuthError
	if errors.As(err, &authErr) && authErr.Diagnosis != nil {
		d := authErr.Diagnosis
		return results.Sanitize(d.Summary), results.Sanitize(d.Detail)
	}
	return results.Sanitize(err.Error()), ""
}

// handleEvent updates the refresh state and the notice from a session event, and re-arms the
// listener.
func (m Model) handleEvent(msg sessionEventMsg) (Model, tea.Cmd) {
	if msg.gen != m.sessGen || m.sess == nil {
		return m, nil
	}
	switch msg.ev.Kind {
	case session.RefreshFailed:
		m.refresh = statusbar.RefreshFailedLast
	case session.LoggedIn, session.Refreshed, session.ReLoggedIn, session.Rotated:
		m.refresh = statusbar.RefreshIdle
	case session.GaveUp:
		if d := msg.ev.Diagnosis; d != nil {
			m.rejected = d.SentFingerprint
		}
	}
	now := m.ctx.Now
	if now.IsZero() {
		now = msg.ev.Time
	}
	m.notice = eventNotice(msg.ev, now)
	m.snapshotToken()
	if m.showInspector {
		m.inspector.Refresh()
	}
	return m, listenCmd(msg.gen, m.sess.Events())
}

// snapshotToken copies the session's current token for View (the session is safe to ask; the
// snapshot keeps View a pure function of the model).
func (m *Model) snapshotToken() {
	if m.sess == nil {
		return
	}
	if tok, ok := m.sess.Token(); ok {
		m.token = tok
	} else {
		m.token = session.Token{}
	}
}

// resize hands each screen its share of the terminal: the workspace loses the notice, status and
// help lines; the login screen only the help line.
func (m *Model) resize() {
	w, h := m.ctx.Width, m.ctx.Height
	m.login.SetSize(w, max(0, h-1))
	if m.showInspector {
		m.inspector.SetSize(w, max(0, h-1))
	}
	if m.hasWorkspace {
		m.workspace.SetSize(w, max(0, h-3))
	}
	m.help.Width = w
}
