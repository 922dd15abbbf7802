package historyview

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// KeyMap is the history browser's bindings. The filter field always has focus, so actions are
// on keys that typing does not need. ctrl+s stays the editor's save; "save as query" is ctrl+t,
// as "duplicate" is in the saved-queries picker.
type KeyMap struct {
	// ListKeys move the selection; home and end stay the filter's.
	common.ListKeys
	// Rerun loads the entry into the editors and runs it.
	Rerun key.Binding
	// Load loads the entry into the editors without running it.
	Load key.Binding
	// SaveAs saves the entry's document and variables as a new saved query.
	SaveAs key.Binding
	// Compare compares the response on show with the entry's kept response. ctrl+d, which the
	// filter would take for "delete forward" (the delete key still does that).
	Compare key.Binding
	// Scope toggles between the current profile's entries and all of them.
	Scope key.Binding
	// Close leaves the browser.
	Close key.Binding
}

// DefaultKeyMap returns the browser's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ListKeys: common.NewListKeys().WithoutEnds(),
		Rerun:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "re-run")),
		Load:     key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "load into editor")),
		SaveAs:   key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "save as query")),
		Compare:  key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "diff with current"), key.WithDisabled()),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Scope:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "this profile/all"), key.WithDisabled()),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Rerun, k.Load, k.Compare, k.SaveAs, k.Scope, k.Down, k.Close}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.ListKeys.Bindings(),
		{k.Rerun, k.Load, k.Compare, k.SaveAs, k.Scope, k.Close},
	}
}

// withSelection enables the actions on an entry only while one is selected.
func (k KeyMap) withSelection(has bool) KeyMap {
	for _, b := range []*key.Binding{&k.Rerun, &k.Load, &k.SaveAs} {
		b.SetEnabled(has)
	}
	return k
}
