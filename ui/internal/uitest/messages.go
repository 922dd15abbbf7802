package uitest

import tea "github.com/charmbracelet/bubbletea"

// Messages runs cmd and returns the messages it produced, in order, flattening tea.BatchMsg and
// dropping nil messages. It runs everything on the calling goroutine, so it is only for commands
// known to return at once (a request to an in-process fake, a spinner's first tick): a listener
// or a refresh loop would block the test for ever.
func Messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, Messages(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}
