// Package inspector is the auth inspector (f2): four tabs that show what the session knows about
// authentication, with fingerprints in place of tokens everywhere.
//
//   - Token: the current token decoded without verifying its signature (header and claims),
//     issued and expiry times, a lifetime bar, source header, rotations and the clock skew measured
//     against the server's Date header. The raw token is shown only after the explicit reveal key,
//     and only in View: it is never logged, put in a message or written anywhere.
//   - Timeline: every session event with its time and token fingerprints; an Unauthorized carries
//     the session's one-line diagnosis.
//   - Requests: the exchange log (operation, status, duration, size, fingerprints sent and
//     received); enter opens one whole (redacted headers, bodies), d diffs the last good request
//     against the failing one.
//   - Doctor: on demand (D), the report of session/doctor: how this server handles tokens, learnt
//     from a handful of safe requests made apart from the session (RunDoctorMsg, RunDoctor).
//
// The inspector reads a Source (the root passes its *session.Session) and performs no I/O in
// Update: actions become messages the root carries out (RefreshNowMsg, LogoutMsg, UseTokenMsg,
// CopyCurlMsg), helped by the command builders in clipboard.go. Everything that came from the
// server passes display.Line before it reaches the screen.
package inspector
