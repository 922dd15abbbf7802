package envpicker

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// TokenState says what the token store holds for a profile.
type TokenState int

// The token states the picker shows.
const (
	TokenUnknown TokenState = iota // still being checked
	TokenValid                     // a usable token is stored
	TokenNone                      // nothing usable stored: choosing the profile asks for a login
)

// Entry is one profile in the list.
type Entry struct {
	Name, Endpoint, Identity string
	Protected                bool
	Token                    TokenState
}

// ChooseMsg says the user picked the profile Name.
type ChooseMsg struct{ Name string }

// CloseMsg asks the root to close the picker: the one close request of every pane.
type CloseMsg = common.CloseMsg

// TokensMsg carries the token states checked in a command, by profile name.
type TokensMsg map[string]TokenState

// KeyMap is the picker's bindings.
type KeyMap struct {
	Up, Down, Choose, Close key.Binding
}

// DefaultKeyMap returns the picker's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "switch")),
		Close:  key.NewBinding(key.WithKeys("esc", "f7", "q"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Choose, k.Up, k.Down, k.Close} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is the picker.
type Model struct {
	ctx     *common.Context
	keys    KeyMap
	entries []Entry
	current string
	live    bool // current has a session logged in

	cursor        int
	width, height int
}

// New lists entries (in the order given) with current marked and selected.
func New(ctx *common.Context, entries []Entry, current string) Model {
	m := Model{ctx: ctx, keys: DefaultKeyMap(), entries: append([]Entry(nil), entries...), current: current}
	for i, e := range entries {
		if e.Name == current {
			m.cursor = i
		}
	}
	return m
}

// SetLive says the current profile has a logged-in session (its row then says "in use", whatever
// the store holds).
func (m Model) SetLive(live bool) Model { m.live = live; return m }

// SetSize sets the overlay's size.
func (m Model) SetSize(w, h int) Model { m.width, m.height = w, h; return m }

// KeyMap returns the bindings.
func (m Model) KeyMap() KeyMap { return m.keys }

// Help returns the keys for the help line.
func (m Model) Help() help.KeyMap { return m.keys }

var _ common.Pane[Model] = Model{}

// Selected is the profile under the cursor ("" when the list is empty).
func (m Model) Selected() string {
	if m.cursor < len(m.entries) {
		return m.entries[m.cursor].Name
	}
	return ""
}

// Update moves the cursor, chooses and closes.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case TokensMsg:
		for i := range m.entries {
			if st, ok := msg[m.entries[i].Name]; ok {
				m.entries[i].Token = st
			}
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(max(0, len(m.entries)-1), m.cursor+1)
		case key.Matches(msg, m.keys.Choose):
			if name := m.Selected(); name != "" {
				return m, func() tea.Msg { return ChooseMsg{Name: name} }
			}
		case key.Matches(msg, m.keys.Close):
			return m, func() tea.Msg { return CloseMsg{} }
		}
	}
	return m, nil
}

// View draws the list in a frame.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.Styles
	inner, _ := common.FrameInner(m.width, m.height)
	var lines []string
	if len(m.entries) == 0 {
		lines = append(lines, st.Muted.Render(" No profiles: add [profiles.NAME] tables to config.toml (see the README)."))
	}
	nameW := 4
	for _, e := range m.entries {
		nameW = max(nameW, ansi.StringWidth(display.Line(e.Name)))
	}
	for i, e := range m.entries {
		mark := "  "
		if e.Name == m.current {
			mark = "● "
		}
		name := fmt.Sprintf("%-*s", nameW, display.Line(e.Name))
		line := mark + name + "  " + display.Line(e.Endpoint)
		if e.Identity != "" {
			line += "  as " + display.Line(e.Identity)
		}
		token := tokenText(e.Token) + " "
		if e.Name == m.current && m.live {
			token = "✓ in use "
		}
		prot := ""
		if e.Protected {
			prot = "⚠ protected  "
		}
		leftW := max(0, inner-ansi.StringWidth(token)-ansi.StringWidth(prot))
		left := ansi.Truncate(" "+line, leftW, "…")
		left += strings.Repeat(" ", max(0, leftW-ansi.StringWidth(left)))
		style := st.Muted
		if i == m.cursor {
			style = st.Accent
		}
		rendered := style.Render(left)
		if prot != "" {
			rendered += st.Warning.Render(prot) // the theme's warning colour, as in the status bar
		}
		rendered += style.Render(token)
		lines = append(lines, rendered)
	}
	lines = append(lines, "", st.Faint.Render(" enter switches to a new session with that profile's own token and headers"))
	return common.Frame(st, "Environments (f7)", strings.Join(lines, "\n"), m.width, m.height, true)
}

func tokenText(t TokenState) string {
	switch t {
	case TokenValid:
		return "✓ token stored"
	case TokenNone:
		return "login needed"
	}
	return "checking…"
}
