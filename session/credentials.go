package session

import (
	"errors"
	"fmt"
	"strings"
)

// Credentials log in to Toggle: exactly one of Username or Email, and a Password. They are kept
// in memory only, so the session can log in again when the token expires or is refused.
type Credentials struct {
	// Username is the API user's name (leave empty when logging in by Email).
	Username string
	// Email is the API user's email (leave empty when logging in by Username).
	Email string
	// Password is the API user's password. It is never printed.
	Password string
}

// Validate checks that exactly one of Username and Email is set and that there is a password.
func (c Credentials) Validate() error {
	u, e := strings.TrimSpace(c.Username) != "", strings.TrimSpace(c.Email) != ""
	switch {
	case u && e:
		return errors.New("credentials: give a username or an email, not both")
	case !u && !e:
		return errors.New("credentials: a username or an email is required")
	case c.Password == "":
		return errors.New("credentials: a password is required")
	}
	return nil
}

// Identity is the username, or else the email: who the credentials log in as.
func (c Credentials) Identity() string {
	if c.Username != "" {
		return c.Username
	}
	return c.Email
}

// String shows who logs in, never the password.
func (c Credentials) String() string {
	pw := "none"
	if c.Password != "" {
		pw = "<masked>"
	}
	if c.Username != "" {
		return fmt.Sprintf("Credentials{username: %s, password: %s}", c.Username, pw)
	}
	return fmt.Sprintf("Credentials{email: %s, password: %s}", c.Email, pw)
}

// GoString is String, so %#v cannot print the password.
func (c Credentials) GoString() string { return c.String() }

// Format makes every verb (%v, %+v, %#v, %s, %q, %x ...) print String.
func (c Credentials) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }
