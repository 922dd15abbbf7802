package prompt

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Choice asks a question with a few keyed answers. Pressing an option's key answers at once;
// the arrows (or tab) move a highlight that enter picks; esc answers CancelKey. It answers once,
// with ChoiceMsg.
type Choice struct {
	ctx      *common.Context
	keys     KeyMap
	id       ID
	question string
	options  []Option
	bindings []key.Binding // one per option, same order
	selected int
	done     bool
	width    int
	height   int
}

// NewChoice builds a dialog asking question (it may span several lines), with options listed in
// order and the first one highlighted. The answer carries id.
func NewChoice(ctx *common.Context, id ID, question string, options []Option) Choice {
	m := Choice{ctx: ctx, keys: DefaultKeyMap(), id: id, question: question, options: options}
	m.bindings = make([]key.Binding, len(options))
	for i, o := range options {
		keys := []string{o.Key}
		if up := strings.ToUpper(o.Key); utf8.RuneCountInString(o.Key) == 1 && up != o.Key {
			keys = append(keys, up)
		}
		m.bindings[i] = key.NewBinding(key.WithKeys(keys...), key.WithHelp(o.Key, strings.ToLower(o.Label)))
	}
	return m
}

// ID returns the ID the answer carries.
func (m Choice) ID() ID { return m.id }

// Selected returns the index of the highlighted option.
func (m Choice) Selected() int { return m.selected }

// CapturesKeys reports that every key belongs to the dialog while it is open: its options are
// single letters.
func (m Choice) CapturesKeys() bool { return true }

// SetSize sets the screen size the box is centred on; the box's width follows it.
func (m Choice) SetSize(width, height int) Choice {
	m.width, m.height = max(0, width), max(0, height)
	return m
}

// Update answers on an option's key, on enter (the highlighted option) and on esc (CancelKey);
// the arrows move the highlight. Option keys are checked first, so an option may use a letter the
// dialog would otherwise ignore. After its answer the dialog ignores everything.
func (m Choice) Update(msg tea.Msg) (Choice, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if m.done || !ok {
		return m, nil
	}
	for i, b := range m.bindings {
		if key.Matches(k, b) {
			return m.answer(m.options[i].Key)
		}
	}
	switch {
	case key.Matches(k, m.keys.Cancel):
		return m.answer(CancelKey)
	case key.Matches(k, m.keys.Submit) && len(m.options) > 0:
		return m.answer(m.options[m.selected].Key)
	case key.Matches(k, m.keys.Next) && len(m.options) > 0:
		m.selected = (m.selected + 1) % len(m.options)
	case key.Matches(k, m.keys.Prev) && len(m.options) > 0:
		m.selected = (m.selected + len(m.options) - 1) % len(m.options)
	}
	return m, nil
}

// answer closes the dialog with key.
func (m Choice) answer(k string) (Choice, tea.Cmd) {
	m.done = true
	id := m.id
	return m, func() tea.Msg { return ChoiceMsg{ID: id, Key: k} }
}

// View draws the box centred on the screen size given to SetSize.
func (m Choice) View() string { return place(m.Box(), m.width, m.height) }

// Box draws the dialog alone: the question, then one line per option with its key, the
// highlighted one marked.
func (m Choice) Box() string {
	st := m.ctx.Styles
	w := boxContentWidth(st, m.width)
	var lines []string
	for i, l := range wrapText(m.question, w) {
		if i == 0 {
			l = st.Accent.Render(l)
		}
		lines = append(lines, l)
	}
	lines = append(lines, "")
	keyW := 0
	for _, o := range m.options {
		keyW = max(keyW, ansi.StringWidth(display.Line(o.Key)))
	}
	for i, o := range m.options {
		marker, label := "  ", display.Line(o.Label)
		keyText := lipgloss.NewStyle().Width(keyW).Render(display.Line(o.Key))
		line := st.HelpKey.Render(keyText) + "  " + label
		if i == m.selected {
			marker = st.Accent.Render("▸ ")
			line = st.Accent.Render(keyText) + "  " + st.Accent.Render(label)
		}
		lines = append(lines, ansi.Truncate(marker+line, w, "…"))
	}
	lines = append(lines, "", st.Faint.Render(ansi.Truncate(hint(m.keys.Next, m.keys.Submit, m.keys.Cancel), w, "…")))
	return renderBox(st, w, strings.Join(lines, "\n"))
}

// ShortHelp implements help.KeyMap: the options' keys, then esc — once: an option answering
// CancelKey is the esc binding already, so it is not listed again.
func (m Choice) ShortHelp() []key.Binding {
	out := make([]key.Binding, 0, len(m.bindings)+1)
	for i, b := range m.bindings {
		if m.options[i].Key != CancelKey {
			out = append(out, b)
		}
	}
	return append(out, m.keys.Cancel)
}

// FullHelp implements help.KeyMap.
func (m Choice) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.ShortHelp(), {m.keys.Next, m.keys.Prev, m.keys.Submit}}
}
