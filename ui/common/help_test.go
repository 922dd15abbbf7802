package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

func TestJoinHelpKeepsOrder(t *testing.T) {
	a := key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "first"))
	b := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "second"))
	c := key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "third"))
	j := JoinHelp(Bindings{a}, Bindings{b, c})
	short := j.ShortHelp()
	if len(short) != 3 || short[0].Help().Desc != "first" || short[2].Help().Desc != "third" {
		t.Fatalf("short help %v", short)
	}
	full := j.FullHelp()
	if len(full) != 2 || len(full[0]) != 1 || len(full[1]) != 2 {
		t.Fatalf("full help columns %v", full)
	}
}

// The short help keeps whole bindings in priority order and skips what does not fit, letting a
// shorter one after it in; it never cuts a binding nor ends in "…", and lists a key once.
func TestShortHelpLineFitsByPriority(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	bindings := []key.Binding{b("f1", "help"), b("ctrl+c", "quit"), b("ctrl+r", "run the operation under the cursor"), b("tab", "next pane"), b("f1", "again")}
	h := help.New()
	full := ShortHelpLine(h, bindings, 200)
	if !strings.Contains(full, "run the operation") || strings.Count(full, "f1") != 1 {
		t.Fatalf("wide: %q", full)
	}
	narrow := ShortHelpLine(h, bindings, 40)
	if strings.Contains(narrow, "ctrl+r") || !strings.Contains(narrow, "tab next pane") || strings.Contains(narrow, "…") {
		t.Fatalf("at 40 columns: %q (want the long one skipped, tab kept, no ellipsis)", narrow)
	}
	if w := lipgloss.Width(narrow); w > 40 {
		t.Fatalf("%d cells wide", w)
	}
}
