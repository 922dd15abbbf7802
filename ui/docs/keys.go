package docs

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// KeyMap is the docs browser's bindings. It implements help.KeyMap. The search input always has
// focus, so no binding is a plain letter: letters, digits and punctuation are the query. The
// model enables only the bindings that act in its current state (see syncKeys), so help lists
// what works and key.Matches ignores the rest.
type KeyMap struct {
	// ListKeys move the selection: Up and Down by one item, PageUp and PageDown by a screenful,
	// Top and Bottom to the first and last item.
	common.ListKeys
	// Open follows the selection: a type link or search result opens its page, a field or an
	// argument opens the page of its type.
	Open key.Binding
	// Back returns to the previous page. Backspace only counts as Back while the search is
	// empty (otherwise it deletes a character); alt+left always does.
	Back key.Binding
	// Escape closes the browser at once, from any page and while searching (the app's key
	// contract: esc closes an overlay).
	Escape key.Binding
	// ClearSearch empties the search field (while there is a search).
	ClearSearch key.Binding
	// BuiltIns shows or hides the built-in types (String, Int, __Schema, ...) on the home page.
	BuiltIns key.Binding
	// Refresh fetches the schema again (introspection), asking the root with RefreshMsg.
	Refresh key.Binding
}

// DefaultKeyMap returns the docs browser's default bindings, all enabled.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return KeyMap{
		ListKeys:    common.NewListKeys(),
		Open:        b([]string{"enter"}, "enter", "open"),
		Back:        b([]string{"alt+left", "backspace"}, "⌫/alt+←", "back"),
		Escape:      b([]string{"esc"}, "esc", "close"),
		ClearSearch: b([]string{"ctrl+u"}, "ctrl+u", "clear search"),
		BuiltIns:    b([]string{"ctrl+t"}, "ctrl+t", "show built-ins"),
		Refresh:     b([]string{"ctrl+f"}, "ctrl+f", "fetch schema again"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Back, k.Escape, k.Up, k.Down, k.Refresh}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.ListKeys.Bindings(),
		{k.Open, k.Back, k.Escape, k.ClearSearch, k.BuiltIns, k.Refresh},
	}
}
