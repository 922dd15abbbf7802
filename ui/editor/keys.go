package editor

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every key the editor reacts to. It implements help.KeyMap so
// the app can build its help from the same bindings. Tab and shift+tab are
// deliberately not bound: the app uses them to move focus between panes.
// Indent exists, disabled, for an app that wants tab to indent instead. Emacs
// single-letter chords (ctrl+f, ctrl+p...) are left free for the app.
type KeyMap struct {
	Left, Right, Up, Down     key.Binding
	WordLeft, WordRight       key.Binding
	LineStart, LineEnd        key.Binding
	DocStart, DocEnd          key.Binding
	PageUp, PageDown          key.Binding
	Newline                   key.Binding
	Indent                    key.Binding
	DeleteBack, DeleteForward key.Binding
	DeleteWordBack            key.Binding
	DeleteWordForward         key.Binding
	DeleteToLineEnd           key.Binding
	DeleteToLineStart         key.Binding
	Undo, Redo                key.Binding
}

// DefaultKeyMap returns the standard bindings. Each call builds a fresh value,
// so callers may change theirs (SetEnabled, SetKeys) without affecting others.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := KeyMap{
		Left:              b("←", "left", "left"),
		Right:             b("→", "right", "right"),
		Up:                b("↑", "up", "up"),
		Down:              b("↓", "down", "down"),
		WordLeft:          b("alt+←", "word left", "alt+left", "alt+b", "ctrl+left"),
		WordRight:         b("alt+→", "word right", "alt+right", "alt+f", "ctrl+right"),
		LineStart:         b("home", "line start", "home", "ctrl+a"),
		LineEnd:           b("end", "line end", "end", "ctrl+e"),
		DocStart:          b("ctrl+home", "top", "ctrl+home"),
		DocEnd:            b("ctrl+end", "bottom", "ctrl+end"),
		PageUp:            b("pgup", "page up", "pgup"),
		PageDown:          b("pgdn", "page down", "pgdown"),
		Newline:           b("enter", "new line", "enter"),
		Indent:            b("tab", "indent", "tab"),
		DeleteBack:        b("⌫", "delete", "backspace", "ctrl+h"),
		DeleteForward:     b("del", "delete forward", "delete", "ctrl+d"),
		DeleteWordBack:    b("ctrl+w", "delete word", "alt+backspace", "ctrl+w"),
		DeleteWordForward: b("alt+d", "delete word forward", "alt+delete", "alt+d"),
		DeleteToLineEnd:   b("ctrl+k", "delete to end", "ctrl+k"),
		DeleteToLineStart: b("ctrl+u", "delete to start", "ctrl+u"),
		Undo:              b("ctrl+z", "undo", "ctrl+z"),
		Redo:              b("ctrl+y", "redo", "ctrl+y"),
	}
	k.Indent.SetEnabled(false)
	return k
}

// ShortHelp returns the bindings worth showing in a one-line help: the
// editing ones a user would not guess. Part of help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Undo, k.Redo, k.DeleteWordBack, k.DeleteToLineEnd}
}

// FullHelp returns all bindings in columns: moving, more moving, editing,
// history. Part of help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.WordLeft, k.WordRight},
		{k.LineStart, k.LineEnd, k.DocStart, k.DocEnd, k.PageUp, k.PageDown},
		{k.Newline, k.Indent, k.DeleteBack, k.DeleteForward, k.DeleteWordBack, k.DeleteWordForward},
		{k.DeleteToLineEnd, k.DeleteToLineStart, k.Undo, k.Redo},
	}
}
