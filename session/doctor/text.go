package doctor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Kind says what a report line is, so each renderer can style it.
type Kind int

// Line kinds, in the order a report uses them.
const (
	// KindTitle is the first line: endpoint and time.
	KindTitle Kind = iota
	// KindGood and KindBad are the outcome line.
	KindGood
	KindBad
	// KindHeading starts a section.
	KindHeading
	// KindField is "Label  text".
	KindField
	// KindVerdict is one instruction; KindBecause its observation.
	KindVerdict
	KindBecause
	// KindRequest is one row of the requests made.
	KindRequest
	// KindBlank separates sections.
	KindBlank
)

// Line is one line of the readable report. Label and Text are already escaped for a terminal.
type Line struct {
	Kind  Kind
	Label string
	Text  string
}

// LabelWidth is the width the text renderer gives field labels.
const LabelWidth = 14

// Lines renders the report for people. Everything from the server is escaped; times are UTC so
// the report reads the same everywhere.
func (r Report) Lines() []Line {
	var out []Line
	add := func(k Kind, label, text string) {
		out = append(out, Line{Kind: k, Label: display.Line(label), Text: display.Line(text)})
	}
	field := func(label, text string) { add(KindField, label, text) }
	heading := func(s string) { add(KindBlank, "", ""); add(KindHeading, "", s) }

	add(KindTitle, "", "toggle-explorer doctor · "+r.Endpoint+" · "+stampUTC(r.Started))
	switch r.Outcome {
	case OK:
		add(KindGood, "", "OK: login and an authorized query work")
	case AuthFailed:
		add(KindBad, "", "AUTH FAILED: "+r.Problem)
	default:
		add(KindBad, "", "UNREACHABLE: "+r.Problem)
	}

	heading("Reachability")
	re := r.Reach
	switch {
	case re.DNSSkipped:
		field("DNS", re.Host+" is an IP address: no lookup")
	case len(re.Addresses) > 0:
		field("DNS", re.Host+" → "+strings.Join(re.Addresses, ", ")+" in "+ms(re.DNS))
	default:
		field("DNS", re.Host)
	}
	if re.RemoteAddr != "" {
		field("Connect", re.RemoteAddr+" in "+ms(re.Connect))
	}
	if re.TLS != nil {
		field("TLS", re.TLS.Version+" · "+orText(re.TLS.Subject, "(no subject)")+" · issued by "+orText(re.TLS.Issuer, "?"))
		field("Certificate", "expires "+stampUTC(re.TLS.NotAfter)+" ("+inOrAgo(re.TLS.ExpiresIn.D())+")")
	} else if re.Status != 0 {
		field("TLS", "none: plain http")
	}
	if re.Status != 0 {
		field("Bare request", fmt.Sprintf("HTTP %d %s · %s · first byte after %s", re.Status, http.StatusText(re.Status), orText(re.ContentType, "no Content-Type"), ms(re.FirstByte)))
	}
	if re.Error != "" {
		field("Error", re.Error)
	}

	if len(r.Logins) > 0 {
		heading("Login")
	}
	for _, l := range r.Logins {
		r.loginLines(l, field)
	}

	if r.Refusal != nil || len(r.Forms) > 0 {
		heading("Requests")
	}
	if ref := r.Refusal; ref != nil {
		field("No token", fmt.Sprintf("%s HTTP %d · %q%s · %d error(s), %s, locations %s", reqRef(ref.Request), ref.Status,
			ref.Message, cfText(ref.CustomerFacing), ref.Errors, dataText(ref.HasData), yesNo(ref.Locations)))
	}
	for _, f := range r.Forms {
		verdict := "refused"
		if f.Accepted {
			verdict = "accepted"
		}
		text := fmt.Sprintf("%s %s (HTTP %d", verdict, reqRef(f.Request), f.Status)
		if !f.Accepted && f.Message != "" {
			text += fmt.Sprintf(", %q", f.Message)
		}
		label := "Bare token"
		if f.Scheme != "" {
			label = "Scheme " + f.Scheme
		}
		field(label, text+")")
	}

	if rot := r.Rotation; rot != nil {
		heading("Rotation")
		r.rotationLines(*rot, field)
	}

	if len(r.Verdicts) > 0 {
		heading("Verdict")
		for i, v := range r.Verdicts {
			add(KindVerdict, fmt.Sprintf("%d.", i+1), v.Do)
			add(KindBecause, "", "because "+v.Because)
		}
	}

	heading(fmt.Sprintf("Requests made (%d)", len(r.Requests)))
	for _, q := range r.Requests {
		status := "—"
		if q.Status != 0 {
			status = fmt.Sprint(q.Status)
		}
		text := fmt.Sprintf("%-22s %-3s %-12s %-8s %s", q.Auth, status, q.Result, ms(q.Took), q.Purpose)
		if q.Received != "" {
			text += " → " + q.Received
		}
		if q.Error != "" {
			text += ": " + q.Error
		}
		add(KindRequest, reqRef(q.N), text)
	}
	return out
}

