package docs

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the docs browser's bindings. It implements help.KeyMap. The search input always has
// focus, so no binding is a plain letter: letters, digits and punctuation are the query. The
// model enables only the bindings that act in its current state (see syncKeys), so help lists
// what works and key.Matches ignores the rest.
type KeyMap struct {
	// Up and Down move the selection by one item; PageUp and PageDown by a screenful; Top and
	// Bottom to the first and last item.
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
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
		Up:          b([]string{"up", "ctrl+p"}, "↑", "up"),
		Down:        b([]string{"down", "ctrl+n"}, "↓", "down"),
		PageUp:      b([]string{"pgup"}, "pgup", "page up"),
		PageDown:    b([]string{"pgdown"}, "pgdn", "page down"),
		Top:         b([]string{"home"}, "home", "first"),
		Bottom:      b([]string{"end"}, "end", "last"),
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
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Back, k.Escape, k.ClearSearch, k.BuiltIns, k.Refresh},
	}
}
