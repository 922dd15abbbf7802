package common

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
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
