package common

import (
	"strconv"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// counter is the smallest pane: it counts messages and remembers its size.
type counter struct{ n, w, h int }

var _ Pane[counter] = counter{}

func (c counter) Update(tea.Msg) (counter, tea.Cmd) { c.n++; return c, nil }
func (c counter) View() string                      { return strconv.Itoa(c.n) + "@" + strconv.Itoa(c.w) }
func (c counter) Help() help.KeyMap                 { return keys{} }
func (c counter) SetSize(w, h int) counter          { c.w, c.h = w, h; return c }

type keys struct{}

func (keys) ShortHelp() []key.Binding  { return nil }
func (keys) FullHelp() [][]key.Binding { return nil }

func TestWrapKeepsValueSemantics(t *testing.T) {
	p := Wrap(counter{})
	q, _ := p.Update(nil)
	q = q.SetSize(80, 24)
	if p.View() != "0@0" {
		t.Errorf("the original changed: %s", p.View())
	}
	if q.View() != "1@80" {
		t.Errorf("updated pane: %s", q.View())
	}
	c, ok := Unwrap[counter](q)
	if !ok || c != (counter{1, 80, 24}) {
		t.Errorf("Unwrap = %+v, %v", c, ok)
	}
	if _, ok := Unwrap[other](q); ok {
		t.Error("Unwrap gave a counter as another pane type")
	}
	if _, ok := Unwrap[counter](nil); ok {
		t.Error("Unwrap of no pane succeeded")
	}
}

// other is a second pane type, to check Unwrap tells them apart.
type other struct{ counter }

func (o other) Update(msg tea.Msg) (other, tea.Cmd) { return o, nil }
func (o other) SetSize(w, h int) other              { return o }
