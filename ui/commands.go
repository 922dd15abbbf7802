package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// tick schedules the next once-a-second tick.
func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// loginCmd logs sess in. The session is built (no I/O) in Update; the network happens here.
func loginCmd(id int, sess *session.Session, creds session.Credentials) tea.Cmd {
	return func() tea.Msg {
		tok, err := sess.Login(context.Background(), creds)
		return loginFinishedMsg{id: id, sess: sess, token: tok, err: err}
	}
}

// autoLoginCmd logs in without the form: the stored token for the endpoint and identity while it
// is valid, else the password when there is one. The session is built here, with the store's I/O.
// With neither, it answers autoLoginSkippedMsg and the form takes over.
func autoLoginCmd(id int, connect func(string) (*session.Session, error), endpoint string, creds session.Credentials) tea.Cmd {
	return func() tea.Msg {
		sess, err := connect(endpoint)
		if err != nil {
			return loginFinishedMsg{id: id, err: err}
		}
		if creds.Password != "" {
			// Held for logging in again when the restored token expires or is refused.
			if err := sess.SetCredentials(creds); err != nil {
				sess.Close()
				return loginFinishedMsg{id: id, err: err}
			}
		}
		if tok, ok := sess.Restore(creds.Identity()); ok {
			return loginFinishedMsg{id: id, sess: sess, token: tok}
		}
		if creds.Password == "" {
			sess.Close()
			return autoLoginSkippedMsg{id: id}
		}
		tok, err := sess.Login(context.Background(), creds)
		return loginFinishedMsg{id: id, sess: sess, token: tok, err: err}
	}
}

// runSessionCmd runs the session's background refresh until ctx ends. It occupies one command
// goroutine for the session's life and returns nothing worth a message.
func runSessionCmd(ctx context.Context, sess *session.Session) tea.Cmd {
	return func() tea.Msg {
		sess.Run(ctx)
		return nil
	}
}

// listenCmd waits for the session's next event. Re-armed after each event, it relays the stream
// one message at a time; the generation drops events of a session that was replaced.
func listenCmd(gen int, events <-chan session.Event) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-events
		if !ok {
			return sessionClosedMsg{gen: gen}
		}
		return sessionEventMsg{gen: gen, ev: ev}
	}
}

// rememberCmd saves the login's endpoint and identity through the app's callback.
func rememberCmd(remember func(endpoint, identity string) error, endpoint, identity string) tea.Cmd {
	if remember == nil {
		return nil
	}
	return func() tea.Msg { return rememberedMsg{err: remember(endpoint, identity)} }
}

// closeSessionCmd closes a session off the UI goroutine (nil for none): Close waits for a token
// save in flight.
func closeSessionCmd(sess *session.Session) tea.Cmd {
	if sess == nil {
		return nil
	}
	return func() tea.Msg {
		sess.Close()
		return nil
	}
}
