package ui

import (
	"fmt"
	"net/url"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/envpicker"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// confirmDialog is the ID of the dialog asking for a protected profile's name before a mutation
// is sent.
type confirmDialog struct{}

// ProfileOption is one config profile the environment picker (f7) offers.
type ProfileOption struct {
	// Identity is the username or email to log in as.
	Identity string
	// Workspace is the profile as the workspace uses it: name, endpoint, headers, default
	// variables, protection.
	Workspace workspace.Profile
}

// profileSwitchedMsg is the outcome of preparing a session for a newly chosen profile.
type profileSwitchedMsg struct {
	id       int
	name     string
	sess     *session.Session
	tok      session.Token
	restored bool // a valid stored token was installed: no login needed
}

// findProfile returns the named profile option.
func (m *Model) findProfile(name string) (ProfileOption, bool) {
	for _, p := range m.opts.Profiles {
		if p.Workspace.Name == name {
			return p, true
		}
	}
	return ProfileOption{}, false
}

// openEnvironments shows the environment picker and checks the token store in a command.
func (m *Model) openEnvironments() tea.Cmd {
	entries := make([]envpicker.Entry, len(m.opts.Profiles))
	for i, p := range m.opts.Profiles {
		entries[i] = envpicker.Entry{Name: p.Workspace.Name, Endpoint: p.Workspace.Endpoint,
			Identity: p.Identity, Protected: p.Workspace.Protected}
		if m.opts.TokenStored == nil {
			entries[i].Token = envpicker.TokenNone // no store (--no-store): nothing is kept
		}
	}
	picker := envpicker.New(m.ctx, entries, m.profile.Name).SetLive(m.sess != nil && m.screen == screenWorkspace)
	m.overlay = common.Wrap(picker.SetSize(m.ctx.Width, m.overlayHeight()))
	return tokensCmd(m.opts.Profiles, m.opts.TokenStored)
}

// tokensCmd asks the token store, off the UI goroutine (a keyring call may be slow), which
// profiles have a valid token stored.
func tokensCmd(profiles []ProfileOption, stored func(endpoint, identity string) bool) tea.Cmd {
	if stored == nil || len(profiles) == 0 {
		return nil
	}
	return func() tea.Msg {
		out := envpicker.TokensMsg{}
		for _, p := range profiles {
			out[p.Workspace.Name] = envpicker.TokenNone
			if stored(p.Workspace.Endpoint, p.Identity) {
				out[p.Workspace.Name] = envpicker.TokenValid
			}
		}
		return out
	}
}

// switchProfile starts the switch to the chosen profile: a new session for its endpoint, which
// tries the stored token in a command. The current session stays in use until that answers.
func (m *Model) switchProfile(name string) tea.Cmd {
	m.closeOverlay()
	p, ok := m.findProfile(name)
	if !ok || (name == m.profile.Name && m.sess != nil && sameEndpoint(m.sess.Endpoint(), p.Workspace.Endpoint)) {
		return nil
	}
	sess, err := m.opts.Connect(p.Workspace.Endpoint)
	if err != nil {
		m.report(common.ErrorMsg{Err: err})
		return nil
	}
	m.loginID++
	id, identity := m.loginID, p.Identity
	return func() tea.Msg {
		tok, ok := sess.Restore(identity)
		return profileSwitchedMsg{id: id, name: name, sess: sess, tok: tok, restored: ok}
	}
}

// finishSwitch installs the new profile's session, or, with no usable stored token, shows the
// login form for its endpoint and identity. Either way the old session stops now: nothing of the
// old profile is sent any more.
func (m *Model) finishSwitch(msg profileSwitchedMsg) tea.Cmd {
	if msg.id != m.loginID {
		return closeSessionCmd(msg.sess)
	}
	p, _ := m.findProfile(msg.name)
	m.profile = p.Workspace
	m.identity = p.Identity
	if msg.restored {
		m.report(common.InfoMsg{Tone: common.Success, Text: "switched to " + msg.name})
		return m.finishLogin(loginFinishedMsg{id: msg.id, sess: msg.sess, token: msg.tok})
	}
	if m.sessCancel != nil {
		m.sessCancel()
		m.sessCancel = nil
	}
	closeOld := tea.Batch(closeSessionCmd(m.sess), closeSessionCmd(msg.sess))
	m.sess, m.snap = nil, session.Snapshot{}
	m.sessGen++
	m.login = login.New(m.ctx, login.Options{Endpoint: p.Workspace.Endpoint, Identity: p.Identity,
		Hint: "Environment " + display.Line(msg.name) + ": no valid stored token, log in."})
	m.screen = screenLogin
	m.resize()
	return closeOld
}

// syncProfile keeps the workspace's profile true to the session's endpoint after any login: the
// profile chosen (or given with --profile) when the endpoints match, else the first profile for
// that endpoint, else none. So a profile's headers never go to an endpoint typed by hand.
func (m *Model) syncProfile() {
	if m.sess == nil {
		return
	}
	endpoint := m.sess.Endpoint()
	if !sameEndpoint(m.profile.Endpoint, endpoint) {
		m.profile = workspace.Profile{}
		for _, p := range m.opts.Profiles {
			if sameEndpoint(p.Workspace.Endpoint, endpoint) {
				m.profile = p.Workspace
				break
			}
		}
	}
	if m.hasWorkspace {
		// Every tab sends to the same session, so every tab takes the same profile.
		m.workspace.SetProfile(m.profile)
		m.eachInactiveTab(func(ws *workspace.Model) tea.Cmd { ws.SetProfile(m.profile); return nil })
	}
}

// sameEndpoint compares two endpoint URLs as the session writes them (so "HTTPS://Host/graphql"
// in the config matches the session's "https://host/graphql").
func sameEndpoint(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ua, errA := url.Parse(strings.TrimSpace(a))
	ub, errB := url.Parse(strings.TrimSpace(b))
	if errA != nil || errB != nil {
		return a == b
	}
	ua.Scheme, ub.Scheme = strings.ToLower(ua.Scheme), strings.ToLower(ub.Scheme)
	ua.Host, ub.Host = strings.ToLower(ua.Host), strings.ToLower(ub.Host)
	return ua.String() == ub.String()
}

// confirmMutation asks the user to type the protected profile's name before the mutation runs.
func (m *Model) confirmMutation(msg workspace.ConfirmMutationMsg) {
	vars := msg.Variables
	if len(vars) > 300 {
		vars = vars[:300] + "…"
	}
	title := fmt.Sprintf("⚠ %s is protected. Mutation %s on %s with variables %s. Type %q to send it.",
		msg.Profile, msg.Operation, msg.Endpoint, vars, msg.Profile)
	want := msg.Profile
	in := prompt.NewInput(m.ctx, confirmDialog{}, display.Line(title), "", func(s string) error {
		if s != want {
			return fmt.Errorf("type %q exactly to send the mutation, or esc to cancel", want)
		}
		return nil
	}).SetSize(m.ctx.Width, m.ctx.Height)
	m.dialog = dialog{input: &in}
}

// runConfirmed sends the mutation the user confirmed.
func (m *Model) runConfirmed() tea.Cmd {
	m.dialog = dialog{}
	if !m.hasWorkspace || m.screen != screenWorkspace {
		return nil
	}
	var cmd tea.Cmd
	m.workspace, cmd = m.workspace.RunConfirmed()
	return cmd
}
