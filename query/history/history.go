package history

import "time"

// DefaultMaxBytes is the history size bound New uses when given
// no positive bound: thousands of entries, and still quick to load.
const DefaultMaxBytes = 4 << 20

// The outcomes a Entry records.
const (
	OutcomeOK           = "ok"           // a response with data and no errors
	OutcomeErrors       = "errors"       // a response carrying GraphQL errors
	OutcomeUnauthorized = "unauthorized" // authentication failed
	OutcomeFailed       = "failed"       // network, HTTP or transport failure
	OutcomeCancelled    = "cancelled"    // the user cancelled the request
)

// Entry is one execution, stored as one JSON line. Nothing in it may
// be a secret: Append masks the variables and literals again whatever the
// caller did, and a token is only ever represented by its fingerprint.
type Entry struct {
	// Time is when the request was sent; Append stores it in UTC and fills in
	// the current time when it is zero.
	Time time.Time `json:"time"`
	// Endpoint is the GraphQL URL (any user:password part is removed).
	Endpoint string `json:"endpoint"`
	// Profile is the config profile the request was sent under ("" when none).
	Profile string `json:"profile,omitempty"`
	// Headers are the user's extra headers as sent, with the values of secret-looking names
	// masked (query/headers.IsSecret).
	Headers map[string]string `json:"headers,omitempty"`
	// Operation is the operation's name ("" when anonymous).
	Operation string `json:"operation,omitempty"`
	// OperationKind is "query", "mutation" or "subscription".
	OperationKind string `json:"kind,omitempty"`
	// Document is the GraphQL text sent, with secret-looking string literals
	// masked (all of them in a login).
	Document string `json:"document,omitempty"`
	// Variables are the variables sent with secret-looking keys masked; nil
	// for a login, whose variables are never stored.
	Variables map[string]any `json:"variables,omitempty"`
	// Status is the HTTP status, 0 when there was no response.
	Status int `json:"status,omitempty"`
	// Outcome is one of the Outcome constants.
	Outcome string `json:"outcome,omitempty"`
	// DurationMS is how long the request took, in whole milliseconds (kept for
	// older readers and files; Took is the one to show).
	DurationMS int64 `json:"duration_ms"`
	// DurationUS is the same in microseconds, so a sub-millisecond round trip
	// shows as the inspector shows it ("969µs", not "0s"). 0 in files written
	// before it existed.
	DurationUS int64 `json:"duration_us,omitempty"`
	// Size is the response body's size in bytes.
	Size int64 `json:"size"`
	// TokenFingerprint identifies the token sent (a short SHA-256 prefix,
	// never the token).
	TokenFingerprint string `json:"token_fp,omitempty"`
	// ErrorSummary is a one-line description of what went wrong, "" when
	// nothing did.
	ErrorSummary string `json:"error,omitempty"`
	// Response names the kept response body in ResponsesDir ("" when none
	// was kept); read it with Log.Response.
	Response string `json:"response,omitempty"`
	// Body is the response body to keep with the entry. Append stores it
	// (masked and bounded, see MaxResponseBytes) beside the history and sets
	// Response; it is never part of the JSON line.
	Body []byte `json:"-"`
}

// SetDuration records how long the request took, in both units, rounded to the microsecond as
// display.Duration rounds (truncated, the history said 717µs where the inspector said 718µs).
func (e *Entry) SetDuration(d time.Duration) {
	d = d.Round(time.Microsecond)
	e.DurationMS, e.DurationUS = d.Milliseconds(), d.Microseconds()
}

// Took is how long the request took, as precisely as the entry knows.
func (e Entry) Took() time.Duration {
	if e.DurationUS > 0 {
		return time.Duration(e.DurationUS) * time.Microsecond
	}
	return time.Duration(e.DurationMS) * time.Millisecond
}

// Log is the execution history: a JSON Lines file under the state
// directory, appended to by every explorer process.
//
// It is bounded: an Append that would take the file past its bound rewrites
// it (atomically, under the lock) with only the newest entries that fit in
// half the bound. One file rather than a rotated path+".1" keeps Load to a
// single read and leaves one file to find and delete; halving means that
// rewrite happens once per half-bound of appends, not on every append.
type Log struct {
	path     string
	maxBytes int64
	// Bounds of the kept response bodies (see MaxResponseBytes).
	maxResponse, responseBudget int64
}

// New returns the history kept at path, bounded to maxBytes
// (DefaultMaxBytes when maxBytes <= 0).
func New(path string, maxBytes int64) *Log {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return &Log{path: path, maxBytes: maxBytes, maxResponse: MaxResponseBytes, responseBudget: ResponsesBudget}
}

// WithResponseBounds returns the history keeping response bodies of at most
// each bytes, total bytes together (the defaults when <= 0). each = -1 keeps
// none.
func (h *Log) WithResponseBounds(each, total int64) *Log {
	c := *h
	if each != 0 {
		c.maxResponse = each
	}
	if total > 0 {
		c.responseBudget = total
	}
	return &c
}

// Path returns the history file's path.
func (h *Log) Path() string { return h.path }

// QuarantinePath is where Load moves lines it cannot read, so that they are
// kept for inspection rather than silently dropped.
func (h *Log) QuarantinePath() string { return h.path + ".corrupt" }
