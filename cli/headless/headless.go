// Package headless keeps Bubble Tea from querying the terminal in commands that never open the TUI.
//
// Bubble Tea v1's package init (tea_init.go) calls lipgloss.HasDarkBackground, which through
// termenv writes "ESC]11;?" and "ESC[6n" to a terminal stdout and waits up to 5 s for an answer:
// every run of `run`, `check`, `login` or `--help` would pay it where nothing answers (pre-commit
// hooks, expect, ssh -tt), and print the query into whatever records the terminal. termenv skips
// the query when TERM is "dumb" and reads TERM at the moment it asks. So this package's init, which
// the Go runtime runs before Bubble Tea's (packages are initialised in import-path order among
// those whose dependencies are ready, and this one needs only os), sets TERM=dumb for headless
// invocations, judged from os.Args, and Restore puts the real value back before the command runs:
// children such as $EDITOR and the TUI's own colour detection see the real terminal. A test runs
// the built binary under a pseudo-terminal and asserts that no query is written.
//
// The real value waits in the environment (savedTermVar) rather than in a package variable, so the
// package keeps no state of its own.
package headless

import "os"

// savedTermVar holds the real TERM while TERM reads "dumb"; unsetMarker stands for "TERM was not
// set". Both are gone once Restore has run.
const (
	savedTermVar = "TOGGLE_EXPLORER_REAL_TERM"
	unsetMarker  = "!unset" // no terminal type starts with "!"
)

// commands are the subcommands that never start Bubble Tea (cli dispatches on the first argument).
var commands = map[string]bool{
	"run": true, "login": true, "token": true, "mock": true, "queries": true, "history": true,
	"check": true, "doctor": true, "help": true, "-h": true, "-help": true, "--help": true,
	"version": true, "-version": true, "--version": true,
}

// flags make the TUI's command line print and exit without starting the TUI.
var flags = map[string]bool{
	"-h": true, "-help": true, "--help": true, "-list-themes": true, "--list-themes": true,
}

func init() {
	if !Headless(os.Args[1:]) {
		return
	}
	saved, ok := os.LookupEnv("TERM")
	if !ok {
		saved = unsetMarker
	}
	_ = os.Setenv(savedTermVar, saved)
	_ = os.Setenv("TERM", "dumb")
}

// Headless reports whether a command line (without the program name) runs without the TUI.
func Headless(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if commands[args[0]] {
		return true
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if flags[a] {
			return true
		}
	}
	return false
}

// Restore puts back the TERM that init replaced, if it did. cli.Main calls it before anything else.
func Restore() {
	saved, ok := os.LookupEnv(savedTermVar)
	if !ok {
		return
	}
	if saved == unsetMarker {
		_ = os.Unsetenv("TERM")
	} else {
		_ = os.Setenv("TERM", saved)
	}
	_ = os.Unsetenv(savedTermVar)
}
