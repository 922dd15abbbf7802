package session

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// loginOperation is the operation name the exchange log gives logins.
const loginOperation = "loginUser"

// none is what a diff shows for an absent value.
const none = "(none)"

// DiffLine is one field of a comparison between a request that worked and one that failed.
type DiffLine struct {
	// Field names what is compared ("token sent", "clock skew", ...).
	Field string
	// Good and Bad are the field's values in each exchange, already redacted (fingerprints and
	// redacted headers only). They come partly from the server: escape them before printing.
	Good, Bad string
	// Same is true when the two values are equal.
	Same bool
}

// DiffExchanges compares the last good request with a failing one on what matters for
// authentication: endpoint, operation, status, the token fingerprints sent and received, the
// Authorization scheme, the server's clock, any WWW-Authenticate challenge, the variables and the
// error. It reads only the exchanges' redacted records, so nothing secret can appear.
func DiffExchanges(good, bad Exchange) []DiffLine {
	line := func(field string, f func(Exchange) string) DiffLine {
		g, b := f(good), f(bad)
		return DiffLine{Field: field, Good: g, Bad: b, Same: g == b}
	}
	lines := []DiffLine{
		line("endpoint", func(x Exchange) string { return orNone(x.URL) }),
		line("operation", func(x Exchange) string { return orNone(x.Operation) }),
		line("status", statusText),
		line("token sent", func(x Exchange) string { return fpText(x.SentFingerprint) }),
		line("token received", func(x Exchange) string { return fpText(x.ReceivedFingerprint) }),
		line("auth scheme", authScheme),
		line("clock skew", skewText),
	}
	if good.ResponseHeader.Get("WWW-Authenticate") != "" || bad.ResponseHeader.Get("WWW-Authenticate") != "" {
		lines = append(lines, line("WWW-Authenticate", func(x Exchange) string {
			return orNone(strings.Join(x.ResponseHeader.Values("WWW-Authenticate"), ", "))
		}))
	}
	return append(lines,
		line("variables", variablesText),
		line("error", errorText),
	)
}

// LastGoodAndFailing picks the pair worth diffing from a log ordered oldest first: the newest
// Unauthorized exchange, and the newest exchange before it that got an authorized answer (logins
// are skipped: they carry no token, so comparing with one says nothing). ok is false when either
// is missing.
func LastGoodAndFailing(xs []Exchange) (good, bad Exchange, ok bool) {
	for i := len(xs) - 1; i >= 0; i-- {
		if !ExchangeUnauthorized(xs[i]) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if exchangeAuthorized(xs[j]) {
				return xs[j], xs[i], true
			}
		}
		return Exchange{}, Exchange{}, false
	}
	return Exchange{}, Exchange{}, false
}

// ExchangeUnauthorized reports whether the server refused the exchange's credentials: HTTP 401,
// or Toggle's "Unauthorized" GraphQL error with no data. The body test runs only when the text
// occurs at all, so scanning a long log does not decode every large body.
func ExchangeUnauthorized(x Exchange) bool {
	if x.Status == http.StatusUnauthorized {
		return true
	}
	if x.Status == 0 || !bytes.Contains(x.ResponseBody, []byte(`"`+UnauthorizedMessage+`"`)) {
		return false
	}
	env, err := DecodeEnvelope(x.ResponseBody)
	return err == nil && env.IsUnauthorized()
}

// exchangeAuthorized reports whether an exchange (other than a login) got a 2xx answer that is
// not an Unauthorized: its token was accepted.
func exchangeAuthorized(x Exchange) bool {
	return x.Operation != loginOperation && x.Err == "" && x.Status >= 200 && x.Status < 300 &&
		!ExchangeUnauthorized(x)
}

// ExchangeSkew is the server's clock minus ours for one exchange: the response Date header (kept
// in the redacted copy, since it is not secret) against the local time the response arrived. ok
// is false without a parseable Date. Date has a resolution of one second, so only differences
// beyond SkewTolerance mean anything.
func ExchangeSkew(x Exchange) (skew time.Duration, ok bool) {
	v := x.ResponseHeader.Get("Date")
	if v == "" || x.Started.IsZero() {
		return 0, false
	}
	d, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return d.Sub(x.Started.Add(x.Duration)), true
}

// SkewText describes a clock difference for people: "in sync (within 30s)" inside SkewTolerance,
// else "server 1h5m ahead" or "server 2m behind".
func SkewText(skew time.Duration) string {
	switch {
	case skew.Abs() <= SkewTolerance:
		return "in sync (within " + display.Duration(SkewTolerance) + ")"
	case skew > 0:
		return "server " + display.Duration(skew) + " ahead"
	default:
		return "server " + display.Duration(-skew) + " behind"
	}
}

// skewText is the diff's clock line: coarse on purpose, so two in-sync requests compare equal.
func skewText(x Exchange) string {
	skew, ok := ExchangeSkew(x)
	if !ok {
		return "unknown (no Date header)"
	}
	return SkewText(skew)
}

func statusText(x Exchange) string {
	if x.Status == 0 {
		return "no response"
	}
	s := strconv.Itoa(x.Status)
	if ExchangeUnauthorized(x) {
		s += " Unauthorized"
	}
	return s
}

func fpText(fp string) string {
	if fp == "" {
		return none
	}
	return "fp:" + fp
}

// authScheme reads the scheme word from the redacted Authorization header ("Bearer <redacted
// fp:…>"): the credential itself is never in the record.
func authScheme(x Exchange) string {
	v := x.RequestHeader.Get("Authorization")
	if strings.TrimSpace(v) == "" {
		return none
	}
	scheme, _ := splitScheme(v)
	if scheme == "" {
		return "(no scheme: bare token)"
	}
	return scheme
}

// variablesText is the request's (masked) variables as compact JSON.
func variablesText(x Exchange) string {
	var req struct {
		Variables json.RawMessage `json:"variables"`
	}
	if json.Unmarshal(x.RequestBody, &req) != nil || len(req.Variables) == 0 || isNull(req.Variables) {
		return none
	}
	var out bytes.Buffer
	if json.Compact(&out, req.Variables) != nil {
		return none
	}
	return out.String()
}

// maxDiffErrors bounds how many GraphQL errors the error line quotes.
const maxDiffErrors = 3

// errorText is the transport error, or the response's GraphQL error messages, or why the body is
// not an envelope.
func errorText(x Exchange) string {
	if x.Err != "" {
		return x.Err
	}
	if x.Status == 0 || len(x.ResponseBody) == 0 {
		return none
	}
	env, err := DecodeEnvelope(x.ResponseBody)
	if err != nil {
		if x.Truncated {
			return "(body too long to decode here)"
		}
		return err.Error()
	}
	var msgs []string
	for i, g := range env.Errors {
		if i == maxDiffErrors {
			msgs = append(msgs, "…")
			break
		}
		msgs = append(msgs, g.Message)
	}
	return orNone(strings.Join(msgs, "; "))
}

func orNone(s string) string {
	if s == "" {
		return none
	}
	return s
}
