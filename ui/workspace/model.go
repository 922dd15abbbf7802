// Package workspace is the screen after login: the query editor, the variables editor and the
// results pane, and the running of requests through the shared session.
package workspace

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/complete"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
	"github.com/toggle-explorer/toggle-explorer/ui/statusbar"
)

// Pane names the focusable panes.
type Pane int

// The panes, in tab order.
const (
	PaneEditor Pane = iota
	PaneVariables
	PaneHeaders
	PaneResults
	paneCount
)

// String names the pane.
func (p Pane) String() string {
	switch p {
	case PaneEditor:
		return "query"
	case PaneVariables:
		return "variables"
	case PaneHeaders:
		return "headers"
	case PaneResults:
		return "results"
	}
	return "unknown"
}

// inflight is the one request being run.
type inflight struct {
	id      int
	cancel  context.CancelFunc
	started time.Time
	op      string
}

// Model is the workspace screen.
type Model struct {
	ctx     *common.Context
	keys    KeyMap
	sess    *session.Session
	editor  editor.Model
	vars    editor.Model
	hdrs    editor.Model
	results results.Model
	spinner spinner.Model
	focus   Pane

	width, height int
	// Pane rectangles from the last layout, for routing mouse events.
	layout layout

	history *history.Log
	saved   savedRef
	base    base
	schema  *schema.Schema
	popup   complete.Model
	lint    complete.Linter
	// note is a one-off message for the root's notice line (prettify's outcome), taken by Note.
	note string

	running *inflight
	lastID  int
	last    *statusbar.LastRequest
	// resultOf names the operation whose response the results pane shows; resultStale says the
	// editors have since been replaced by another query, so the title says whose it is.
	resultOf    string
	resultStale bool
	// varsProblem is the live JSON error of the variables pane ("" when it parses).
	varsProblem string
	// hdrsProblem is the headers pane's first problem ("" when every line is a header).
	hdrsProblem string
	// profile is the environment the requests go to (headers, defaults, protection).
	profile Profile
	// confirmed lets the next run of a mutation on a protected profile through: set only by
	// RunConfirmed, after the user typed the profile's name.
	confirmed bool
	// lookupEnv reads the environment for $VAR in headers (os.LookupEnv unless a test sets it).
	lookupEnv func(string) (string, bool)
}

// Options fill the editors at start and say where executions are recorded.
type Options struct {
	Query, Variables string
	// History records every execution (nil: none).
	History *history.Log
	// Headers fills the headers pane.
	Headers string
	// Profile is the environment the requests go to.
	Profile Profile
	// LookupEnv reads environment variables for $VAR in headers (nil: os.LookupEnv).
	LookupEnv func(string) (string, bool)
}

// New builds the workspace around a logged-in session.
func New(ctx *common.Context, sess *session.Session, opts Options) Model {
	m := Model{
		ctx:  ctx,
		keys: DefaultKeyMap(),
		sess: sess,
		editor: editor.New(editor.Options{
			Language:    editor.GraphQL,
			Placeholder: "# f6 builds a query from the schema; or type one, ctrl+r runs it",
			Styles:      editor.DefaultStyles(ctx.Theme),
		}),
		vars: editor.New(editor.Options{
			Language:    editor.JSON,
			Placeholder: `{ "name": "value" }`,
			Styles:      editor.DefaultStyles(ctx.Theme),
		}),
		hdrs:      newHeadersEditor(editor.DefaultStyles(ctx.Theme)),
		results:   results.New(results.DefaultStyles(ctx.Theme), results.DefaultKeyMap()),
		spinner:   spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(ctx.Styles.Accent)),
		history:   opts.History,
		popup:     complete.New(ctx),
		profile:   opts.Profile,
		lookupEnv: opts.LookupEnv,
	}
	// The response's status, time and size go in the results frame's title.
	m.results.SetTitleInFrame(true)
	m.editor = m.editor.SetValue(opts.Query)
	m.vars = m.vars.SetValue(opts.Variables)
	m.base = base{query: opts.Query, variables: opts.Variables, headers: opts.Headers}
	m.checkVariables()
	m.SetHeaders(opts.Headers)
	m.editor, _ = m.editor.Focus()
	return m
}

// Init validates the initial text once (the editor cursor does not blink: a blink redraws the
// whole screen).
func (m Model) Init() tea.Cmd {
	_, cmd := m.relint()
	return cmd
}

// SetSession swaps the session after a new login (same editors, new identity or endpoint).
func (m *Model) SetSession(s *session.Session) { m.sess = s }

// Focused returns the focused pane.
func (m Model) Focused() Pane { return m.focus }

// Running reports whether a request is in flight.
func (m Model) Running() bool { return m.running != nil }

// LastRequest summarises the last finished request for the status bar (nil before the first).
func (m Model) LastRequest() *statusbar.LastRequest { return m.last }

// Query returns the query editor's text.
func (m Model) Query() string { return m.editor.Value() }

// Variables returns the variables editor's text.
func (m Model) Variables() string { return m.vars.Value() }

// Results returns the results pane (for tests and goldens).
func (m Model) Results() results.Model { return m.results }

// CapturesKeys reports whether the focused pane is a text field, so single-letter shortcuts and
// esc must go to it rather than act globally.
func (m Model) CapturesKeys() bool {
	switch m.focus {
	case PaneEditor, PaneVariables, PaneHeaders:
		return true
	default:
		return m.results.InputFocused()
	}
}

// KeyMap returns the workspace bindings, with Cancel enabled only while a request runs so help
// stays truthful.
func (m Model) KeyMap() KeyMap {
	k := m.keys
	// A line open in the results (search, filter, write prompt) takes tab and esc itself (see
	// handleKey): help must not offer them for the workspace then.
	typing := m.results.InputFocused()
	k.Cancel.SetEnabled(m.running != nil && !typing)
	k.NextPane.SetEnabled(!typing)
	k.PrevPane.SetEnabled(!typing)
	return k
}

// The workspace keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// Help is what the help bar shows: the focused pane's bindings after the workspace's.
func (m Model) Help() help.KeyMap { return common.JoinHelp(m.KeyMap(), m.paneHelp()) }

func (m Model) paneHelp() help.KeyMap {
	switch m.focus {
	case PaneEditor:
		if m.popup.Visible() {
			return m.popup
		}
		trigger := m.popup.KeyMap.Trigger
		trigger.SetEnabled(m.schema != nil) // completion needs a schema: help says only what works
		return common.JoinHelp(common.Bindings{trigger, m.keys.Prettify}, m.editor)
	case PaneVariables:
		return m.vars
	case PaneHeaders:
		return m.hdrs
	default:
		return m.results
	}
}

// Note returns and clears the workspace's one-off message for the notice line.
func (m *Model) Note() string {
	n := m.note
	m.note = ""
	return n
}

// Stop cancels the request in flight, if any, as the tab holding the workspace closes.
func (m Model) Stop() {
	if m.running != nil {
		m.running.cancel()
	}
}

// Title names the workspace's query for a tab: the saved name, else the first operation's name,
// else "untitled".
func (m Model) Title() string {
	if m.saved.name != "" {
		return m.saved.name
	}
	if name := firstOperationName(m.editorLines()); name != "" {
		return name
	}
	return "untitled"
}
