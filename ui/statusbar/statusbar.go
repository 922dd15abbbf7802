// Package statusbar renders the always-visible session line: endpoint, user, token age and time
// left, refresh state, rotations and the last request. Its colour follows the token's state.
package statusbar

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// RefreshState is what the background refresh is doing.
type RefreshState int

// The refresh states the bar distinguishes.
const (
	RefreshIdle       RefreshState = iota // nothing pending
	RefreshRunning                        // a login or refresh is in flight
	RefreshFailedLast                     // the last refresh failed; the token may still be valid
)

// LastRequest summarises the most recent request for the bar.
type LastRequest struct {
	Status   int           // HTTP status (0 when none arrived)
	Duration time.Duration // round trip
	At       time.Time     // when it finished
	Outcome  string        // "ok", "errors", "unauthorized", "failed", "cancelled"
}

// Snapshot is everything the bar shows. The root model builds it from the session and its own
// state inside Update; the bar never calls the session itself.
type Snapshot struct {
	Endpoint, Identity string
	Token              session.Token
	Refresh            RefreshState
	Insecure           bool
	Last               *LastRequest
	// Rejected is the fingerprint of a token the server refused and the session could not
	// replace: unexpired, yet useless, which the bar must not call fresh.
	Rejected string
	// Profile names the config profile in use ("" when none): always shown, right after the
	// token badge, so the user knows which environment a request goes to.
	Profile string
	// Protected marks the profile (production) in the theme's warning colour.
	Protected bool
}

// TokenState classifies the token for colouring.
type TokenState int

// The token states, in the order the bar checks them.
const (
	StateNone       TokenState = iota // no token
	StateFresh                        // comfortably valid
	StateDue                          // refresh due (less than a sixth of the lifetime left)
	StateRefreshing                   // a refresh is in flight
	StateExpired                      // past its expiry
	StateFailed                       // the last refresh failed
	StateRejected                     // unexpired but refused by the server
)

// String names the state as the bar shows it.
func (s TokenState) String() string {
	switch s {
	case StateFresh:
		return "fresh"
	case StateDue:
		return "refresh due"
	case StateRefreshing:
		return "refreshing"
	case StateExpired:
		return "expired"
	case StateFailed:
		return "refresh failed"
	case StateRejected:
		return "rejected"
	default:
		return "no token"
	}
}

// Classify decides the token state at now. Expiry wins over everything: an expired token is the
// one fact the user must not miss.
func Classify(s Snapshot, now time.Time) TokenState {
	switch {
	case s.Token.IsZero():
		return StateNone
	case s.Token.Expired(now):
		return StateExpired
	case s.Rejected != "" && s.Rejected == s.Token.Fingerprint:
		return StateRejected
	case s.Refresh == RefreshFailedLast:
		return StateFailed
	case s.Refresh == RefreshRunning:
		return StateRefreshing
	case s.Token.RefreshDue(now):
		return StateDue
	default:
		return StateFresh
	}
}

// Render draws the bar at the given width. Segments are dropped from the least important end when
// the terminal is narrow, so the token's age and expiry survive down to 80 columns and below.
// Every piece is rendered with its own full style: an inner reset would otherwise cut the bar's
// background short.
func Render(ctx *common.Context, s Snapshot, width int) string {
	st := ctx.Styles
	now := ctx.Now
	state := Classify(s, now)

	badge := stateStyle(st, state).Render(strings.ToUpper(state.String()))
	if s.Profile != "" {
		name := display.Line(s.Profile)
		if s.Protected {
			badge += st.TokenDue.Render("⚠ " + name + " (protected)")
		} else {
			badge += st.StatusSegment.Render("[" + name + "]")
		}
	}
	parts := []string{tokenText(s.Token, now)}
	// Most important first: an insecure connection, where the requests go (a wider badge such as
	// REFRESH DUE must not push the endpoint off), the last request, rotations. A segment that
	// does not fit may have a shorter form (the host without the user); else it is dropped whole.
	fits := func(opt string) bool {
		return lipgloss.Width(badge)+lipgloss.Width(joinParts(append(parts, opt)))+2 <= width
	}
	for _, forms := range [][]string{{insecureText(s.Insecure)}, {who(s), host(s)}, {lastText(s.Last, now)}, {refreshText(s)}} {
		for _, opt := range forms {
			if opt != "" && fits(opt) {
				parts = append(parts, opt)
				break
			}
		}
	}
	line := badge + st.StatusSegment.Render(ansi.Truncate(joinParts(parts), max(0, width-lipgloss.Width(badge)-2), "…"))
	if pad := width - lipgloss.Width(line); pad > 0 {
		line += st.Status.Render(strings.Repeat(" ", pad))
	}
	return line
}

// joinParts joins the bar's segments with a middle dot.
func joinParts(parts []string) string { return strings.Join(parts, " · ") }

func stateStyle(st *common.Styles, s TokenState) lipgloss.Style {
	switch s {
	case StateFresh:
		return st.TokenFresh
	case StateDue:
		return st.TokenDue
	case StateRefreshing:
		return st.TokenRefreshing
	case StateFailed:
		return st.TokenFailed
	default:
		return st.TokenExpired
	}
}

// tokenText is "token 4m12s · expires in 55m48s", or how long ago it expired.
func tokenText(t session.Token, now time.Time) string {
	if t.IsZero() {
		return "not logged in"
	}
	// Whole seconds: the bar ticks once a second, and "token 850ms" would only flicker.
	age := "token " + display.Duration(t.Age(now).Truncate(time.Second))
	if t.Expired(now) {
		return age + " · expired " + display.Duration(-t.TimeLeft(now).Truncate(time.Second)) + " ago"
	}
	return age + " · expires in " + display.Duration(t.TimeLeft(now).Truncate(time.Second))
}

// who is "user on host". Both come from a config file or the command line: escaped like any
// text from a file.
func who(s Snapshot) string {
	if s.Identity == "" {
		return host(s)
	}
	return display.Line(s.Identity) + " on " + host(s)
}

// host is the endpoint's host, the short form of who, escaped like who.
func host(s Snapshot) string {
	if u, err := url.Parse(s.Endpoint); err == nil && u.Host != "" {
		return display.Line(u.Host)
	}
	return display.Line(s.Endpoint)
}

func refreshText(s Snapshot) string {
	if s.Token.IsZero() {
		return ""
	}
	switch n := s.Token.Rotations; n {
	case 0:
		return "no rotations"
	case 1:
		return "1 rotation"
	default:
		return fmt.Sprintf("%d rotations", n)
	}
}

func lastText(l *LastRequest, now time.Time) string {
	if l == nil {
		return ""
	}
	status := l.Outcome
	if l.Status != 0 {
		status = fmt.Sprintf("%d %s", l.Status, l.Outcome)
	}
	return fmt.Sprintf("last %s in %s, %s ago", status, display.Duration(l.Duration), display.Duration(now.Sub(l.At)))
}

func insecureText(insecure bool) string {
	if insecure {
		return "INSECURE (--insecure)"
	}
	return ""
}