func (r Report) loginLines(l Login, field func(string, string)) {
	label := "By " + l.By
	if !l.OK {
		why := orText(l.Error, fmt.Sprintf("%q%s", l.Message, cfText(l.CustomerFacing)))
		field(label, fmt.Sprintf("%s %s refused (HTTP %d): %s", l.Identity, reqRef(l.Request), l.Status, why))
		return
	}
	form := "bare token"
	if l.Bearer {
		form = `"Bearer <jwt>"`
	}
	same := ""
	if len(l.Headers) > 1 {
		same = ", the same token"
		if !l.SameToken {
			same = ", DIFFERENT tokens"
		}
	}
	field(label, fmt.Sprintf("%s %s HTTP %d · token in %s%s · %s", l.Identity, reqRef(l.Request), l.Status, strings.Join(l.Headers, " and "), same, form))
	kind := "not a JWT"
	if l.JWT {
		kind = "JWT alg " + orText(l.Alg, "?")
	}
	field("Token", "fp:"+l.Fingerprint+" · "+kind+" · subject "+orText(l.Subject, "—"))
	if l.Lifetime > 0 {
		field("Lifetime", display.Duration(l.Lifetime.D())+" (iat "+stampUTC(l.IssuedAt)+", exp "+stampUTC(l.ExpiresAt)+")")
	} else {
		field("Lifetime", "unknown: no iat/exp claims")
	}
	if l.SkewKnown {
		text := "in step with ours"
		if l.Skew.D().Abs() >= skewNotable {
			text = strings.TrimPrefix(skewText(l.Skew.D()), "the server's clock is ")
		}
		field("Server clock", text+" (Date "+stampUTC(l.ServerDate)+")")
	} else {
		field("Server clock", "unknown: no Date header")
	}
}

func (r Report) rotationLines(rot Rotation, field func(string, string)) {
	switch {
	case rot.Rotations == 0:
		field("Rotated", fmt.Sprintf("no: %d authorized requests over %s brought no new token", rot.Authorized, short(rot.Observed.D())))
		return
	case rot.Every:
		field("Rotated", fmt.Sprintf("on every response (%d of %d)", rot.Rotations, rot.Authorized))
	default:
		field("Rotated", fmt.Sprintf("%d of %d responses, first in %s when the token was %s old", rot.Rotations, rot.Authorized, reqRef(rot.FirstRequest), short(rot.FirstAge.D())))
	}
	form := "bare token"
	if rot.Bearer {
		form = `"Bearer <jwt>"`
	}
	field("Through", strings.Join(rot.Headers, " and ")+" · "+form)
	switch {
	case !rot.OldChecked:
		field("Old token", "not checked")
	case rot.OldAccepted:
		field("Old token", fmt.Sprintf("still accepted %s after it was replaced (%s): a grace period", short(rot.OldAge.D()), reqRef(rot.OldRequest)))
	default:
		field("Old token", fmt.Sprintf("refused %s after it was replaced (%s, HTTP %d): strict revocation", short(rot.OldAge.D()), reqRef(rot.OldRequest), rot.OldStatus))
	}
}

// Text renders the report as plain text for a terminal, one line per Line.
func (r Report) Text() string {
	var b strings.Builder
	for _, l := range r.Lines() {
		switch l.Kind {
		case KindBlank:
		case KindHeading:
			b.WriteString(l.Text)
		case KindField:
			fmt.Fprintf(&b, "  %-*s %s", LabelWidth, l.Label, l.Text)
		case KindVerdict:
			fmt.Fprintf(&b, "  %-3s %s", l.Label, l.Text)
		case KindBecause:
			b.WriteString("      " + l.Text)
		case KindRequest:
			fmt.Fprintf(&b, "  %-3s %s", l.Label, l.Text)
		default:
			b.WriteString(l.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// JSON renders the report as indented JSON; every control, C1 and bidi character in a string is
// a \u escape.
func (r Report) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "<token>" reads better than "\u003ctoken\u003e"
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return display.JSON(buf.Bytes()), nil
}

// stampUTC is a second-precision UTC time, or "unknown".
func stampUTC(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}

// ms formats a measured duration the way every pane and command does.
func ms(d Duration) string { return display.Duration(d.D()) }

// inOrAgo is "in 41d" for a time d from now, "3h ago" for one past.
func inOrAgo(d time.Duration) string {
	var now time.Time
	return display.Relative(now.Add(d), now)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
