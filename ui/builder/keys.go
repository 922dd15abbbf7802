package builder

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// KeyMap is the builder's bindings. It implements help.KeyMap. Typing filters the tree, so no
// binding is a plain letter or digit.
type KeyMap struct {
	// ListKeys move the selection.
	common.ListKeys
	// Expand opens the selected node; Collapse closes it, or goes to its parent.
	Expand, Collapse key.Binding
	// Toggle ticks or unticks the selected field; on an argument it asks for the value.
	Toggle key.Binding
	// Enter expands or collapses a field; on an argument it asks for the value.
	Enter key.Binding
	// Variable turns the selected argument into a variable.
	Variable key.Binding
	// Clear removes the selected argument's value.
	Clear key.Binding
	// Backspace deletes the filter's last character.
	Backspace key.Binding
	// Escape cancels the prompt, else clears the filter, else closes the builder.
	Escape key.Binding
}

// DefaultKeyMap returns the builder's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ListKeys:  common.NewListKeys(),
		Expand:    key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "expand")),
		Collapse:  key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "collapse")),
		Toggle:    key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "tick/untick")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "expand · edit argument")),
		Variable:  key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "argument → variable")),
		Clear:     key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", "clear argument")),
		Backspace: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "filter")),
		Escape:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter · close")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.Enter, k.Variable, k.Escape}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.ListKeys.Bindings(),
		{k.Expand, k.Collapse, k.Toggle, k.Enter},
		{k.Variable, k.Clear, k.Backspace, k.Escape},
	}
}
