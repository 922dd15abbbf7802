// Package headers parses and checks the custom HTTP headers a user adds to requests: from a
// profile in config.toml, a saved query's NAME.headers file, the TUI's headers pane, or
// `run -H`. The syntax is one `Name: value` per line; blank lines and lines starting with # are
// ignored; values may reference environment variables as $VAR or ${VAR} (expanded at send time,
// so secrets stay out of files; $$ is a literal $).
//
// The session's own Authorization header is never replaced silently: a user header named
// Authorization is refused unless it is written `!Authorization: …`, the explicit override mark.
// It sits under session (which sends the headers) and imports only query (for the
// secret-name rule) and the standard library.
package headers
