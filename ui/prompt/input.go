package prompt

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Input is a one-line text prompt in a box: a title, the field, and an inline error when the
// value does not pass validation. It answers once, with InputSubmittedMsg or InputCancelledMsg.
type Input struct {
	ctx      *common.Context
	keys     KeyMap
	id       ID
	title    string
	validate func(string) error
	input    textinput.Model
	err      string
	done     bool
	// fresh is true while the prefilled text is untouched: like a selected field, the first
	// character typed replaces it, while a movement or deletion keeps it for editing.
	fresh  bool
	width  int
	height int
}

// NewInput builds a focused prompt titled title, prefilled with initial (cursor at the end).
// validate, when not nil, decides whether enter answers: its error is shown in the box instead,
// so the user can fix the value without losing it. The answer messages carry id.
func NewInput(ctx *common.Context, id ID, title, initial string, validate func(string) error) Input {
	in := textinput.New()
	in.Prompt = "> "
	in.PromptStyle = ctx.Styles.Accent
	in.Cursor.Style = ctx.Styles.Accent
	// A static cursor: a blinking one needs tick messages routed back through the root, and makes
	// every frame of a golden depend on timing.
	in.Cursor.SetMode(cursor.CursorStatic)
	// SetValue drops control characters and turns tabs and newlines into spaces, so an initial
	// value taken from a file or the history cannot reach the terminal raw.
	in.SetValue(initial)
	in.CursorEnd()
	in.Focus()
	m := Input{ctx: ctx, keys: DefaultKeyMap(), id: id, title: title, validate: validate, input: in, fresh: initial != ""}
	return m.SetSize(0, 0)
}

// ID returns the ID the answers carry.
func (m Input) ID() ID { return m.id }

// Value returns the text typed so far.
func (m Input) Value() string { return m.input.Value() }

// Err returns the validation error shown, "" when none.
func (m Input) Err() string { return m.err }

// CapturesKeys reports that every key belongs to the prompt while it is open: letters are text.
func (m Input) CapturesKeys() bool { return true }

// SetSize sets the screen size the box is centred on; the box's width follows it.
func (m Input) SetSize(width, height int) Input {
	m.width, m.height = max(0, width), max(0, height)
	promptW := ansi.StringWidth(m.input.Prompt)
	// One cell is kept for the cursor after the last character.
	m.input.Width = max(1, boxContentWidth(m.ctx.Styles, m.width)-promptW-1)
	return m
}

// Update handles typing, enter (answers when validation passes) and esc (cancels). After its
// answer the prompt ignores everything: a second enter typed before the owner closed it must not
// answer twice.
func (m Input) Update(msg tea.Msg) (Input, tea.Cmd) {
	if m.done {
		return m, nil
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.keys.Submit):
			return m.submit()
		case key.Matches(k, m.keys.Cancel):
			m.done = true
			id := m.id
			return m, func() tea.Msg { return InputCancelledMsg{ID: id} }
		}
	}
	if k, ok := msg.(tea.KeyMsg); ok && m.fresh {
		m.fresh = false
		if k.Type == tea.KeyRunes && !k.Paste || k.Type == tea.KeySpace {
			m.input.SetValue("")
		}
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.err = "" // the error was about the old text
	}
	return m, cmd
}

// submit answers with the value, or shows why it cannot be used.
func (m Input) submit() (Input, tea.Cmd) {
	v := m.input.Value()
	if m.validate != nil {
		if err := m.validate(v); err != nil {
			m.err = err.Error()
			return m, nil
		}
	}
	m.done, m.err = true, ""
	id := m.id
	return m, func() tea.Msg { return InputSubmittedMsg{ID: id, Value: v} }
}

// View draws the box centred on the screen size given to SetSize.
func (m Input) View() string { return place(m.Box(), m.width, m.height) }

// Box draws the dialog alone: title, field, the error if any, and the keys.
func (m Input) Box() string {
	st := m.ctx.Styles
	w := boxContentWidth(st, m.width)
	var lines []string
	for _, l := range wrapText(m.title, w) {
		lines = append(lines, st.Accent.Render(l))
	}
	lines = append(lines, "", m.input.View())
	if m.err != "" {
		for _, l := range wrapText(m.err, w) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	lines = append(lines, "", st.Faint.Render(ansi.Truncate(hint(m.keys.Submit, m.keys.Cancel), w, "…")))
	return renderBox(st, w, strings.Join(lines, "\n"))
}

// ShortHelp implements help.KeyMap.
func (m Input) ShortHelp() []key.Binding { return []key.Binding{m.keys.Submit, m.keys.Cancel} }

// FullHelp implements help.KeyMap.
func (m Input) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// hint is the one-line key reminder drawn in a box, made from the bindings' own help so it cannot
// drift from them.
func hint(bindings ...key.Binding) string {
	parts := make([]string, 0, len(bindings))
	for _, b := range bindings {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return display.Line(strings.Join(parts, " · "))
}
