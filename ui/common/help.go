package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
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

// ShortHelpLine is the one-line key hint: the enabled bindings in the order given (most important
// first), each kept whole or left out. A binding that does not fit is skipped and the shorter
// ones after it still get their chance, so the line is never cut mid-word and never ends in "…".
// Bindings that repeat an earlier one's keys are shown once.
func ShortHelpLine(h help.Model, bindings []key.Binding, width int) string {
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	sepWidth := lipgloss.Width(sep)
	seen := map[string]bool{}
	var b strings.Builder
	used := 0
	for _, k := range bindings {
		if !k.Enabled() || k.Help().Key == "" {
			continue
		}
		id := k.Help().Key
		if seen[id] {
			continue
		}
		item := h.Styles.ShortKey.Inline(true).Render(k.Help().Key) + " " +
			h.Styles.ShortDesc.Inline(true).Render(k.Help().Desc)
		w := lipgloss.Width(item)
		if used > 0 {
			w += sepWidth
		}
		if used+w > width {
			continue
		}
		seen[id] = true
		if used > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item)
		used += w
	}
	return b.String()
}
