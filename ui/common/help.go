package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// JoinHelp shows several key maps as one, in order: short help lists their bindings one after
// the other, full help their columns side by side. Put what must never be cut first: help
// truncates from the end.
func JoinHelp(maps ...help.KeyMap) help.KeyMap { return joined(maps) }

type joined []help.KeyMap

func (j joined) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, m := range j {
		out = append(out, m.ShortHelp()...)
	}
	return out
}

func (j joined) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, m := range j {
		out = append(out, m.FullHelp()...)
	}
	return out
}

// Bindings is a help.KeyMap of loose bindings: one column in full help.
type Bindings []key.Binding

// ShortHelp implements help.KeyMap.
func (b Bindings) ShortHelp() []key.Binding { return b }

// FullHelp implements help.KeyMap.
func (b Bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }
