// Package login is the login screen: endpoint, username or email (one field; an @ means email),
// and a masked password. It validates the form and emits SubmitMsg; the root model performs the
// login and reports back with SetBusy and SetError, so the form keeps its values on failure.
package login

import (
	"errors"
	"net/url"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// field indexes the form's inputs.
type field int

const (
	fieldEndpoint field = iota
	fieldIdentity
	fieldPassword
	fieldCount
)

// SubmitMsg asks the root to log in. The password travels only in this message and the session.
type SubmitMsg struct {
	Endpoint    string
	Credentials session.Credentials
}

// Options prefill the form.
type Options struct {
	Endpoint, Identity, Password string
	// Hint is a line shown under the form, e.g. the demo credentials notice.
	Hint string
}

// Model is the login form.
type Model struct {
	ctx     *common.Context
	keys    KeyMap
	inputs  common.Shared[[fieldCount]textinput.Model] // see common.Shared: keeps the root model small
	focus   field
	busy    bool
	spinner spinner.Model
	err     string
	detail  string
	hint    string
	width   int
	height  int
}

// New builds the form. Focus starts on the first empty field, so with endpoint and username known
// the cursor waits in the password field.
func New(ctx *common.Context, opts Options) Model {
	m := Model{ctx: ctx, keys: DefaultKeyMap(), hint: opts.Hint}
	prompts := [fieldCount]string{"Endpoint  ", "User      ", "Password  "}
	placeholders := [fieldCount]string{"https://…/graphql", "username or email", ""}
	values := [fieldCount]string{opts.Endpoint, opts.Identity, opts.Password}
	var inputs [fieldCount]textinput.Model
	for i := range inputs {
		in := textinput.New()
		in.Prompt = prompts[i]
		in.Placeholder = placeholders[i]
		in.SetValue(values[i])
		in.PromptStyle = ctx.Styles.Muted
		in.PlaceholderStyle = ctx.Styles.Faint
		in.Cursor.Style = ctx.Styles.Accent
		inputs[i] = in
	}
	inputs[fieldPassword].EchoMode = textinput.EchoPassword
	inputs[fieldPassword].EchoCharacter = '•'
	m.spinner = spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(ctx.Styles.Accent))
	m.focus = fieldEndpoint
	for i := range fieldCount {
		if values[i] == "" {
			m.focus = i
			break
		}
		if i == fieldCount-1 {
			m.focus = fieldPassword
		}
	}
	inputs[m.focus].Focus()
	m.inputs = common.Share(inputs)
	return m
}

// KeyMap returns the form's bindings for the help bar.
func (m Model) KeyMap() KeyMap { return m.keys }

// Help returns the form's bindings, for the root's help line and f1 screen.
func (m Model) Help() help.KeyMap { return m.keys }

// The login form keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// SetSize sets the area the form is centred in.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	inputs := m.inputs.Edit()
	for i := range inputs {
		inputs[i].Width = max(10, min(60, width-20))
	}
	return m
}

// Busy reports whether a login is in flight.
func (m Model) Busy() bool { return m.busy }

// SetBusy shows the form as logging in (the root started a login of its own, from a stored token
// or a password it was given) and returns the spinner's first tick.
func (m *Model) SetBusy() tea.Cmd {
	m.busy, m.err, m.detail = true, "", ""
	return m.spinner.Tick
}

// SetIdle ends a login the root started without an answer to show (no valid stored token, no
// password): the form waits for the user, with a hint why.
func (m *Model) SetIdle(hint string) {
	m.busy, m.err, m.detail = false, "", ""
	if hint != "" {
		m.hint = hint
	}
}

// SetError shows why the login failed: the server's message and our diagnosis. The fields keep
// their values.
func (m *Model) SetError(message, detail string) {
	m.busy, m.err, m.detail = false, message, detail
}

// credentials turns the form into credentials; an @ in the user field means email.
func (m Model) submission() (SubmitMsg, error) {
	endpoint := strings.TrimSpace(m.inputs.Get()[fieldEndpoint].Value())
	identity := strings.TrimSpace(m.inputs.Get()[fieldIdentity].Value())
	password := m.inputs.Get()[fieldPassword].Value()
	if endpoint == "" {
		return SubmitMsg{}, errors.New("the endpoint is empty")
	}
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return SubmitMsg{}, errors.New("the endpoint must be an http:// or https:// URL")
	}
	if identity == "" {
		return SubmitMsg{}, errors.New("enter a username or an email")
	}
	if password == "" {
		return SubmitMsg{}, errors.New("enter the password")
	}
	creds := session.Credentials{Username: identity, Password: password}
	if strings.Contains(identity, "@") {
		creds = session.Credentials{Email: identity, Password: password}
	}
	return SubmitMsg{Endpoint: endpoint, Credentials: creds}, nil
}
