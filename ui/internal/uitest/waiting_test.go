package uitest

import (
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"
)

type doneMsg struct{}

func TestSettledSkipsTimersAndWaitsForTheRest(t *testing.T) {
	slow := make(chan struct{})
	slowCmd := func() tea.Msg { <-slow; return doneMsg{} }
	timer := tea.Tick(time.Hour, func(time.Time) tea.Msg { return doneMsg{} })
	c := cursor.New()
	blink := c.BlinkCmd()
	if !Waits(timer) || !Waits(blink) {
		t.Fatalf("tea.Tick (%s) and the cursor blink (%s) must count as waiting", commandName(timer), commandName(blink))
	}
	if Waits(slowCmd) {
		t.Fatalf("%s must not count as waiting", commandName(slowCmd))
	}
	got := make(chan []tea.Msg, 1)
	go func() { got <- Settled(tea.Batch(timer, slowCmd, blink)) }()
	// Settled must still be waiting for the slow command: nothing may arrive before it is freed.
	select {
	case msgs := <-got:
		t.Fatalf("Settled returned %v before the slow command finished", msgs)
	default:
	}
	close(slow)
	if msgs := <-got; len(msgs) != 1 {
		t.Fatalf("Settled = %v, want the slow command's one message", msgs)
	}
}
