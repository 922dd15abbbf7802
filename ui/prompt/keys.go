package prompt

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the dialogs' fixed keys. A Choice adds one binding per option.
type KeyMap struct {
	// Submit accepts the Input's text, or the Choice's highlighted option.
	Submit key.Binding
	// Cancel closes the dialog without an answer (a Choice answers CancelKey).
	Cancel key.Binding
	// Next and Prev move the Choice's highlight.
	Next, Prev key.Binding
}

// DefaultKeyMap returns the dialogs' bindings. Every key here is one that a one-line text field
// has no use for, so the Input can take them without stealing editing keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ok")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Next:   key.NewBinding(key.WithKeys("down", "tab", "right"), key.WithHelp("↓/tab", "next")),
		Prev:   key.NewBinding(key.WithKeys("up", "shift+tab", "left"), key.WithHelp("↑/shift+tab", "previous")),
	}
}
