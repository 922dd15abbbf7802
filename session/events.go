package session

import (
	"fmt"
	"sync"
	"time"
)

// EventKind says what happened to the session.
type EventKind int

// The kinds of session event.
const (
	// LoggedIn: a login succeeded (explicit, or the first one a request needed).
	LoggedIn EventKind = iota + 1
	// Rotated: a response carried a newer token and it was adopted.
	Rotated
	// Refreshed: the background refresh (or a pre-send refresh) logged in again.
	Refreshed
	// RefreshFailed: a refresh attempt failed; the current token, if still valid, is kept.
	RefreshFailed
	// Expired: the current token passed its expiry.
	Expired
	// ExpiringSoon: the token is due for refresh but no credentials are held to do it.
	ExpiringSoon
	// Unauthorized: the server answered Unauthorized.
	Unauthorized
	// ReLoggedIn: the session logged in again after an Unauthorized.
	ReLoggedIn
	// Replayed: a request was sent a second time (new token, or after a query's network failure).
	Replayed
	// GaveUp: a request failed for good; the event carries the diagnosis.
	GaveUp
	// LoggedOut: the token and its stored copy were forgotten.
	LoggedOut
	// StoreFailed: the token store could not save, load or delete (never fatal).
	StoreFailed
	// RotationIgnored: a response offered a token and the session kept the current one; the
	// message says why (older, a tie with a token from an earlier request, expired, not a JWT).
	RotationIgnored
	// TokenRefused: a rotated or stored token broke a trust rule (another subject, "alg": "none")
	// and was not used; the event carries a diagnosis.
	TokenRefused
	// RefreshStarted: a login to get a token (first login, refresh, re-login) started. It ends
	// with LoggedIn, Refreshed or ReLoggedIn, or with RefreshEnded when it failed. Like
	// RefreshEnded it is a signal for whoever shows Session.Snapshot's Refreshing: it reaches the
	// Events channel but not the Timeline, which records outcomes.
	RefreshStarted
	// RefreshEnded: a login announced by RefreshStarted failed or was discarded (channel only).
	RefreshEnded
	// AwaitingInFlight: a refused request waits for other requests carrying the same token before
	// logging in, since one of them may bring its successor (channel only).
	AwaitingInFlight
)

// signalOnly reports whether events of kind k reach the Events channel but not the Timeline.
func (k EventKind) signalOnly() bool {
	return k == RefreshStarted || k == RefreshEnded || k == AwaitingInFlight
}

// String names the kind.
func (k EventKind) String() string {
	switch k {
	case LoggedIn:
		return "logged in"
	case Rotated:
		return "rotated"
	case Refreshed:
		return "refreshed"
	case RefreshFailed:
		return "refresh failed"
	case Expired:
		return "expired"
	case ExpiringSoon:
		return "expiring soon"
	case Unauthorized:
		return "unauthorized"
	case ReLoggedIn:
		return "re-logged in"
	case Replayed:
		return "replayed"
	case GaveUp:
		return "gave up"
	case LoggedOut:
		return "logged out"
	case StoreFailed:
		return "store failed"
	case RotationIgnored:
		return "not adopted"
	case TokenRefused:
		return "token refused"
	case RefreshStarted:
		return "refresh started"
	case RefreshEnded:
		return "refresh ended"
	case AwaitingInFlight:
		return "awaiting requests in flight"
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is one thing that happened to the session. It carries fingerprints, never tokens.
type Event struct {
	// Kind says what happened.
	Kind EventKind
	// Time is the session clock's reading.
	Time time.Time
	// Fingerprint is the token the event is about (the new one, for rotations and logins).
	Fingerprint string
	// PreviousFingerprint is the token it replaced, when any.
	PreviousFingerprint string
	// Header is the response header a token came through ("X-Authorization", "Authorization").
	Header string
	// ExchangeID is the exchange that brought or triggered the event (0 when none).
	ExchangeID int64
	// Operation is that exchange's operation name.
	Operation string
	// Message is a plain-language line for logs and the status bar.
	Message string
	// Diagnosis explains an authentication failure, when the event is about one.
	Diagnosis *Diagnosis
}

// String is a one-line rendering for `-v` logging.
func (e Event) String() string {
	s := e.Time.Format(time.TimeOnly) + " " + e.Kind.String()
	if e.Fingerprint != "" {
		s += " fp:" + e.Fingerprint
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// DefaultEventBuffer is the capacity of the Events channel.
const DefaultEventBuffer = 64

// DefaultTimelineSize is how many events Timeline keeps.
const DefaultTimelineSize = 500

// eventHub fans events out to a buffered channel (dropping, never blocking, when the reader is
// slow) and keeps a bounded timeline for the inspector.
type eventHub struct {
	mu       sync.Mutex
	ch       chan Event
	closed   bool
	dropped  int64
	timeline []Event
	limit    int
}

func newEventHub(buffer, timeline int) *eventHub {
	return &eventHub{ch: make(chan Event, buffer), limit: timeline}
}

// emit records e and offers it to the channel without blocking. The send happens under the lock
// so close cannot race with it.
func (h *eventHub) emit(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !e.Kind.signalOnly() {
		if len(h.timeline) == h.limit {
			copy(h.timeline, h.timeline[1:])
			h.timeline = h.timeline[:h.limit-1]
		}
		h.timeline = append(h.timeline, e)
	}
	if h.closed {
		return
	}
	select {
	case h.ch <- e:
	default:
		h.dropped++
	}
}

// close closes the channel once; later events only reach the timeline.
func (h *eventHub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.ch)
	}
}

func (h *eventHub) list() []Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Event(nil), h.timeline...)
}

func (h *eventHub) droppedCount() int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.dropped
}
