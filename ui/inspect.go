package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
)

// tokenActionMsg reports an inspector action the root performed on the session (refresh now, use a
// pasted token). The message never carries the token.
type tokenActionMsg struct {
	what string
	err  error
}

// openInspector shows the auth inspector over the workspace, freshly read from the session.
func (m *Model) openInspector() {
	if m.sess == nil {
		return
	}
	in := inspector.New(m.ctx, m.sess)
	if m.lastInspector != nil {
		in.KeepDoctor(*m.lastInspector)
	}
	m.overlay = common.Wrap(in.SetSize(m.ctx.Width, m.overlayHeight()))
}

// updateInspector routes a message to the open inspector and performs what it asks for. Every
// session call happens in a command: logging in, logging out and writing files are I/O.
func (m *Model) updateInspector(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case inspector.RefreshNowMsg:
		sess := m.sess
		return func() tea.Msg {
			_, err := sess.RefreshNow(context.Background())
			return tokenActionMsg{what: "token refreshed on request", err: err}
		}
	case inspector.UseTokenMsg:
		sess, raw := m.sess, msg.Raw
		return func() tea.Msg {
			_, err := sess.UseToken(raw, "pasted")
			return tokenActionMsg{what: "using the pasted token; the explorer cannot log in again when it expires", err: err}
		}
	case inspector.LogoutMsg:
		return m.logout()
	case inspector.CopyCurlMsg:
		return inspector.CopyCurl(m.sess, msg, m.opts.CurlDir)
	case inspector.RunDoctorMsg:
		return inspector.RunDoctor(m.sess, msg, m.opts.Insecure)
	case inspector.CopiedMsg:
		if msg.Err != nil {
			m.report(common.ErrorMsg{What: "copy as curl failed", Err: msg.Err})
		} else {
			m.report(common.InfoMsg{Tone: common.Success, Text: "curl command → " + msg.Where})
		}
		return nil
	}
	return m.updateOverlay(msg)
}

// logout forgets the token, the credentials and the stored copy, and returns to the login form
// with the endpoint and user kept.
func (m *Model) logout() tea.Cmd {
	sess := m.sess
	if sess == nil {
		return nil // already logged out
	}
	m.closeOverlay()
	m.screen = screenLogin
	// A fresh form: the last one is still "logging in…" from the login that led here, and the
	// password must not stay behind after "forget the credentials".
	m.login = login.New(m.ctx, login.Options{Endpoint: sess.Endpoint(), Identity: m.identity})
	m.login = m.login.SetSize(m.ctx.Width, max(0, m.ctx.Height-1))
	m.sessGen++ // drop the old session's remaining events
	if m.sessCancel != nil {
		m.sessCancel()
	}
	m.sess, m.sessCancel = nil, nil
	m.snap = session.Snapshot{}
	return func() tea.Msg {
		sess.Logout()
		sess.Close()
		return tokenActionMsg{what: "logged out; the token and its stored copy are forgotten"}
	}
}
