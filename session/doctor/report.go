package doctor

import (
	"strconv"
	"time"
)

// Outcome sums a run up: what a client can expect of this server with these credentials.
type Outcome string

// Outcomes, in the order the checks fail.
const (
	// OK: login and an authorized query work.
	OK Outcome = "ok"
	// AuthFailed: the server answered, but login or every authorized query was refused (or no
	// credentials were given).
	AuthFailed Outcome = "auth-failed"
	// Unreachable: the server could not be reached or did not answer like a GraphQL endpoint.
	Unreachable Outcome = "unreachable"
)

// Exit codes of the doctor command, by outcome (architecture.md's contract).
const (
	ExitOK          = 0
	ExitAuth        = 2
	ExitUnreachable = 3
)

// Report is everything one run learned. Every string that came from the server is kept as the
// server sent it; renderers escape it (Lines does, and so does JSON).
type Report struct {
	// Endpoint is the GraphQL URL probed.
	Endpoint string `json:"endpoint"`
	// Started is our clock when the run began.
	Started time.Time `json:"started"`
	// Outcome sums the run up; Problem says why when it is not OK.
	Outcome Outcome `json:"outcome"`
	// Problem is the reason for a non-OK outcome.
	Problem string `json:"problem,omitempty"`
	// Reach is the reachability section.
	Reach Reach `json:"reachability"`
	// Logins holds one entry per login made (by username, then by email when given).
	Logins []Login `json:"logins"`
	// Refusal is how the unauthenticated request was refused (nil when it was not).
	Refusal *Refusal `json:"unauthenticated,omitempty"`
	// Forms lists the request header forms tried with a valid token.
	Forms []Form `json:"header_forms"`
	// Rotation is what the authorized queries showed about rotation (nil when none ran).
	Rotation *Rotation `json:"rotation,omitempty"`
	// Verdicts is what a client must do for this server.
	Verdicts []Verdict `json:"verdicts"`
	// Requests lists every request made, in order.
	Requests []Request `json:"requests"`
}

// ExitCode maps the outcome to the command's exit status: 0, 2 or 3.
func (r Report) ExitCode() int {
	switch r.Outcome {
	case OK:
		return ExitOK
	case AuthFailed:
		return ExitAuth
	}
	return ExitUnreachable
}

// Reach is the reachability section.
type Reach struct {
	// Host is the endpoint's host name or IP.
	Host string `json:"host"`
	// Addresses are what DNS returned (empty when Host is an IP).
	Addresses []string `json:"addresses,omitempty"`
	// DNS is the lookup time; DNSSkipped says there was none because Host is an IP.
	DNS        Duration `json:"dns_ms"`
	DNSSkipped bool     `json:"dns_skipped,omitempty"`
	// RemoteAddr is the address connected to; Connect the time the TCP connect took.
	RemoteAddr string   `json:"remote_addr,omitempty"`
	Connect    Duration `json:"connect_ms"`
	// TLS is filled for https endpoints.
	TLS *TLSFacts `json:"tls,omitempty"`
	// Status is the HTTP status of the bare (unauthenticated) request; 0 when none came back.
	Status int `json:"status"`
	// ContentType is that response's Content-Type.
	ContentType string `json:"content_type,omitempty"`
	// FirstByte is the time from sending the bare request to the first byte of its answer.
	FirstByte Duration `json:"first_byte_ms"`
	// Error says what failed, when something did.
	Error string `json:"error,omitempty"`
}

// TLSFacts describe the TLS connection and the server's leaf certificate.
type TLSFacts struct {
	// Version is e.g. "TLS 1.3".
	Version string `json:"version"`
	// Subject and Issuer are the leaf certificate's distinguished names.
	Subject string `json:"subject"`
	Issuer  string `json:"issuer"`
	// DNSNames are the certificate's subject alternative names.
	DNSNames []string `json:"dns_names,omitempty"`
	// NotAfter is the certificate's expiry; ExpiresIn the time left on our clock.
	NotAfter  time.Time `json:"not_after"`
	ExpiresIn Duration  `json:"expires_in_ms"`
}

