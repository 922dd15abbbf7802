package workspace

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the workspace's own bindings: running and cancelling requests and moving focus.
// These keys never change (architecture.md): tests and users rely on them.
type KeyMap struct {
	Run       key.Binding
	Cancel    key.Binding
	NextPane  key.Binding
	PrevPane  key.Binding
	JumpError key.Binding
	Prettify  key.Binding
}

// DefaultKeyMap returns the workspace bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Run:       key.NewBinding(key.WithKeys("ctrl+r", "f5"), key.WithHelp("ctrl+r", "run")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel request")),
		NextPane:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		JumpError: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "next problem")),
		Prettify:  key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "prettify")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Run, k.Cancel, k.NextPane} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Run, k.Cancel, k.NextPane, k.PrevPane, k.JumpError}}
}
