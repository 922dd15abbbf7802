package inspector

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// labelWidth aligns the Token tab's field labels.
const labelWidth = 12

// Lifetime bar bounds: wide enough to read at 80 columns, not absurd at 200.
const (
	minBarWidth = 10
	maxBarWidth = 48
)

// tokenLines renders the Token tab for width w. It is the only place the raw token can reach the
// screen, and only while m.revealed.
func (m Model) tokenLines(w int) []string {
	st := m.ctx.Styles
	s := m.snap
	if !s.hasToken {
		lines := []string{st.Muted.Render("No token."), ""}
		if s.canRelogin {
			return append(lines, "The next request logs in first, or press p to paste a token.")
		}
		return append(lines, "Log in again from the login screen, or press p to paste a token.")
	}
	t, now := s.token, m.ctx.Now
	kind := "JWT, decoded without verifying the signature"
	if !t.IsJWT() {
		kind = "not a JWT: expiry assumed " + display.Duration(session.DefaultTokenLifetime) + " after receipt"
	}
	field := func(label, value string) string { return st.Muted.Render(pad(label, labelWidth)) + value }
	lines := []string{
		st.Accent.Render("Token "+fpText(t.Fingerprint)) + st.Faint.Render(" · "+kind),
		m.lifetimeBar(w),
		field("Issued", timeAndRelative(t.IssuedAt, now)),
		field("Expires", timeAndRelative(t.ExpiresAt, now)),
		field("Received", stamp(t.ReceivedAt)+" via "+clean(orDash(t.Source))),
		field("Subject", clean(orDash(t.Subject))),
		field("JWT ID", clean(orDash(claimString(t.Claims, "jti")))),
		field("Rotations", strconv.Itoa(t.Rotations)+" since the last login"),
		field("Clock skew", m.skewLine()),
	}
	lines = append(lines, m.tokenWarnings()...)
	if m.revealed {
		lines = append(lines, field("Raw token", st.Warning.Render("shown until r, a tab change or a new token · never logged")))
		lines = append(lines, revealLines(t.Raw(), w)...)
	} else {
		lines = append(lines, field("Raw token", st.Faint.Render("hidden · press r to reveal")))
	}
	lines = append(lines, "", st.Muted.Render("Header (unverified)"))
	lines = append(lines, claimLines(t.Header, w)...)
	lines = append(lines, "", st.Muted.Render("Claims (unverified)"))
	return append(lines, claimLines(t.Claims, w)...)
}

// tokenWarnings says what needs the user's attention: expiry, a token claiming a lifetime far
// beyond the login's, and a token the explorer cannot renew by itself.
func (m Model) tokenWarnings() []string {
	st := m.ctx.Styles
	t, now := m.snap.token, m.ctx.Now
	var out []string
	switch {
	case now.IsZero():
	case t.Expired(now):
		out = append(out, st.Error.Render("✗ expired "+display.Duration(now.Sub(t.ExpiresAt))+" ago"))
	case t.RefreshDue(now):
		out = append(out, st.Warning.Render("⚠ due for refresh: "+display.Duration(t.TimeLeft(now))+" left"))
	}
	if t.LifetimeFlag != "" {
		out = append(out, st.Warning.Render("⚠ the token "+clean(t.LifetimeFlag)))
	}
	if !m.snap.canRelogin {
		out = append(out, st.Warning.Render("⚠ no credentials held: the explorer cannot log in again and warns before expiry"))
	}
	return out
}

// lifetimeBar is "████████░░░░ 41m12s left of 1h", as wide as the tab allows.
func (m Model) lifetimeBar(w int) string {
	st := m.ctx.Styles
	t, now := m.snap.token, m.ctx.Now
	life := t.Lifetime()
	if now.IsZero() || life <= 0 {
		return st.Faint.Render("lifetime unknown")
	}
	left := t.TimeLeft(now)
	label := display.Duration(max(0, left)) + " left of " + display.Duration(life)
	if left <= 0 {
		label = "expired · lifetime " + display.Duration(life)
	}
	width := clamp(w-len(label)-1, minBarWidth, maxBarWidth)
	frac := math.Max(0, math.Min(1, float64(left)/float64(life)))
	filled := int(math.Round(frac * float64(width)))
	style := st.Success
	switch {
	case left <= 0:
		style = st.Error
	case t.RefreshDue(now):
		style = st.Warning
	}
	return style.Render(strings.Repeat("█", filled)) + st.Faint.Render(strings.Repeat("░", width-filled)) + " " + label
}

// skewLine reports the clock skew measured on the newest response with a Date header.
func (m Model) skewLine() string {
	xs := m.snap.exchanges
	for i := len(xs) - 1; i >= 0; i-- {
		if skew, ok := session.ExchangeSkew(xs[i]); ok {
			return session.SkewText(skew) + " · Date of request #" + strconv.FormatInt(xs[i].ID, 10)
		}
	}
	return "unknown: no response with a Date header yet"
}

// revealLines wraps the raw token in lines of w−2 cells under the "Raw token" label. It is
// escaped like everything else (a pasted value could hold control characters) but never
// redacted: showing it is the point.
func revealLines(raw string, w int) []string {
	var out []string
	for _, part := range strings.Split(ansi.Hardwrap(display.Line(raw), max(8, w-2), true), "\n") {
		out = append(out, "  "+part)
	}
	return out
}

// claimLines lists a decoded JWT part, one key per line in key order; NumericDate claims get a
// readable time next to the number.
func claimLines(part map[string]any, w int) []string {
	if len(part) == 0 {
		return []string{"  (none)"}
	}
	keys := make([]string, 0, len(part))
	for k := range part {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		b, err := json.Marshal(part[k])
		v := string(b)
		if err != nil {
			v = "?"
		}
		if k == "exp" || k == "iat" || k == "nbf" {
			if f, ok := part[k].(float64); ok && f > 0 && f < 1e11 {
				v += " (" + stamp(time.Unix(int64(f), 0)) + ")"
			}
		}
		out = append(out, fit("  "+clean(k)+": "+clean(v), w))
	}
	return out
}

// claimString returns a string claim, or "".
func claimString(claims map[string]any, name string) string {
	s, _ := claims[name].(string)
	return s
}

// timeAndRelative is "2026-03-01 13:00:00 UTC (in 41m12s)".
func timeAndRelative(t, now time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	if r := relative(t, now); r != "" {
		return stamp(t) + " (" + r + ")"
	}
	return stamp(t)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
