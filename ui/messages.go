package ui

import (
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// tickMsg carries the wall-clock time once a second, for the token's age and expiry countdown.
type tickMsg time.Time

// loginFinishedMsg reports a login started from the login screen. id drops answers to logins the
// user has since replaced.
type loginFinishedMsg struct {
	id    int
	sess  *session.Session
	token session.Token
	err   error
}

// autoLoginSkippedMsg says the start could not log in by itself (no valid stored token, no
// password): the form waits for the user.
type autoLoginSkippedMsg struct{ id int }

// sessionEventMsg relays one event from the session. gen ties it to the session it came from: an
// event of a replaced session is dropped.
type sessionEventMsg struct {
	gen int
	ev  session.Event
}

// sessionClosedMsg says a session's event stream ended.
type sessionClosedMsg struct{ gen int }

// rememberedMsg reports that the last endpoint and identity were saved (err != nil: they were not).
type rememberedMsg struct{ err error }
