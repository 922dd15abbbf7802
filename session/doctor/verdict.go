package doctor

import (
	"fmt"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// skewNotable is the clock difference worth a verdict: Date has whole seconds, so anything
// smaller is rounding and network time.
const skewNotable = 2 * time.Second

// verdicts derives what a client must do from the facts alone (a pure function, so each verdict
// can be tested from a hand-made report).
func verdicts(rep Report) []Verdict {
	out := []Verdict{}
	add := func(do, because string) { out = append(out, Verdict{Do: do, Because: because}) }
	if rep.Outcome == Unreachable {
		where := "the DNS lookup of " + rep.Reach.Host
		if len(rep.Requests) > 0 {
			where = "request " + reqRef(1)
		}
		add("Fix reachability first: nothing else could be checked", where+": "+orText(rep.Reach.Error, rep.Problem))
		return out
	}
	out = append(out, loginVerdicts(rep)...)
	out = append(out, formVerdicts(rep)...)
	out = append(out, refusalVerdicts(rep)...)
	out = append(out, rotationVerdicts(rep)...)
	out = append(out, lifetimeVerdicts(rep)...)
	return out
}

// goodLogin is the first login that gave a token.
func goodLogin(rep Report) (Login, bool) {
	for _, l := range rep.Logins {
		if l.OK {
			return l, true
		}
	}
	return Login{}, false
}

func loginVerdicts(rep Report) []Verdict {
	var out []Verdict
	for _, l := range rep.Logins {
		if l.OK {
			continue
		}
		why := orText(l.Error, fmt.Sprintf("HTTP %d, %q%s", l.Status, l.Message, cfText(l.CustomerFacing)))
		out = append(out, Verdict{Do: "Check the credentials for login by " + l.By + " (" + l.Identity + ")",
			Because: "login by " + l.By + " was refused in " + reqRef(l.Request) + ": " + why})
	}
	if len(rep.Logins) == 0 && rep.Outcome == AuthFailed {
		out = append(out, Verdict{Do: "Give a username or an email, and a password", Because: rep.Problem})
	}
	l, ok := goodLogin(rep)
	if !ok {
		return out
	}
	sent := "login " + reqRef(l.Request) + " sent the token in " + strings.Join(l.Headers, " and ")
	switch {
	case has(l.Headers, "X-Authorization") && has(l.Headers, "Authorization"):
		same := " (the same token)"
		if !l.SameToken {
			same = " (DIFFERENT tokens: prefer X-Authorization)"
		}
		out = append(out, Verdict{Do: "Read the token from X-Authorization (Authorization is deprecated)", Because: sent + same})
	case has(l.Headers, "X-Authorization"):
		out = append(out, Verdict{Do: "Read the token from X-Authorization: there is no Authorization header", Because: sent + " only"})
	default:
		out = append(out, Verdict{Do: "Read the token from Authorization: there is no X-Authorization header", Because: sent + " only"})
	}
	if l.Bearer {
		out = append(out, Verdict{Do: `Strip the "Bearer " prefix from token response headers`, Because: `login ` + reqRef(l.Request) + ` answered "Bearer <jwt>"`})
	}
	if l.JWT && l.Alg == "none" {
		out = append(out, Verdict{Do: `Do not trust this token's claims: it is unsigned ("alg": "none")`, Because: "the JWT header of " + reqRef(l.Request)})
	}
	return out
}

func formVerdicts(rep Report) []Verdict {
	var accepted, refused []string
	var first *Form
	for i := range rep.Forms {
		f := &rep.Forms[i]
		entry := f.Name + " " + reqRef(f.Request)
		if f.Accepted {
			accepted = append(accepted, entry)
			if first == nil {
				first = f
			}
		} else {
			refused = append(refused, entry)
		}
	}
	if len(rep.Forms) == 0 {
		return nil
	}
	because := ""
	if len(accepted) > 0 {
		because = "accepted: " + strings.Join(accepted, ", ")
	}
	if len(refused) > 0 {
		because = joinNonEmpty("; ", because, "refused: "+strings.Join(refused, ", "))
	}
	if first == nil {
		return []Verdict{{Do: "The server took the login's token in no form: check the endpoint (another environment?)", Because: because}}
	}
	if rep.Refusal == nil {
		// The probe ran without a token too, so "accepted" says nothing about the header.
		return []Verdict{{Do: "Send Authorization: Bearer <token> (Toggle's documented form): this server's answers could not tell the forms apart",
			Because: reqRef(1) + " ran the same query without a token"}}
	}
	return []Verdict{{Do: "Send " + first.Name, Because: because}}
}

func refusalVerdicts(rep Report) []Verdict {
	ref := rep.Refusal
	if ref == nil {
		if rep.Reach.Status != 0 {
			return []Verdict{{Do: "Do not rely on the introspection probe to test auth: it ran without a token",
				Because: fmt.Sprintf("%s without a token: HTTP %d with data", reqRef(1), rep.Reach.Status)}}
		}
		return nil
	}
	shape := fmt.Sprintf("%s without a token: HTTP %d, errors[0].message %q%s, %s", reqRef(ref.Request), ref.Status,
		ref.Message, cfText(ref.CustomerFacing), dataText(ref.HasData))
	switch {
	case ref.Status == 401 || ref.Status == 403:
		return []Verdict{{Do: fmt.Sprintf("Treat HTTP %d as Unauthorized: log in again once and replay", ref.Status), Because: shape}}
	case ref.Unauthorized:
		return []Verdict{{Do: `Detect an expired or refused token by errors[].message "Unauthorized": the HTTP status stays 200`, Because: shape}}
	}
	return []Verdict{{Do: "Learn this server's refusal: it is not Toggle's Unauthorized", Because: shape}}
}

func rotationVerdicts(rep Report) []Verdict {
	rot := rep.Rotation
	if rot == nil {
		return nil
	}
	if rot.Rotations == 0 {
		return []Verdict{{Do: "Still check every response for X-Authorization and Authorization: a rotation may come later",
			Because: fmt.Sprintf("no new token in %d authorized requests over %s", rot.Authorized, short(rot.Observed.D()))}}
	}
	where := strings.Join(rot.Headers, " and ")
	when := "whenever a response carries one"
	because := fmt.Sprintf("first new token in %s, when the token was %s old", reqRef(rot.FirstRequest), short(rot.FirstAge.D()))
	if rot.Every {
		when = "on every response"
		because = fmt.Sprintf("each of the %d authorized answers carried a new token", rot.Authorized)
	}
	if len(rot.Headers) == 1 {
		because += ", in " + where + " only"
	}
	if rot.Bearer {
		because += `, as "Bearer <jwt>"`
	}
	do := "Adopt the token from " + where + " " + when
	switch {
	case rot.OldChecked && !rot.OldAccepted:
		do += ": the old one is refused at once"
		because += fmt.Sprintf("; the previous token, presented again %s later, was refused in %s (HTTP %d)", short(rot.OldAge.D()), reqRef(rot.OldRequest), rot.OldStatus)
	case rot.OldChecked:
		do += ": the previous one still works for a while (grace period), so requests in flight survive"
		because += fmt.Sprintf("; the previous token still worked %s after it was replaced, in %s", short(rot.OldAge.D()), reqRef(rot.OldRequest))
	}
	out := []Verdict{{Do: do, Because: because}}
	if len(rot.Headers) == 1 && rot.Headers[0] == "X-Authorization" {
		if l, ok := goodLogin(rep); ok && has(l.Headers, "Authorization") {
			out = append(out, Verdict{Do: "Do not rely on Authorization for rotations: a client that reads only it misses them",
				Because: "login used both headers, rotations came in X-Authorization only"})
		}
	}
	return out
}

func lifetimeVerdicts(rep Report) []Verdict {
	l, ok := goodLogin(rep)
	if !ok {
		return nil
	}
	var out []Verdict
	if l.Lifetime > 0 {
		life := l.Lifetime.D()
		out = append(out, Verdict{Do: fmt.Sprintf("Refresh before %s: log in again when less than %s is left", display.Duration(life), display.Duration(life/6)),
			Because: fmt.Sprintf("the token from %s lives %s (exp − iat)", reqRef(l.Request), display.Duration(life))})
	} else {
		out = append(out, Verdict{Do: "Assume a 60-minute token (Toggle's documented lifetime) and refresh before it ends",
			Because: "the token from " + reqRef(l.Request) + " has no readable iat/exp"})
	}
	if l.SkewKnown && l.Skew.D().Abs() >= skewNotable {
		out = append(out, Verdict{Do: "Time the token from its arrival on your clock, not from exp: " + skewText(l.Skew.D()),
			Because: "the Date header of " + reqRef(l.Request) + " against our clock"})
	}
	return out
}

// skewText is "the server's clock is 3s ahead" / "… 2m behind".
func skewText(d time.Duration) string {
	if d >= 0 {
		return "the server's clock is " + display.Duration(d) + " ahead"
	}
	return "the server's clock is " + display.Duration(-d) + " behind"
}

// short formats a duration the way every pane and command does.
func short(d time.Duration) string { return display.Duration(d) }

func reqRef(n int) string { return fmt.Sprintf("#%d", n) }

func cfText(cf *bool) string {
	if cf == nil {
		return ""
	}
	return fmt.Sprintf(", customer_facing %t", *cf)
}

func dataText(hasData bool) string {
	if hasData {
		return "with data"
	}
	return "no data"
}

func has(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func orText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
