// Package doctor learns, from a handful of safe requests, how a GraphQL server really handles
// tokens: reachability (DNS, connect, TLS, first byte), login (which response headers carry the
// token, with or without "Bearer", its algorithm, lifetime and subject, the server's clock), which
// request header forms it accepts, how it refuses an unauthenticated request, and whether and how
// it rotates tokens (and revokes the previous one). Run returns a typed Report with facts,
// verdicts (what a client must do, each backed by an observation) and the list of requests made,
// identified by token fingerprints.
//
// The probes use net/http directly, not a Session, so they never disturb a session's token: the
// doctor logs in by itself. It keeps the session's HTTP hygiene: a timeout per request, no
// redirects (credentials never follow one), a response size cap, TLS verification always on and
// plain http only to loopback unless allowed. It never sends a mutation: authorized probes are
// one introspection query. Raw tokens and the password live only in local variables of Run; the
// Report holds fingerprints.
package doctor
