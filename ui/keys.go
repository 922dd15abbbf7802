package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the keys that work on every screen. The ones reserved for panes still to come are
// bound but disabled, so help only ever lists what works.
type KeyMap struct {
	Quit      key.Binding
	Help      key.Binding
	Close     key.Binding
	Save      key.Binding
	Open      key.Binding
	Inspector key.Binding
	Docs      key.Binding
	History   key.Binding
	Builder   key.Binding
	// Environments opens the environment (profile) picker.
	Environments key.Binding
	Run          key.Binding
	// The tabs' keys (ui/tabs.go) and the external editor's.
	NewTab   key.Binding
	CloseTab key.Binding
	NextTab  key.Binding
	PrevTab  key.Binding
	GotoTab  key.Binding
	Edit     key.Binding
}

// DefaultKeyMap returns the global bindings (architecture.md: these keys never change). The app
// disables the ones whose feature is unavailable (no library, no history).
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		Quit:         key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:         key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help")),
		Close:        key.NewBinding(key.WithKeys("esc", "f1", "q"), key.WithHelp("esc", "close")),
		Save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save query")),
		Open:         key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "open query")),
		Inspector:    key.NewBinding(key.WithKeys("f2"), key.WithHelp("f2", "auth inspector")),
		Docs:         key.NewBinding(key.WithKeys("f3"), key.WithHelp("f3", "schema docs")),
		History:      key.NewBinding(key.WithKeys("f4"), key.WithHelp("f4", "history")),
		Builder:      key.NewBinding(key.WithKeys("f6"), key.WithHelp("f6", "query builder")),
		Environments: key.NewBinding(key.WithKeys("f7"), key.WithHelp("f7", "environments")),
		// Run is the workspace's own key; the root only looks for it to run from the builder.
		Run: key.NewBinding(key.WithKeys("ctrl+r", "f5"), key.WithHelp("ctrl+r", "run")),
		// Tabs: ctrl+w deletes a word in the editors and alt+[ starts every escape sequence, so
		// closing is alt+w and cycling is alt+n/alt+p (ctrl+pgdown/ctrl+pgup where the terminal
		// sends them).
		NewTab:   key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "new tab")),
		CloseTab: key.NewBinding(key.WithKeys("alt+w"), key.WithHelp("alt+w", "close tab")),
		NextTab:  key.NewBinding(key.WithKeys("alt+n", "ctrl+pgdown"), key.WithHelp("alt+n", "next tab")),
		PrevTab:  key.NewBinding(key.WithKeys("alt+p", "ctrl+pgup"), key.WithHelp("alt+p", "previous tab")),
		GotoTab: key.NewBinding(key.WithKeys("alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9"),
			key.WithHelp("alt+1…9", "go to tab")),
		Edit: key.NewBinding(key.WithKeys("alt+e"), key.WithHelp("alt+e", "edit in $EDITOR")),
	}
	return k
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Help, k.Quit, k.Inspector, k.Docs}, {k.Save, k.Open, k.History, k.Builder, k.Environments},
		{k.NewTab, k.CloseTab, k.NextTab, k.PrevTab, k.GotoTab, k.Edit}}
}
