package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// commonFlags are accepted by every command that talks to an endpoint.
type commonFlags struct {
	endpoint      string
	profile       string
	queries       string
	username      string
	email         string
	passwordStdin bool
	noStore       bool
	noHistory     bool
	insecure      bool
	verbose       bool
	demo          bool
	timeout       time.Duration
}

// flagGroup selects the groups of common flags a command registers, so its -h lists only flags that
// do something there.
type flagGroup int

const (
	// connectionFlags reach an endpoint: endpoint, profile, identity, password, store, timeout.
	connectionFlags flagGroup = 1 << iota
	// queriesFlag is --queries, for commands that read saved queries.
	queriesFlag
	// historyFlag is --no-history, for commands that record executions.
	historyFlag
	// verboseFlag is -v, for commands that narrate the session.
	verboseFlag
)

// register adds the chosen groups of common flags to fs.
func (f *commonFlags) register(fs *flag.FlagSet, groups flagGroup) {
	if groups&(connectionFlags|queriesFlag) != 0 {
		fs.StringVar(&f.profile, "profile", "", "profile name in config.toml (or $TOGGLE_PROFILE)")
	}
	if groups&connectionFlags != 0 {
		fs.StringVar(&f.endpoint, "endpoint", "", "GraphQL endpoint URL (or $TOGGLE_ENDPOINT, or the profile's)")
		fs.StringVar(&f.username, "username", "", "API username (or $TOGGLE_USERNAME)")
		fs.StringVar(&f.email, "email", "", "API user's email, instead of a username (or $TOGGLE_EMAIL)")
		fs.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
		fs.BoolVar(&f.noStore, "no-store", false, "neither read nor write the stored token")
		fs.BoolVar(&f.insecure, "insecure", false, "allow plain http:// to hosts other than loopback")
		fs.BoolVar(&f.demo, "demo", false, "use an in-process fake Toggle API with the demo credentials")
		f.timeout = 60 * time.Second
		fs.Var((*positiveDuration)(&f.timeout), "timeout", "deadline for the whole request, login included (positive)")
	}
	if groups&queriesFlag != 0 {
		fs.StringVar(&f.queries, "queries", "", "directory of saved queries")
	}
	if groups&historyFlag != 0 {
		fs.BoolVar(&f.noHistory, "no-history", false, "do not record executions in the history")
	}
	if groups&verboseFlag != 0 {
		fs.BoolVar(&f.verbose, "v", false, "narrate session events (login, rotation, refresh, diagnosis) on stderr")
	}
}

// positiveDuration is a duration flag that refuses zero and negative values at parse time: a
// zero deadline would fail every request after sending nothing useful, and a negative one reads
// like "no deadline", which it is not. A refusal is a usage error (exit 4) before anything is sent.
type positiveDuration time.Duration

func (d *positiveDuration) String() string { return time.Duration(*d).String() }

func (d *positiveDuration) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		return errors.New("not a duration (e.g. 30s, 2m)")
	}
	if v <= 0 {
		return errors.New("must be positive")
	}
	*d = positiveDuration(v)
	return nil
}

// profileName is the profile asked for: --profile, else $TOGGLE_PROFILE ("" means the config's
// default profile).
func (f *commonFlags) profileName(getenv func(string) string) string {
	return firstNonEmpty(f.profile, getenv("TOGGLE_PROFILE"))
}

// multiFlag collects a repeatable string flag such as --var.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// newFlagSet makes a FlagSet that reports errors through the caller (never exits the process) and
// prints its usage to w.
func newFlagSet(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: toggle-explorer %s\n", synopsis)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 { // a command without flags (token) gets no empty "Flags:" heading
			fmt.Fprint(w, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseInterspersed parses flags that may come before or after positional arguments
// (`run query.graphql --var id=1`), which the flag package alone stops at. A lone "-" is a
// positional argument (standard input); "--" ends flag parsing.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// The flag package swallows a "--" terminator; after it everything is positional.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// usageExit maps a flag parsing error to an exit code: 0 for -h (the usage was printed), 4
// otherwise.
func usageExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
