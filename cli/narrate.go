package cli

import (
	"fmt"
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
			fmt.Fprintf(c.stderr, "session: %s\n", ev)
			// The Unauthorized event already says the summary; the diagnosis in full comes once,
			// with the outcome (GaveUp), or not at all when the replay succeeded.
			if d := ev.Diagnosis; d != nil && ev.Kind == session.GaveUp {
				fmt.Fprintf(c.stderr, "session:   diagnosis: %s\n", d)
				if d.Detail != "" {
					fmt.Fprintf(c.stderr, "session:   %s\n", d.Detail)
				}
			}
		}
	}()
	return wg.Wait
}
