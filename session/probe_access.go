package session

import "net/url"

// ValidateEndpoint applies the session's endpoint rules (http or https, a host, no user info,
// plain http only to loopback unless insecure) for code that talks to the endpoint without a
// Session, such as the doctor's probes.
func ValidateEndpoint(raw string, insecure bool) (*url.URL, error) {
	return validateEndpoint(raw, insecure)
}

// HeldCredentials returns the credentials the session logs in with, if it holds any. It exists
// for probes that must log in on their own (the doctor), so they never disturb the session's
// token; the password stays in memory and Credentials never prints it.
func (s *Session) HeldCredentials() (Credentials, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.creds == nil {
		return Credentials{}, false
	}
	return *s.creds, true
}
