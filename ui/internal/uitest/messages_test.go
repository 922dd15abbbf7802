package uitest

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// msgCmd returns a command producing msg.
func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

func TestMessagesFlattensBatchesInOrder(t *testing.T) {
	cmd := tea.Batch(
		msgCmd("a"),
		msgCmd(nil),
		tea.Batch(msgCmd("b"), msgCmd("c")),
		nil,
		msgCmd("d"),
	)
	got := Messages(cmd)
	if want := []tea.Msg{"a", "b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Messages = %#v, want %#v", got, want)
	}
}

func TestMessagesOfNothing(t *testing.T) {
	if got := Messages(nil); got != nil {
		t.Fatalf("Messages(nil) = %#v", got)
	}
	if got := Messages(msgCmd(nil)); got != nil {
		t.Fatalf("a command returning nil gave %#v", got)
	}
	if got := Messages(msgCmd("only")); len(got) != 1 || got[0] != "only" {
		t.Fatalf("a single message gave %#v", got)
	}
}
