package complete

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestOpenSelectsTheFirstItem(t *testing.T) {
	m := newPopup()
	if m.Visible() || m.View() != "" {
		t.Fatal("a new popup is open")
	}
	m = m.Open("Ca", items("Cards", "Accounts"))
	if !m.Visible() || selected(m) != "Cards" || m.Prefix() != "Ca" || len(m.Items()) != 2 {
		t.Fatalf("after Open: visible %v, selected %q, prefix %q", m.Visible(), selected(m), m.Prefix())
	}
	if m = m.Open("zz", nil); m.Visible() {
		t.Fatal("Open with no items left the popup open")
	}
	if _, ok := m.Selected(); ok {
		t.Fatal("a closed popup has a selection")
	}
}

func TestMovingWrapsAndPagingClamps(t *testing.T) {
	labels := make([]string, 25)
	for i := range labels {
		labels[i] = fmt.Sprintf("f%02d", i)
	}
	m := newPopup().Open("", items(labels...))
	steps := []struct {
		key  string
		want string
	}{
		{"up", "f24"}, // wraps to the end
		{"down", "f00"},
		{"ctrl+n", "f01"},
		{"ctrl+p", "f00"},
		{"pgdown", "f10"},
		{"pgdown", "f20"},
		{"pgdown", "f24"}, // clamps at the end
		{"down", "f00"},   // wraps to the start
		{"pgup", "f00"},   // clamps at the start
		{"pgdown", "f10"},
		{"pgup", "f00"},
	}
	for i, s := range steps {
		m = press(t, m, s.key)
		if got := selected(m); got != s.want {
			t.Fatalf("step %d (%s): selected %q, want %q", i, s.key, got, s.want)
		}
		// The selected row must be on screen, marked by the pointer.
		if !strings.Contains(m.View(), pointer+"f "+s.want) {
			t.Fatalf("step %d (%s): selected row %q not shown:\n%s", i, s.key, s.want, m.View())
		}
	}
}

func TestAcceptEmitsAcceptedMsgAndCloses(t *testing.T) {
	m := newPopup().Open("Ca", items("Cards", "Accounts"))
	m = press(t, m, "down")
	for _, k := range []string{"enter", "tab"} {
		m := m
		m, cmd, handled := m.Update(uitest.Key(k))
		if !handled || cmd == nil {
			t.Fatalf("%s: handled %v, cmd %v", k, handled, cmd)
		}
		if m.Visible() {
			t.Fatalf("%s left the popup open", k)
		}
		msg, ok := cmd().(AcceptedMsg)
		if !ok {
			t.Fatalf("%s: command sent %T, want AcceptedMsg", k, cmd())
		}
		if msg.Item.Label != "Accounts" || msg.PrefixLen != 2 {
			t.Fatalf("%s: AcceptedMsg = %+v, want Accounts with PrefixLen 2", k, msg)
		}
	}
}

func TestEscClosesWithoutAccepting(t *testing.T) {
	m := newPopup().Open("", items("a", "b"))
	m, cmd, handled := m.Update(uitest.Key("esc"))
	if !handled || cmd != nil || m.Visible() {
		t.Fatalf("esc: handled %v, cmd %v, visible %v", handled, cmd != nil, m.Visible())
	}
}

func TestOtherKeysAreLeftToTheEditor(t *testing.T) {
	open := newPopup().Open("C", items("Cards", "Accounts"))
	open = press(t, open, "down")
	for _, k := range []string{"a", "backspace", "left", "right", "home", "ctrl+r", "ctrl+z", "shift+tab"} {
		m, cmd, handled := open.Update(uitest.Key(k))
		if handled || cmd != nil {
			t.Errorf("%s: handled %v, cmd %v; the editor should get it", k, handled, cmd != nil)
		}
		if !m.Visible() || selected(m) != "Accounts" {
			t.Errorf("%s changed the popup: visible %v, selected %q", k, m.Visible(), selected(m))
		}
	}
	closed := newPopup()
	for _, k := range []string{"enter", "tab", "esc", "down", "up"} {
		if _, _, handled := closed.Update(uitest.Key(k)); handled {
			t.Errorf("closed popup handled %s", k)
		}
	}
}

func TestRefreshNarrowsAndKeepsTheSelection(t *testing.T) {
	m := newPopup().Open("", items("Accounts", "Cards", "LineItems", "Products"))
	m = press(t, m, "down", "down") // LineItems
	m = m.Refresh("i", items("LineItems", "Accounts"))
	if selected(m) != "LineItems" || m.Prefix() != "i" {
		t.Fatalf("after Refresh selected %q prefix %q, want LineItems and i", selected(m), m.Prefix())
	}
	m = m.Refresh("Pr", items("Products"))
	if selected(m) != "Products" {
		t.Fatalf("selection gone from the list: selected %q, want the first, Products", selected(m))
	}
	if m = m.Refresh("Prx", nil); m.Visible() {
		t.Fatal("Refresh with no items left the popup open")
	}
}

func TestRefreshScrollsToAKeptSelection(t *testing.T) {
	labels := make([]string, 30)
	for i := range labels {
		labels[i] = fmt.Sprintf("n%02d", i)
	}
	m := newPopup().Open("", items(labels...))
	m = press(t, m, "up") // n29, the last
	m = m.Refresh("n", items(labels...))
	if !strings.Contains(m.View(), pointer+"f n29") {
		t.Fatalf("kept selection n29 not on screen:\n%s", m.View())
	}
}

func TestViewIsARectangleWithinTheMaximum(t *testing.T) {
	s := toggle(t)
	for _, tc := range []struct {
		text     string
		maxWidth int
	}{
		{"mutation { cre", 60},
		{"mutation { cre", 24},
		{"query($a: ", 40},
		{"{ Cards(", 60},
		{"{ ", 10}, // raised to the minimum
	} {
		m := newPopup().SetMaxWidth(tc.maxWidth).Open(Complete(s, tc.text, len(tc.text)))
		if !m.Visible() {
			t.Fatalf("%q: nothing to complete", tc.text)
		}
		ls := lines(m.View())
		w := ansi.StringWidth(ls[0])
		if w > max(tc.maxWidth, minWidth) {
			t.Errorf("%q: box %d wide, over the maximum %d", tc.text, w, tc.maxWidth)
		}
		for i, l := range ls {
			if got := ansi.StringWidth(l); got != w {
				t.Errorf("%q: line %d is %d cells, line 0 is %d:\n%s", tc.text, i, got, w, m.View())
			}
		}
		// A footer is a rule and one to maxDocLines lines of description.
		if want := min(len(m.Items()), MaxRows) + 2; len(ls) != want && (len(ls) < want+2 || len(ls) > want+1+maxDocLines) {
			t.Errorf("%q: %d lines, want %d rows plus borders (and maybe a footer)", tc.text, len(ls), want)
		}
	}
}

func TestViewDropsControlCharacters(t *testing.T) {
	m := newPopup().Open("", []completion.Item{{Label: "a\x1b[2Jb", Detail: "x\ay", Doc: "d\x1bo\x07c"}})
	if v := m.View(); strings.ContainsAny(v, "\x1b\a") {
		t.Fatalf("control characters reached the view: %q", v)
	}
}
