package ui

import (
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// noticeKind picks a notice's colour.
type noticeKind int

const (
	noticeInfo noticeKind = iota
	noticeGood
	noticeWarn
	noticeError
)

// notice is the one-line message above the status bar. It never takes focus; it fades after
// noticeLife (errors stay until replaced, they matter more than they annoy).
type notice struct {
	text  string
	kind  noticeKind
	until time.Time // zero: stays
}

// noticeLife is how long a routine notice stays up.
const noticeLife = 8 * time.Second

// visible reports whether the notice should still show at now.
func (n notice) visible(now time.Time) bool {
	return n.text != "" && (n.until.IsZero() || now.Before(n.until))
}

// eventNotice turns a session event into a short notice. Every text is built from fingerprints and
// the session's own messages, which never hold secrets; server text is sanitised anyway.
func eventNotice(ev session.Event, now time.Time) notice {
	msg := display.Line(ev.Message)
	fp := ""
	if ev.Fingerprint != "" {
		fp = " (fp " + ev.Fingerprint + ")"
	}
	n := notice{until: now.Add(noticeLife)}
	switch ev.Kind {
	case session.LoggedIn:
		n.text, n.kind = "✓ logged in"+fp, noticeGood
		if ev.Header == "" && msg != "" {
			// Not a login answered by the server: a pasted or restored token says what it is.
			n.text = "✓ " + msg + fp
		}
	case session.Rotated:
		n.text, n.kind = "↻ the server rotated the token"+viaHeader(ev)+fp, noticeInfo
	case session.Refreshed:
		n.text, n.kind = "↻ token refreshed in the background"+fp, noticeGood
	case session.ReLoggedIn:
		n.text, n.kind = "↻ logged in again after Unauthorized"+fp, noticeWarn
	case session.Replayed:
		n.text, n.kind = "↻ request replayed with the new token"+fp, noticeInfo
	case session.RefreshFailed:
		n.text, n.kind = "⚠ background refresh failed: "+msg, noticeWarn
	case session.ExpiringSoon:
		n.text, n.kind = "⚠ "+msg, noticeWarn
	case session.Expired:
		n.text, n.kind, n.until = "✗ the token expired"+fp, noticeError, time.Time{}
	case session.Unauthorized:
		n.text, n.kind = "✗ Unauthorized: "+diagnosisText(ev, msg), noticeError
	case session.GaveUp:
		// The diagnosis's action already says "gave up: …".
		n.text, n.kind, n.until = "✗ "+diagnosisText(ev, msg), noticeError, time.Time{}
	case session.StoreFailed:
		n.text, n.kind = "⚠ "+msg, noticeWarn
	case session.RotationIgnored:
		n.text, n.kind = "↻ "+msg, noticeInfo
	case session.TokenRefused:
		n.text, n.kind, n.until = "✗ "+diagnosisText(ev, msg), noticeError, time.Time{}
	case session.LoggedOut:
		n.text, n.kind = "logged out", noticeInfo
	default:
		n.text = ev.Kind.String() + ": " + msg
	}
	return n
}

func viaHeader(ev session.Event) string {
	s := ""
	if ev.Header != "" {
		s = " via " + ev.Header
	}
	if ev.Operation != "" {
		s += " on " + ev.Operation
	}
	return s
}

func diagnosisText(ev session.Event, fallback string) string {
	if ev.Diagnosis != nil {
		return display.Line(ev.Diagnosis.String())
	}
	return fallback
}
