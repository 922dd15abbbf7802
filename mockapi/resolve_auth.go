package mockapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"strings"
)

type loginArgs struct {
	Email    *string
	Username *string
	Password string
}

// LoginUser checks the credentials and, on success, issues a token that the server puts
// in the X-Authorization and Authorization response headers.
func (r *rootResolver) LoginUser(ctx context.Context, args loginArgs) (*gqlUser, error) {
	st := stateFrom(ctx)
	user, email := deref(args.Username), deref(args.Email)
	refused := LogEntry{Time: st.now, Kind: LogLoginRefused, Operation: st.opName, Sent: st.sent}
	if user == "" && email == "" {
		r.srv.log.add(refused)
		r.srv.stats.update(func(s *Stats) { s.FailedLogins++ })
		return nil, (validationErrors{"username": {"This field is required when email is not present"}}).err()
	}
	if !credentialsMatch(st.cfg, user, email, args.Password) {
		r.srv.log.add(refused)
		r.srv.stats.update(func(s *Stats) { s.FailedLogins++ })
		return nil, technicalError(msgInvalidLogin)
	}
	tok, err := r.srv.tokens.issue(demoSubject(), st.now, st.cfg.TokenTTL)
	if err != nil {
		return nil, technicalError("Could not issue a token")
	}
	st.setIssued(tok)
	r.srv.log.add(LogEntry{Time: st.now, Kind: LogLogin, Operation: st.opName, Sent: st.sent, Issued: tokenFingerprint(tok)})
	r.srv.stats.update(func(s *Stats) { s.Logins++ })
	return &gqlUser{ID: DemoUserID}, nil
}

// credentialsMatch accepts the username or the e-mail (case-insensitive), or both when both
// are given and agree. Passwords are compared through their hashes in constant time, so
// neither their content nor their length shows in the timing.
func credentialsMatch(cfg Config, user, email, password string) bool {
	if user != "" && user != cfg.Username {
		return false
	}
	if email != "" && !strings.EqualFold(email, cfg.Email) {
		return false
	}
	got, want := sha256.Sum256([]byte(password)), sha256.Sum256([]byte(cfg.Password))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}
