package session

import (
	"bytes"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// curlTokenVar is the shell variable a redacted curl command reads the token from.
const curlTokenVar = "TOGGLE_TOKEN"

// curlSkipsHeader reports recorded request headers a reproduction must not copy: curl computes
// the transport ones itself, Content-Type is always set explicitly, and secret headers are
// recorded redacted (Authorization is written from the token, never from the record).
func curlSkipsHeader(name string) bool {
	switch http.CanonicalHeaderKey(name) {
	case "Accept-Encoding", "Connection", "Content-Length", "Content-Type", "Host", "User-Agent",
		"Authorization", "X-Authorization", "Proxy-Authorization", "Set-Cookie":
		return true
	}
	return false
}

// curlHeaderVar is the shell variable a secret user header's value is read from in a curl
// command: X-Api-Key → $TOGGLE_HEADER_X_API_KEY.
func curlHeaderVar(name string) string {
	return "TOGGLE_HEADER_" + strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return '_'
	}, name)
}

// CurlCommand renders x as a runnable POSIX shell command that replays it against endpoint:
//
//	curl -sS -X POST 'URL' -H 'Content-Type: application/json' -H "Authorization: Bearer $TOGGLE_TOKEN" --data-raw '…'
//
// With reveal false the Authorization value is "Bearer $TOGGLE_TOKEN" and a comment says how to
// set the variable without the token reaching the shell history; the token never appears. With
// reveal true (an explicit user choice) the real token is written once, single-quoted. A request
// that was sent without a token (loginUser) gets no Authorization header, and so does a revealed
// command when no token is held. The body is the exchange's RequestBody, which the session already
// masked; a comment says so when it contains a mask. The URL is endpoint (where the session
// sends its token), falling back to x.URL when endpoint is empty. Every argument is single-quoted,
// so nothing in the body or URL is interpreted by the shell.
func CurlCommand(x Exchange, endpoint string, token Token, reveal bool) string {
	url := endpoint
	if url == "" {
		url = x.URL
	}
	method := x.Method
	if method == "" {
		method = http.MethodPost
	}
	var b strings.Builder
	b.WriteString("# toggle-explorer: replay of request #")
	b.WriteString(strconv.FormatInt(x.ID, 10))
	if x.Operation != "" {
		b.WriteString(" (" + commentSafe(x.Operation) + ")")
	}
	b.WriteString("\n")
	withAuth := x.SentFingerprint != ""
	revealed := withAuth && reveal && !token.IsZero()
	if withAuth {
		writeTokenComment(&b, x, token, revealed)
	}
	if masked(x.RequestBody) {
		b.WriteString("# The body's secret variables are masked (<masked>, <redacted …>): put the real values in before running.\n")
	}
	for _, name := range sortedHeaderNames(x.RequestHeader) {
		if !curlSkipsHeader(name) && IsSecretHeader(name) {
			b.WriteString("# " + commentSafe(name) + " is secret: set " + curlHeaderVar(name) + " to its value first.\n")
		}
	}
	b.WriteString("curl -sS -X " + shellQuote(method) + " " + shellQuote(url) + " \\\n")
	b.WriteString("  -H 'Content-Type: application/json' \\\n")
	for _, name := range sortedHeaderNames(x.RequestHeader) {
		switch {
		case curlSkipsHeader(name):
			continue
		case IsSecretHeader(name):
			// The record holds only a mark: the value comes from a shell variable, never the file.
			// The name is quoted on its own: a header name may hold $ or a backquote.
			b.WriteString("  -H " + shellQuote(name+": ") + `"$` + curlHeaderVar(name) + `" \` + "\n")
			continue
		}
		for _, v := range x.RequestHeader[name] {
			b.WriteString("  -H " + shellQuote(name+": "+v) + " \\\n")
		}
	}
	switch {
	case revealed:
		b.WriteString("  -H " + shellQuote("Authorization: Bearer "+token.Raw()) + " \\\n")
	case withAuth:
		b.WriteString(`  -H "Authorization: Bearer $` + curlTokenVar + `" \` + "\n")
	}
	b.WriteString("  --data-raw " + shellQuote(string(x.RequestBody)) + "\n")
	return b.String()
}

// writeTokenComment explains which token the command carries: the current token, which may differ
// from the one the original request sent (a rotation or re-login happened since).
func writeTokenComment(b *strings.Builder, x Exchange, token Token, revealed bool) {
	if revealed {
		b.WriteString("# WARNING: this command contains a live bearer token (fp:" + token.Fingerprint + "). Do not share or log it.\n")
	} else {
		b.WriteString("# Set the token first without echoing it or saving it in the shell history:\n")
		b.WriteString("#   read -rs " + curlTokenVar + " && export " + curlTokenVar + "   (then paste the token and press enter)\n")
	}
	if !token.IsZero() && token.Fingerprint != x.SentFingerprint {
		b.WriteString("# The original request sent token fp:" + x.SentFingerprint + "; the current token is fp:" + token.Fingerprint + ".\n")
	}
}

// masked reports whether a logged body contains one of the session's masks.
func masked(body []byte) bool {
	return bytes.Contains(body, []byte(maskedValue)) || bytes.Contains(body, []byte("<redacted fp:"))
}

// shellQuote single-quotes s for a POSIX shell: inside single quotes nothing is special, and an
// embedded quote becomes quote, backslash, quote, quote (close, escaped quote, reopen).
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// commentSafe keeps text on its comment line: a newline in it would turn the rest into a command.
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}

// sortedHeaderNames lists h's keys in order, so the command is stable.
func sortedHeaderNames(h http.Header) []string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
