package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/tokenstore"
)

// keyringTimeout bounds every OS keyring call (reliability.md property 19).
const keyringTimeout = 3 * time.Second

// target is everything a command needs to talk to one endpoint as one identity.
type target struct {
	paths   paths
	profile profile
	// profileName is the profile's name in config.toml, "" when none is used.
	profileName string
	endpoint    string
	creds       session.Credentials // Password may be empty: then only a stored token can be used
	store       session.TokenStore  // nil with --no-store
	demo        *demoServer         // the in-process fake with --demo, else nil
}

// close stops what the target started.
func (t *target) close() {
	if t.demo != nil {
		t.demo.stop()
	}
}

// demoServer is an in-process mockapi used by --demo.
type demoServer struct {
	url  string
	stop func()
}

// startDemo serves the fake Toggle API on a free loopback port.
func startDemo(cfg mockapi.Config) (*demoServer, error) {
	url, stop, err := mockapi.New(cfg).Start("127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start the demo server: %w", err)
	}
	return &demoServer{url: url, stop: func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = stop(ctx)
	}}, nil
}

// resolveTarget works out endpoint, credentials and token store from flags, environment and the
// config profile, in that order of precedence. The password is read here (stdin, environment) but
// never prompted for: commands that need one call promptPassword themselves, and only when no stored
// token will do.
func (c *program) resolveTarget(f *commonFlags) (*target, error) {
	p, err := resolvePaths(c.getenv)
	if err != nil {
		return nil, err
	}
	set, err := c.settings(p, f.profileName(c.getenv))
	if err != nil {
		return nil, err
	}
	prof := set.prof
	t := &target{paths: p, profile: prof, profileName: set.name}
	if dir := firstNonEmpty(f.queries, prof.Queries); dir != "" {
		t.paths.Queries = dir
	}
	if f.demo {
		demo, err := startDemo(mockapi.DefaultConfig())
		if err != nil {
			return nil, err
		}
		t.demo, t.endpoint = demo, demo.url
		t.creds = session.Credentials{Username: mockapi.DemoUsername, Password: mockapi.DemoPassword}
		// The demo server's tokens die with the process: storing them would only leave litter.
		return t, nil
	}
	t.endpoint = firstNonEmpty(f.endpoint, c.getenv("TOGGLE_ENDPOINT"), prof.Endpoint)
	if t.endpoint == "" && set.broken != nil {
		return nil, fmt.Errorf("no endpoint: %v (fix it, or pass --endpoint URL)", set.broken)
	}
	c.noteBroken(set)
	if t.endpoint == "" {
		return nil, errors.New("no endpoint: pass --endpoint URL, set TOGGLE_ENDPOINT, add a profile to " +
			p.configFile() + ", or try --demo")
	}
	t.creds.Username = firstNonEmpty(f.username, c.getenv("TOGGLE_USERNAME"))
	t.creds.Email = firstNonEmpty(f.email, c.getenv("TOGGLE_EMAIL"))
	if t.creds.Username == "" && t.creds.Email == "" {
		t.creds.Username, t.creds.Email = prof.Username, prof.Email
	}
	if t.creds.Username != "" && t.creds.Email != "" {
		return nil, errors.New("give a username or an email, not both")
	}
	if f.passwordStdin {
		pw, err := readPasswordLine(c.stdin)
		if err != nil {
			return nil, err
		}
		t.creds.Password = pw
	} else {
		t.creds.Password = c.getenv("TOGGLE_PASSWORD")
	}
	if !f.noStore {
		t.store = newStore(p, func(msg string) { printLine(c.stderr, "toggle-explorer: warning: %s", msg) })
	}
	return t, nil
}

// newStore is the token store: the OS keyring, falling back to the 0600 file. warn receives what
// the file store fixed on its own (a file others could read, a corrupt file moved aside); nil
// drops it.
func newStore(p paths, warn func(string)) session.TokenStore {
	file := tokenstore.NewFile(p.tokenFile())
	file.Warn = warn
	return tokenstore.NewFallback(tokenstore.NewKeyring(tokenstore.SystemKeyring{}, keyringTimeout), file)
}

// identity is the username or email the token belongs to, as typed.
func (t *target) identity() string { return firstNonEmpty(t.creds.Username, t.creds.Email) }

// promptPassword asks for the password on the terminal without echo, when stdin is one and an
// identity is known. It reports whether a password is now held.
func (c *program) promptPassword(t *target) bool {
	if t.creds.Password != "" {
		return true
	}
	f, ok := c.stdin.(*os.File)
	if !ok || !c.stdinTTY || t.identity() == "" {
		return false
	}
	fmt.Fprintf(c.stderr, "Password for %s at %s: ", t.identity(), t.endpoint)
	pw, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(c.stderr)
	if err != nil {
		return false
	}
	t.creds.Password = string(pw)
	return t.creds.Password != ""
}

// readPasswordLine reads the first line of r (for --password-stdin), without its line ending.
func readPasswordLine(r interface{ Read([]byte) (int, error) }) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("--password-stdin: standard input is empty")
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("--password-stdin: the first line of standard input is empty")
	}
	return pw, nil
}

// newSession builds the session of a headless command for t with the given insecure setting.
// The command makes a request or two and exits, so a large body of unknown length is read into
// one reserved buffer (session.Config.ReserveBodies).
func newSession(t *target, insecure bool, timeout time.Duration) (*session.Session, error) {
	return session.New(session.Config{
		Endpoint:       t.endpoint,
		Store:          t.store,
		Insecure:       insecure,
		RequestTimeout: timeout,
		ReserveBodies:  true,
	})
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
