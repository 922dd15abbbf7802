package uitest

import (
	"reflect"
	"runtime"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// waitingCommands name, by the function that built them, the commands that wait for the
// program's life or for time to pass: the session's event listener and refresh loop, and
// bubbletea's timers (the app's tick, the lint debounce, the cursor blink).
var waitingCommands = []string{
	"listenCmd.func", "runSessionCmd.func", ".Tick.func", ".Every.func", "BlinkCmd.func",
}

// Waits reports whether cmd waits by design for something a test never sends (see
// waitingCommands). A closure's symbol names the function that made it (ui.listenCmd.func1, or
// ui.Model.finishLogin.runSessionCmd.func4 once inlined), which makes this exact rather than a
// guess from how long the command takes on this machine.
func Waits(cmd tea.Cmd) bool {
	name := commandName(cmd)
	for _, w := range waitingCommands {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

func commandName(cmd tea.Cmd) string {
	if fn := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()); fn != nil {
		return fn.Name()
	}
	return ""
}

// Ceiling only turns a hung command into a clear failure; it is not a speed expectation.
const Ceiling = 2 * time.Minute

// Settled runs cmd like Messages, on other goroutines, skipping every command that Waits and
// waiting for all others however long they take, so a loaded machine makes a test slow, never
// wrong. A command still running after Ceiling panics with its name.
func Settled(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || Waits(cmd) {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(Ceiling):
		panic("uitest: a command did not return in " + Ceiling.String() + ": " + commandName(cmd) +
			" (if it waits by design, add it to waitingCommands)")
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, Settled(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}
