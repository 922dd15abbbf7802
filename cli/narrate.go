package cli

import (
	"sync"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// narrate prints the session's events on stderr when verbose (-v): logins, rotations, refreshes,
// every Unauthorized with its diagnosis, and what the session did about it. Events carry
// fingerprints only, so this is safe to paste into a bug report. The returned function waits until
// every event up to the session's Close has been printed.
func (c *program) narrate(sess *session.Session, verbose bool) (wait func()) {
	if !verbose {
		return func() {}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ev := range sess.Events() {
			// Giving up always ends the command with an error that says why (diagnosis and
			// detail): the narration marks the moment but leaves the reason to that one line, so
			// a refused login's message is printed once, not three times.
			if ev.Kind == session.GaveUp {
				ev.Message = "the error line says why"
			}
			printLine(c.stderr, "session: %s", ev)
		}
	}()
	return wg.Wait
}
