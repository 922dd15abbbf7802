package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// maxTokenInput bounds what `token -` reads: a JWT is a few hundred bytes, and the decoder caps
// its own input too.
const maxTokenInput = 64 << 10

// tokenCommand decodes a JWT given as an argument or on stdin and prints its header, claims, times
// and state. The token itself is never echoed; the fingerprint identifies it.
func (c *program) tokenCommand(args []string) int {
	fs := newFlagSet("token", "token [JWT|-]", c.stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usageExit(err)
	}
	var raw string
	switch {
	case len(pos) > 1:
		return c.errorf(exitUsage, "token: give one token")
	case len(pos) == 1 && pos[0] != "-":
		raw = pos[0]
	default:
		data, err := io.ReadAll(io.LimitReader(c.stdin, maxTokenInput))
		if err != nil {
			return c.errorf(exitUsage, "token: read standard input: %v", err)
		}
		raw = string(data)
	}
	raw = strings.TrimSpace(raw)
	now := time.Now()
	tok, err := session.ParseToken(raw, now, "argument")
	if err != nil {
		return c.errorf(exitUsage, "token: %v", err)
	}
	jwt, err := session.DecodeJWT(tok.Raw())
	if err != nil {
		return c.errorf(exitUsage, "token: %v", err)
	}
	c.printDecodedToken(tok, jwt, now)
	return exitOK
}

// printDecodedToken writes the human summary of a decoded token.
func (c *program) printDecodedToken(tok session.Token, jwt session.JWT, now time.Time) {
	w := c.stdout
	printLine(w, "fingerprint  %s   (decoded without verifying the signature)", tok.Fingerprint)
	printLine(w, "header")
	printClaims(w, jwt.Header, now)
	printLine(w, "claims")
	printClaims(w, jwt.Claims, now)
	printLine(w, "state        %s", tokenState(tok, now))
}

// printClaims prints a claims map sorted by name, with times made readable. Names and values come
// from the token: values are JSON with control, C1 and bidi characters as \u escapes, and each
// line is escaped whole.
func printClaims(w io.Writer, claims map[string]any, now time.Time) {
	names := make([]string, 0, len(claims))
	for name := range claims {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		value := claims[name]
		text, _ := json.Marshal(value)
		line := fmt.Sprintf("  %-10s %s", name, display.JSON(text))
		if isTimeClaim(name) {
			if secs, ok := claimSeconds(value); ok && secs > 0 && secs < 253402300800 {
				at := time.Unix(int64(secs), 0).UTC()
				line += fmt.Sprintf("   %s (%s)", at.Format("2006-01-02 15:04:05 MST"), display.Relative(at, now))
			}
		}
		printLine(w, "%s", line)
	}
}

// claimSeconds reads a NumericDate claim whichever way the decoder represented the number.
func claimSeconds(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case int64:
		return float64(n), true
	}
	return 0, false
}

func isTimeClaim(name string) bool { return name == "iat" || name == "exp" || name == "nbf" }

// tokenState is the one-line verdict: valid for how long, or expired how long ago.
func tokenState(tok session.Token, now time.Time) string {
	if tok.Expired(now) {
		return fmt.Sprintf("EXPIRED %s ago (at %s)", display.Duration(now.Sub(tok.ExpiresAt)), tok.ExpiresAt.UTC().Format(time.RFC3339))
	}
	state := fmt.Sprintf("valid, expires in %s (age %s of %s)", display.Duration(tok.TimeLeft(now)),
		display.Duration(tok.Age(now)), display.Duration(tok.Lifetime()))
	if !tok.FromJWT {
		state += "; no exp claim, so 60 minutes from now is assumed"
	}
	return state
}
