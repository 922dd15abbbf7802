package results

import "github.com/charmbracelet/bubbles/key"

// KeyMap lists every key the results pane handles. It implements
// help.KeyMap. Single-letter keys act only while the search input is not
// focused.
type KeyMap struct {
	Up, Down             key.Binding
	PageUp, PageDown     key.Binding
	HalfPageUp           key.Binding
	HalfPageDown         key.Binding
	Top, Bottom          key.Binding
	Left, Right          key.Binding
	Search               key.Binding // opens the search input
	NextMatch, PrevMatch key.Binding
	NextError, PrevError key.Binding // select an error and jump to it in the editor
	Fold                 key.Binding // fold or unfold the container at the cursor
	FoldLevel            key.Binding // fold (or unfold) every container at the cursor's depth
	FoldAll              key.Binding // fold every container
	UnfoldAll            key.Binding // unfold everything
	Table                key.Binding // the list at the cursor as a table
	CopyValue            key.Binding // copy the value at the cursor
	CopyPath             key.Binding // copy its path
	CopyAll              key.Binding // copy the whole (filtered) response
	Write                key.Binding // write the (filtered) response to a file
	NextPage, PrevPage   key.Binding // run again for the next or previous page of a list
	Compare              key.Binding // diff against the previous response
	Filter               key.Binding // opens the jq filter line
	ClearFilter          key.Binding // back to the whole response
	AcceptFilter         key.Binding // while filtering: keep the output, close the line
	CancelFilter         key.Binding // while filtering: back to the whole response
	AcceptSearch         key.Binding // while searching: keep the matches
	CancelSearch         key.Binding // while searching: drop them and go back
	AcceptWrite          key.Binding // in the write prompt: write the file
	CancelWrite          key.Binding // in the write prompt: close it
	ReplaceFile          key.Binding // the file exists: replace it
	KeepFile             key.Binding // the file exists: back to the name, to choose another
}

// DefaultKeyMap returns the standard bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "cursor up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "cursor down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", "page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ page up")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ page down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		Left:         key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "scroll left")),
		Right:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "scroll right")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		NextError:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "next error")),
		PrevError:    key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "previous error")),
		Fold:         key.NewBinding(key.WithKeys("z", "enter"), key.WithHelp("z/enter", "fold/unfold")),
		FoldLevel:    key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "fold level")),
		FoldAll:      key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "fold all")),
		UnfoldAll:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "unfold all")),
		Table:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "list as table")),
		CopyValue:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy value")),
		CopyPath:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "copy path")),
		CopyAll:      key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy response")),
		Write:        key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write to file")),
		NextPage:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next page"), key.WithDisabled()),
		PrevPage:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous page"), key.WithDisabled()),
		Compare:      key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "diff with previous"), key.WithDisabled()),
		Filter:       key.NewBinding(key.WithKeys("|"), key.WithHelp("|", "jq filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "whole response"), key.WithDisabled()),
		AcceptFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		CancelFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "whole response")),
		AcceptSearch: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm search")),
		CancelSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel search")),
		AcceptWrite:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		CancelWrite:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		ReplaceFile:  key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "replace")),
		KeepFile:     key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "another name")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.Search, k.NextMatch, k.NextError, k.Fold, k.Filter, k.ClearFilter, k.Table, k.NextPage}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown},
		{k.Top, k.Bottom, k.Left, k.Right},
		{k.Search, k.NextMatch, k.PrevMatch, k.NextError, k.PrevError},
		{k.Fold, k.FoldLevel, k.FoldAll, k.UnfoldAll},
		{k.Filter, k.AcceptFilter, k.ClearFilter, k.Table},
		{k.CopyValue, k.CopyPath, k.CopyAll, k.Write},
		{k.NextPage, k.PrevPage, k.Compare},
	}
}
