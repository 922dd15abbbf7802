package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// ListKeys are the movement keys every list and scrolling page shares: the picker, the history,
// the docs, the inspector's lists and pages, the completion popup. A pane embeds them in its
// KeyMap, lists them in its help with Bindings, and turns a key into a distance with Delta.
type ListKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	// Top and Bottom jump to the ends. Panes whose focused text field needs home and end
	// (the picker's and the history's filter, the editor under the popup) disable them.
	Top, Bottom key.Binding
}

// NewListKeys returns the movement keys that never clash with typing: arrows, ctrl+p/ctrl+n,
// page keys, home and end.
func NewListKeys() ListKeys {
	return ListKeys{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "bottom")),
	}
}

// NewLetterListKeys returns NewListKeys plus the letters a pane without a text field can spare:
// k and j, g and G, space for page down (as less and vim do).
func NewLetterListKeys() ListKeys {
	return ListKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
	}
}

// WithoutEnds returns the keys with Top and Bottom disabled, for panes whose text field owns
// home and end.
func (k ListKeys) WithoutEnds() ListKeys {
	k.Top.SetEnabled(false)
	k.Bottom.SetEnabled(false)
	return k
}

// SetEnabled enables or disables every movement key, for a pane with nothing to move through.
func (k *ListKeys) SetEnabled(on bool) {
	for _, b := range k.pointers() {
		b.SetEnabled(on)
	}
}

// pointers lists the bindings for changing them in place.
func (k *ListKeys) pointers() []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom}
}

// Bindings returns the keys in help order; disabled ones are skipped by the help view.
func (k ListKeys) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// Far is the distance Delta gives for Top and Bottom: more rows than any list has, so moving by
// it and clamping lands on an end.
const Far = 1 << 30

// Delta is how many rows msg moves through a list or page that turns page rows on a page key:
// -1 or 1, -page or page, -Far or Far. ok is false for any other key (and for disabled ones).
func (k ListKeys) Delta(msg tea.KeyMsg, page int) (delta int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -Far, true
	case key.Matches(msg, k.Bottom):
		return Far, true
	}
	return 0, false
}

// ListCursor is a list's selection and scroll position: Index is the selected row, Offset the
// first row drawn. The zero value selects the first row of a list scrolled to its top.
type ListCursor struct {
	Index, Offset int
}

// Move moves the selection by delta rows within a list of n rows, stopping at the ends, and
// scrolls as little as possible so that it stays among the rows rows drawn.
func (c ListCursor) Move(delta, n, rows int) ListCursor {
	c.Index += max(-Far, min(Far, delta))
	return c.Fit(n, rows)
}

// Cycle is Move for a single step that wraps around the ends (up on the first row selects the
// last), as a popup menu does; longer moves stop at the ends.
func (c ListCursor) Cycle(delta, n, rows int) ListCursor {
	if n > 0 && (delta == 1 || delta == -1) {
		c.Index = (c.Index + delta + n) % n
		return c.Fit(n, rows)
	}
	return c.Move(delta, n, rows)
}

// Fit keeps the selection inside a list of n rows (the first row of an empty one) and visible
// among rows rows, after the list or the room changed.
func (c ListCursor) Fit(n, rows int) ListCursor {
	c.Index = max(0, min(c.Index, n-1))
	c.Offset = KeepVisible(c.Index, c.Offset, rows, n)
	return c
}
