package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/session/tokenstore"
)

// loginCommand logs in and prints a summary of the token (never the token itself unless
// --print-token). With --check it reports the stored token's state instead: exit 0 when it is valid,
// 2 when it is missing or expired.
func (c *program) loginCommand(args []string) int {
	fs := newFlagSet("login", "login [--check] [--print-token] [flags]", c.stderr)
	var f commonFlags
	f.register(fs, connectionFlags|verboseFlag)
	check := fs.Bool("check", false, "report the stored token's state without logging in (exit 0 valid, 2 not)")
	printToken := fs.Bool("print-token", false, "also print the raw token on the last line of stdout")
	if _, err := parseInterspersed(fs, args); err != nil {
		return usageExit(err)
	}
	tgt, err := c.resolveTarget(&f)
	if err != nil {
		return c.errorf(exitUsage, "login: %v", err)
	}
	defer tgt.close()
	sess, err := newSession(tgt, f.insecure, f.timeout)
	if err != nil {
		return c.errorf(exitUsage, "login: %v", err)
	}
	stopNarrating := c.narrate(sess, f.verbose)
	defer func() { sess.Close(); stopNarrating() }()

	if *check {
		return c.checkStoredToken(sess, tgt)
	}
	if !c.promptPassword(tgt) {
		return c.errorf(exitUsage, "login: no password (use --password-stdin or TOGGLE_PASSWORD, or run on a terminal)")
	}
	ctx, cancel := context.WithTimeout(c.context(), f.timeout)
	defer cancel()
	tok, err := sess.Login(ctx, tgt.creds)
	var authErr *session.AuthError
	switch {
	case errors.As(err, &authErr):
		if d := authErr.Diagnosis; d != nil && d.Detail != "" {
			printLine(c.stderr, "  %s", d.Detail)
		}
		return c.errorf(exitAuth, "login: %v", err)
	case err != nil:
		return c.errorf(exitTransport, "login: %v", err)
	}
	if err := sess.SaveErr(); err != nil {
		// Logged in, but the next command would not find the token: that is a failure, said
		// without -v (the session's StoreFailed event is only narrated with it).
		printTokenSummary(c.stdout, tok, time.Now(), "NOT stored")
		return c.errorf(exitTransport, "login: logged in, but the token could not be stored in %s: %v", storeWhere(tgt), err)
	}
	printTokenSummary(c.stdout, tok, time.Now(), storeWhere(tgt))
	if *printToken {
		printLine(c.stdout, "%s", tok.Raw())
	}
	return exitOK
}

// checkStoredToken reports on the stored token without any network traffic.
func (c *program) checkStoredToken(sess *session.Session, tgt *target) int {
	if tgt.store == nil {
		return c.errorf(exitUsage, "login --check: there is no stored token with --no-store or --demo")
	}
	tok, ok := sess.Restore(tgt.identity())
	if !ok {
		printLine(c.stdout, "%s (%s)", whyNoStoredToken(tgt), storeWhere(tgt))
		return exitAuth
	}
	printTokenSummary(c.stdout, tok, time.Now(), storeWhere(tgt))
	return exitOK
}

// storeWhere says where the token is kept.
func storeWhere(t *target) string {
	if t.store == nil {
		return "not stored (memory only)"
	}
	return t.store.Where()
}

// printTokenSummary prints what a user needs to know about a token, identified by fingerprint. The
// subject comes from the server: escaped like every line.
func printTokenSummary(w io.Writer, tok session.Token, now time.Time, where string) {
	printLine(w, "fingerprint  %s", tok.Fingerprint)
	if tok.Subject != "" {
		printLine(w, "subject      %s", tok.Subject)
	}
	if !tok.IssuedAt.IsZero() {
		printLine(w, "issued       %s (%s)", tok.IssuedAt.UTC().Format(time.RFC3339), display.Relative(tok.IssuedAt, now))
	}
	printLine(w, "expires      %s (%s)", tok.ExpiresAt.UTC().Format(time.RFC3339), display.Relative(tok.ExpiresAt, now))
	printLine(w, "state        %s", tokenState(tok, now))
	printLine(w, "stored       %s", where)
}

// whyNoStoredToken tells a missing token from an expired one (and from one of another user), so
// "login --check" says what to do about it.
func whyNoStoredToken(tgt *target) string {
	where := tgt.endpoint
	if id := tgt.identity(); id != "" {
		where += " as " + id
	}
	stored, err := tgt.store.Load(tgt.endpoint)
	var corrupt *tokenstore.CorruptError
	switch {
	case errors.As(err, &corrupt):
		return "the token store is corrupt: " + corrupt.Error()
	case errors.Is(err, session.ErrNotStored):
		return "no stored token for " + where
	case err != nil:
		return "the token store could not be read: " + err.Error()
	}
	if id := tgt.identity(); id != "" && stored.Identity != id {
		return fmt.Sprintf("the stored token for %s belongs to %s, not %s", tgt.endpoint, stored.Identity, id)
	}
	now := time.Now()
	tok, err := session.ParseToken(stored.Token, now, "stored")
	switch {
	case err != nil:
		return "the stored token for " + where + " is unreadable"
	case tok.Expired(now):
		return fmt.Sprintf("the stored token for %s (fp %s) expired %s ago", where, tok.Fingerprint, display.Duration(now.Sub(tok.ExpiresAt)))
	default:
		return fmt.Sprintf("the stored token for %s (fp %s) expires in %s: too close to use", where, tok.Fingerprint, display.Duration(tok.TimeLeft(now)))
	}
}
