package picker

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// KeyMap is the picker's bindings. The filter field always has focus, so every action is on a
// key that typing does not need: arrows and ctrl chords. ctrl+e and ctrl+d shadow the field's
// "end of line" and "delete forward", which end and delete still do.
type KeyMap struct {
	// ListKeys move the selection; home and end stay the filter's.
	common.ListKeys
	// Open loads the selected query into the editors (variables too).
	Open key.Binding
	// NextOp and PrevOp pick which operation of a multi-operation query the editor's cursor is
	// put on when it opens, so ctrl+r runs that one.
	NextOp, PrevOp key.Binding
	// Rename, Duplicate and Delete act on the selected query after a prompt.
	Rename, Duplicate, Delete key.Binding
	// Close leaves the picker.
	Close key.Binding
}

// DefaultKeyMap returns the picker's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ListKeys:  common.NewListKeys().WithoutEnds(),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		NextOp:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next operation")),
		PrevOp:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous operation")),
		Rename:    key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "rename")),
		Duplicate: key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "duplicate")),
		Delete:    key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "delete")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Down, k.Rename, k.Duplicate, k.Delete, k.Close}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.ListKeys.Bindings(),
		{k.Open, k.NextOp, k.PrevOp, k.Rename, k.Duplicate, k.Delete, k.Close},
	}
}

// withSelection enables the actions on a query only while one is selected, so help lists only
// what works.
func (k KeyMap) withSelection(has bool) KeyMap {
	for _, b := range []*key.Binding{&k.Open, &k.Rename, &k.Duplicate, &k.Delete} {
		b.SetEnabled(has)
	}
	return k
}
