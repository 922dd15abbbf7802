package complete

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// KeyMap holds the popup's keys. It implements help.KeyMap so the workspace
// can show them while the popup is open.
type KeyMap struct {
	// Trigger opens the popup. The popup never handles it (it is closed when
	// the key matters); the workspace matches it before the editor sees it.
	// Terminals send ctrl+space as NUL, which Bubble Tea v1 names ctrl+@.
	Trigger key.Binding
	// ListKeys move the selection; Up and Down wrap. Home and end stay the
	// editor's.
	common.ListKeys
	// Accept inserts the selected item.
	Accept key.Binding
	// Close hides the popup without inserting anything.
	Close key.Binding
}

// DefaultKeyMap returns the standard bindings. Each call builds a fresh
// value, so callers may change theirs without affecting others.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Trigger:  b("ctrl+space", "complete", "ctrl+@"),
		ListKeys: common.NewListKeys().WithoutEnds(),
		Accept:   b("enter/tab", "insert", "enter", "tab"),
		Close:    b("esc", "close", "esc"),
	}
}

// ShortHelp returns the bindings that matter while the popup is open. Part
// of help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Accept, k.Up, k.Down, k.Close}
}

// FullHelp returns every binding in one column. Part of help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Trigger, k.Accept, k.Up, k.Down, k.PageUp, k.PageDown, k.Close}}
}
