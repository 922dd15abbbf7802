package prompt

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func conflictChoice() Choice {
	return NewChoice(uitest.NewContext(time.Time{}), "conflict", "\"get cards\" was changed on disk after it was opened.\nWhat now?", []Option{
		{Key: "o", Label: "Overwrite it"},
		{Key: "r", Label: "Reload it (drop my changes)"},
		{Key: "s", Label: "Save as…"},
		{Key: CancelKey, Label: "Cancel"},
	})
}

func TestChoiceAnswers(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want string
	}{
		{"option key", []string{"r"}, "r"},
		{"capital letter", []string{"S"}, "s"},
		{"esc", []string{"esc"}, CancelKey},
		{"enter picks the first by default", []string{"enter"}, "o"},
		{"down then enter", []string{"down", "enter"}, "r"},
		{"tab twice then enter", []string{"tab", "tab", "enter"}, "s"},
		{"up wraps to the last", []string{"up", "enter"}, CancelKey},
		{"ignored keys then a key", []string{"x", "ctrl+d", "o"}, "o"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := conflictChoice()
			var answers []tea.Msg
			for _, k := range c.keys {
				var cmd tea.Cmd
				m, cmd = m.Update(uitest.Key(k))
				if msg := run(cmd); msg != nil {
					answers = append(answers, msg)
				}
			}
			if len(answers) != 1 || answers[0] != (ChoiceMsg{ID: "conflict", Key: c.want}) {
				t.Fatalf("answers = %#v, want one ChoiceMsg{conflict, %q}", answers, c.want)
			}
		})
	}
}

func TestChoiceAnswersOnce(t *testing.T) {
	m := NewChoice(uitest.NewContext(time.Time{}), "del", "Delete?", []Option{{Key: "y", Label: "Delete"}, {Key: "n", Label: "Keep"}})
	m, cmd := m.Update(uitest.Key("y"))
	if run(cmd) != (ChoiceMsg{ID: "del", Key: "y"}) {
		t.Fatal("y did not answer")
	}
	for _, k := range []string{"y", "n", "enter", "esc"} {
		if _, cmd := m.Update(uitest.Key(k)); cmd != nil {
			t.Fatalf("%s answered again: %#v", k, run(cmd))
		}
	}
	// Esc answers CancelKey even when no option names it.
	m = NewChoice(uitest.NewContext(time.Time{}), "del", "Delete?", []Option{{Key: "y", Label: "Delete"}})
	if _, cmd := m.Update(uitest.Key("esc")); run(cmd) != (ChoiceMsg{ID: "del", Key: CancelKey}) {
		t.Fatal("esc did not cancel")
	}
}

func TestChoiceHelpListsOptions(t *testing.T) {
	var keys []string
	for _, b := range conflictChoice().ShortHelp() {
		keys = append(keys, b.Help().Key)
	}
	if got := strings.Join(keys, ","); got != "o,r,s,esc" { // esc once, though an option answers it
		t.Fatalf("help keys = %s", got)
	}
}

func TestChoiceGolden(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		t.Run(size.name, func(t *testing.T) {
			m := conflictChoice().SetSize(size.w, size.h)
			m, _ = m.Update(uitest.Key("down"))
			v := m.View()
			uitest.CheckBlock(t, v, size.w, size.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// A question from outside (a server message, a file name) is drawn as text.
func TestChoiceSanitises(t *testing.T) {
	m := NewChoice(uitest.NewContext(time.Time{}), "q", "delete \x1b]52;c;aGk=\x07?", []Option{{Key: "y", Label: "yes\x1b[2J"}})
	if v := m.SetSize(80, 24).View(); strings.ContainsRune(v, 0x1b) || strings.ContainsRune(v, 0x07) {
		t.Fatalf("raw control characters in the view: %q", v)
	}
}
