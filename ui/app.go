// Package ui is the explorer's Bubble Tea program: a root model that routes between the login
// screen and the workspace's tabs (one workspace each, see tabs.go), owns the one session they
// share, relays the session's events as notices, and keeps the status bar's token age ticking.
package ui

import (
	"context"
	"os/exec"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/query/tabstate"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// screen is what fills the terminal.
type screen int

const (
	screenLogin screen = iota
	screenWorkspace
)

// String names the screen.
func (s screen) String() string {
	if s == screenWorkspace {
		return "workspace"
	}
	return "login"
}

// Options configure the program. main builds them; the UI never reads flags or files itself.
type Options struct {
	// Theme colours everything.
	Theme *themes.Theme
	// Login prefills the login form.
	Login login.Options
	// Workspace fills the editors on first login.
	Workspace workspace.Options
	// Connect builds a session for an endpoint (validation only, no I/O).
	Connect func(endpoint string) (*session.Session, error)
	// AutoLogin starts without the form when it can: with the stored token for Login's endpoint
	// and identity while it is valid, else by logging in with Login's password. The form shows
	// only when neither works (and after logging out, to switch user).
	AutoLogin bool
	// Remember saves the last endpoint and identity (called in a command; may be nil).
	Remember func(endpoint, identity string) error
	// SchemaFile loads the schema from a file (SDL or introspection JSON) instead of introspecting.
	SchemaFile string
	// SchemaCache keeps introspected schemas per endpoint (nil: no cache).
	SchemaCache *schema.Cache
	// Library holds the saved queries (nil: ctrl+s and ctrl+o are unavailable).
	Library *saved.Library
	// History is the executions' history for f4 (nil: none).
	History *history.Log
	// StartupWarning is a problem found while starting, such as a config file that could not be
	// read and was ignored. The workspace's notice line shows it whenever nothing else is to be
	// said there: the login form's hint alone is never seen when the TUI starts logged in.
	StartupWarning string
	// CurlDir is where "write curl to a file" puts its files.
	CurlDir string
	// Insecure is shown in the status bar when plain http:// to a remote host is allowed.
	Insecure bool
	// Restore is the tabs to open on the first login, from the last run (nil: one tab holding
	// Workspace's text); RestoreVersions gives each named tab its saved query's version, when its
	// files are unchanged (indexed like Restore.Tabs; may be shorter).
	Restore         *tabstate.State
	RestoreVersions []saved.Version
	// KeepsTabs says the tabs are written for the next run when the program ends, so quitting
	// loses nothing and does not ask.
	KeepsTabs bool
	// StartNotice is shown once the workspace opens (e.g. why the tabs were not restored).
	StartNotice string
	// Editor is the command alt+e runs on a file ($VISUAL, else $EDITOR; "": none set).
	Editor string
	// ExecEditor runs the editor with the program suspended (nil: tea.ExecProcess; tests run it
	// in place).
	ExecEditor func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	// Now is the time shown until the first tick (tests fix it; nil means time.Now at start).
	Now time.Time
	// DisableTick stops the once-a-second tick (golden tests drive time themselves).
	DisableTick bool
	// Profiles are the config's profiles, for the environment picker (f7); none disables it.
	Profiles []ProfileOption
	// Profile is the profile selected at start (--profile, TOGGLE_PROFILE or the default).
	Profile string
	// TokenStored reports whether a valid token is stored for an endpoint and identity (called
	// in a command: the keyring may be slow; nil: unknown).
	TokenStored func(endpoint, identity string) bool
}

// Model is the root model. Bubble Tea holds a *Model (Init, Update and View are pointer
// methods) and every Update changes it in place: the model carries every pane by value (tens of
// kilobytes), and as a value it was copied several times per message, boxed anew on the heap
// by every Update and kept the event loop's stack at megabytes. The panes inside keep their
// value semantics.
type Model struct {
	ctx  *common.Context
	opts Options
	keys KeyMap
	help help.Model

	screen       screen
	login        login.Model
	workspace    workspace.Model // the active tab's
	hasWorkspace bool            // the tabs are built on the first login and kept across re-logins
	tabs         tabSet

	// The pane shown over the workspace (nil: none; one at a time), the f1 help screen, and a
	// dialog that may sit over anything.
	overlay  common.AnyPane
	helpOpen bool
	dialog   dialog
	// lastInspector is the inspector as it was closed: a reopened one keeps its doctor report.
	lastInspector *inspector.Model // nil before the first closes; a pointer keeps the model small

	// profile is the environment in use: named in the status bar, given to the workspace.
	profile workspace.Profile

	// The schema for completion, validation and docs (nil until loaded; schemaNote says why not).
	schema     *schema.Schema
	schemaNote string
	// State of the saved-query flows between a dialog and its answer.
	pendingName   string
	quitAfterSave bool
	pendingRerun  *history.Entry // a mutation from the history, waiting for "run it again?"

	// The shared session and its life: gen tags its events, cancel stops its refresh loop.
	sess       *session.Session
	sessGen    int
	sessCancel context.CancelFunc
	identity   string
	loginID    int

	snap     session.Snapshot // the session's state, taken in Update on every event, read by View
	rejected string           // fingerprint of a token the server refused for good
	notice   notice
	// laidNoticeRows is the notice line's height the screens were last sized for (see resize).
	laidNoticeRows int
	// startNotice is the start-up warning (tabs not restored), repeated once after the login's own
	// notice.
	startNotice notice

	// viewGen counts the messages other than the clock's tick; clockOnly says the last message
	// was the tick; panes keeps the workspace's rendering for the generation it was drawn at (see
	// workspaceView).
	viewGen   uint64
	clockOnly bool
	panes     *frameCache
}

// New builds the root model on the login screen.
func New(opts Options) Model {
	keys := DefaultKeyMap()
	keys.Save.SetEnabled(opts.Library != nil)
	keys.Open.SetEnabled(opts.Library != nil)
	keys.History.SetEnabled(opts.History != nil)
	keys.Environments.SetEnabled(len(opts.Profiles) > 0)
	if opts.Theme == nil {
		opts.Theme = themes.Default()
	}
	ctx := common.NewContext(opts.Theme)
	ctx.Now = opts.Now
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = ctx.Styles.HelpKey, ctx.Styles.HelpKey
	h.Styles.ShortDesc, h.Styles.FullDesc = ctx.Styles.HelpDesc, ctx.Styles.HelpDesc
	h.Styles.ShortSeparator, h.Styles.FullSeparator = ctx.Styles.HelpSep, ctx.Styles.HelpSep
	m := Model{
		ctx:   ctx,
		opts:  opts,
		keys:  keys,
		help:  h,
		login: login.New(ctx, opts.Login),
		panes: &frameCache{},
	}
	if p, ok := m.findProfile(opts.Profile); ok {
		m.profile = p.Workspace
	}
	if m.canAutoLogin() {
		m.identity = opts.Login.Identity
		m.login.SetBusy()
	}
	return m
}

// canAutoLogin reports whether the start may skip the form: asked to, and knowing where and as whom.
func (m *Model) canAutoLogin() bool {
	return m.opts.AutoLogin && m.opts.Connect != nil && m.opts.Login.Endpoint != "" && m.opts.Login.Identity != ""
}

// Init starts the clock tick, and the login without the form when the options allow one.
func (m *Model) Init() tea.Cmd {
	var auto tea.Cmd
	if m.canAutoLogin() {
		creds := session.Credentials{Username: m.opts.Login.Identity, Password: m.opts.Login.Password}
		if strings.Contains(creds.Username, "@") {
			creds = session.Credentials{Email: creds.Username, Password: creds.Password}
		}
		auto = tea.Batch(m.login.SetBusy(), autoLoginCmd(m.loginID, m.opts.Connect, m.opts.Login.Endpoint, creds))
	}
	if m.opts.DisableTick {
		return auto
	}
	// One clock: this first tick re-arms itself when handled (see route). Arming tick() here as
	// well ran two chains, a second apart by a few milliseconds, and doubled the idle redraws.
	return tea.Batch(auto, func() tea.Msg { return tickMsg(time.Now()) })
}

// Session returns the current session (nil before the first login), so main can close it after
// the program exits.
func (m Model) Session() *session.Session { return m.sess }

// Close stops the session's refresh loop and closes it. main calls it after the program ends.
func (m Model) Close() {
	if m.sessCancel != nil {
		m.sessCancel()
	}
	if m.sess != nil {
		m.sess.Close()
	}
}

// Screen names the screen on show (for tests).
func (m Model) Screen() string { return m.screen.String() }

// Workspace returns the workspace once logged in (for tests).
func (m Model) Workspace() (workspace.Model, bool) {
	return m.workspace, m.hasWorkspace
}

// report shows an error or a piece of news in the notice line: the one place that marks (✗, ✓,
// ⚠), escapes and times what panes and the root report with common.ErrorMsg and InfoMsg.
func (m *Model) report(msg tea.Msg) {
	switch msg := msg.(type) {
	case common.ErrorMsg:
		text := "failed"
		if msg.Err != nil {
			text = msg.Err.Error()
		}
		if msg.What != "" {
			text = msg.What + ": " + text
		}
		m.say(noticeError, "✗ "+display.Line(text))
	case common.InfoMsg:
		text := display.Line(msg.Text)
		switch msg.Tone {
		case common.Success:
			m.say(noticeGood, "✓ "+text)
		case common.Warning:
			m.say(noticeWarn, "⚠ "+text)
		default:
			m.say(noticeInfo, text)
		}
	}
}

// say shows a notice for the usual time.
func (m *Model) say(kind noticeKind, text string) {
	m.notice = notice{text: text, kind: kind, until: m.ctx.Now.Add(noticeLife)}
}

// sayQuietly shows a low-priority notice (background news such as a loaded schema) only when no
// other notice is on show: it must not hide a refresh, a rotation or a failure.
func (m *Model) sayQuietly(kind noticeKind, text string) {
	if m.notice.visible(m.ctx.Now) {
		return
	}
	m.say(kind, text)
}

// openFirstTabs builds the tabs on the first login: the ones restored from the last run, else
// one tab with the configured text.
func (m *Model) openFirstTabs() tea.Cmd {
	m.hasWorkspace = true
	if m.opts.StartNotice != "" {
		m.report(common.InfoMsg{Tone: common.Warning, Text: m.opts.StartNotice})
		m.startNotice = m.notice // said again after "logged in", which would hide it
	}
	st := m.opts.Restore
	if st == nil || len(st.Tabs) == 0 {
		ws := workspace.New(m.ctx, m.sess, m.opts.Workspace)
		return m.addTab(ws, ws.Init())
	}
	var cmds []tea.Cmd
	for range st.Tabs {
		var cmd tea.Cmd
		cmd = m.addTab(m.newEmptyWorkspace())
		cmds = append(cmds, cmd)
	}
	// Restored once every tab exists: the tab bar's row is taken, so the scroll positions hold.
	m.storeActive()
	for i, t := range st.Tabs {
		var v saved.Version
		if i < len(m.opts.RestoreVersions) {
			v = m.opts.RestoreVersions[i]
		}
		cmds = append(cmds, tagCmd(m.tabs.slots[i].id, m.tabs.slots[i].ws.Restore(t, v)))
	}
	m.tabs.active = min(max(st.Active, 0), len(st.Tabs)-1)
	m.workspace = m.tabs.slots[m.tabs.active].ws
	return tea.Batch(cmds...)
}

// TabState describes the open tabs for the tabs file (main writes it after the program ends).
// ok is false before the first login: there is nothing to keep, and a file from an earlier run
// must not be overwritten with nothing.
func (m Model) TabState() (tabstate.State, bool) {
	if !m.hasWorkspace {
		return tabstate.State{}, false
	}
	tabs, active := m.Tabs()
	st := tabstate.State{Version: tabstate.FormatVersion, Active: active}
	for _, ws := range tabs {
		st.Tabs = append(st.Tabs, ws.Snapshot())
	}
	return st, true
}
