package historyview

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the history browser's bindings. The filter field always has focus, so actions are
// on keys that typing does not need. ctrl+s stays the editor's save; "save as query" is ctrl+t,
// as "duplicate" is in the saved-queries picker.
type KeyMap struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	// Rerun loads the entry into the editors and runs it.
	Rerun key.Binding
	// Load loads the entry into the editors without running it.
	Load key.Binding
	// SaveAs saves the entry's document and variables as a new saved query.
	SaveAs key.Binding
	// Scope toggles between the current profile's entries and all of them.
	Scope key.Binding
	// Close leaves the browser.
	Close key.Binding
}

// DefaultKeyMap returns the browser's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Rerun:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "re-run")),
		Load:     key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "load into editor")),
		SaveAs:   key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "save as query")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Scope:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "this profile/all"), key.WithDisabled()),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Rerun, k.Load, k.SaveAs, k.Scope, k.Down, k.Close}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Rerun, k.Load, k.SaveAs, k.Scope, k.Close},
	}
}

// withSelection enables the actions on an entry only while one is selected.
func (k KeyMap) withSelection(has bool) KeyMap {
	for _, b := range []*key.Binding{&k.Rerun, &k.Load, &k.SaveAs} {
		b.SetEnabled(has)
	}
	return k
}