// Login is one login attempt and what its answer showed.
type Login struct {
	// By is "username" or "email"; Identity the value used (not a secret).
	By       string `json:"by"`
	Identity string `json:"identity"`
	// Request is the number of the request (see Report.Requests).
	Request int `json:"request"`
	// OK is true when the login returned a token.
	OK bool `json:"ok"`
	// Status is the HTTP status; Message and CustomerFacing the server's error, on failure.
	Status         int    `json:"status"`
	Message        string `json:"message,omitempty"`
	CustomerFacing *bool  `json:"customer_facing,omitempty"`
	// Headers names the response headers that carried a token, X-Authorization first.
	Headers []string `json:"token_headers"`
	// Bearer is true when a token header read "Bearer <jwt>".
	Bearer bool `json:"bearer_prefix"`
	// SameToken is true when two token headers carried the same token.
	SameToken bool `json:"same_token"`
	// Fingerprint identifies the token.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Alg is the JWT header's "alg"; JWT is false when the token is not a JWT.
	Alg string `json:"alg,omitempty"`
	JWT bool   `json:"jwt"`
	// Subject, IssuedAt, ExpiresAt are claims (zero when absent); Lifetime is exp − iat.
	Subject   string    `json:"subject,omitempty"`
	IssuedAt  time.Time `json:"issued_at,omitzero"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	Lifetime  Duration  `json:"lifetime_ms"`
	// ServerDate is the response's Date header; Skew is server minus ours (SkewKnown when Date
	// parsed). Date has whole seconds, so a skew under a second or two is noise.
	ServerDate time.Time `json:"server_date,omitzero"`
	Skew       Duration  `json:"clock_skew_ms"`
	SkewKnown  bool      `json:"clock_skew_known"`
	// Error is a transport failure or a malformed answer.
	Error string `json:"error,omitempty"`
}

// Refusal is how the server refused a request that carried no token.
type Refusal struct {
	// Request is the request's number.
	Request int `json:"request"`
	// Status is the HTTP status.
	Status int `json:"status"`
	// Message is the first error's message; CustomerFacing its customer_facing flag (nil when
	// absent).
	Message        string `json:"message"`
	CustomerFacing *bool  `json:"customer_facing,omitempty"`
	// Errors counts the errors; HasData says whether "data" was present and not null;
	// Locations whether the first error pointed into the document.
	Errors    int  `json:"errors"`
	HasData   bool `json:"has_data"`
	Locations bool `json:"locations"`
	// Unauthorized is true when the body is Toggle's Unauthorized (message exactly
	// "Unauthorized" and no data).
	Unauthorized bool `json:"unauthorized"`
}

// Form is one way of sending the token, and whether the server took it.
type Form struct {
	// Name is the header as sent, with the token elided: "Authorization: Bearer <token>".
	Name string `json:"form"`
	// Scheme is the scheme word sent ("Bearer", "Token"), or "" for the bare token.
	Scheme string `json:"scheme"`
	// Request is the request's number.
	Request int `json:"request"`
	// Accepted is true when the query ran; Status and Message describe the answer.
	Accepted bool   `json:"accepted"`
	Status   int    `json:"status"`
	Message  string `json:"message,omitempty"`
}

// Rotation is what the authorized queries showed about token rotation.
type Rotation struct {
	// Authorized counts accepted authorized requests; Rotations how many of them brought a new
	// token. Every is true when each one did.
	Authorized int  `json:"authorized"`
	Rotations  int  `json:"rotations"`
	Every      bool `json:"every_response"`
	// FirstRequest is the request that first brought a new token, and FirstAge the age of the
	// token it replaced (on our clock, since login).
	FirstRequest int      `json:"first_request,omitempty"`
	FirstAge     Duration `json:"first_age_ms"`
	// Observed is how long the authorized requests spanned, from login to the last answer.
	Observed Duration `json:"observed_ms"`
	// Headers names the headers that carried rotated tokens; Bearer says one read "Bearer …".
	Headers []string `json:"headers,omitempty"`
	Bearer  bool     `json:"bearer_prefix"`
	// OldChecked is true when a superseded token was presented once more, in OldRequest;
	// OldAccepted says whether it still worked, OldAge how long after it was superseded.
	OldChecked  bool     `json:"old_token_checked"`
	OldRequest  int      `json:"old_token_request,omitempty"`
	OldAccepted bool     `json:"old_token_accepted"`
	OldAge      Duration `json:"old_token_age_ms"`
	OldStatus   int      `json:"old_token_status,omitempty"`
}

// Verdict is one thing a client must do, and the observation behind it.
type Verdict struct {
	// Do is the instruction.
	Do string `json:"do"`
	// Because is the observation, naming requests by number.
	Because string `json:"because"`
}

// Request is one request the doctor made, identified by token fingerprint.
type Request struct {
	// N numbers the request from 1.
	N int `json:"n"`
	// Purpose says why it was sent.
	Purpose string `json:"purpose"`
	// Auth is the Authorization header as sent, with the token as a fingerprint
	// ("Bearer fp:1a2b…", "none").
	Auth string `json:"auth"`
	// Status is the HTTP status (0: no response); Result a short outcome.
	Status int    `json:"status"`
	Result string `json:"result"`
	// Received names a token the response carried: "X-Authorization fp:…".
	Received string `json:"received,omitempty"`
	// Took is the round trip time.
	Took Duration `json:"took_ms"`
	// Error says why no usable answer came back (Result is then "failed").
	Error string `json:"error,omitempty"`
}

// Duration is a time.Duration that JSON encodes as milliseconds (a number), which every tool
// reads without knowing Go's units.
type Duration time.Duration

// MarshalJSON writes milliseconds with up to three decimals.
func (d Duration) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(d)/float64(time.Millisecond), 'f', -1, 64), nil
}

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }
