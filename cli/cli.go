// Package cli is toggle-explorer's command line: flags, config, subcommands and the TUI's start-up.
// It is the one place that builds sessions, stores and servers and wires them together; each
// subcommand lives in its own file (run.go, login.go, …) and Main dispatches between them.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"

	"golang.org/x/term"

	"github.com/toggle-explorer/toggle-explorer/cli/headless"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Exit codes of the headless commands (architecture.md, "Command line contract").
const (
	exitOK        = 0 // success
	exitGraphQL   = 1 // the response holds GraphQL errors (check: problems found)
	exitAuth      = 2 // authentication failed (login --check: no valid token)
	exitTransport = 3 // network, HTTP or transport failure
	exitUsage     = 4 // bad usage or bad input; nothing was sent
)

// program carries the process's streams and environment so every command can run in-process in tests.
type program struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// stdinTTY and stdoutTTY say whether the streams are terminals: a password prompt needs the
	// first, pretty-printed output is the default only for the second.
	stdinTTY, stdoutTTY bool
	// stderrTTY says whether progress lines (run --paginate) may be drawn on stderr.
	stderrTTY bool
	// ctx ends long-running commands (mock, the TUI); tests cancel it, main never does.
	ctx context.Context
	// configWarned is set once a broken config.toml has been reported, so it is said once.
	configWarned bool
}

// context returns the command context, never nil.
func (c *program) context() context.Context {
	if c.ctx == nil {
		return context.Background()
	}
	return c.ctx
}

// Main runs the command line with the process's arguments and streams and returns the exit code.
func Main() int {
	// Bubble Tea's init has run by now, with TERM=dumb for a headless command line (see package
	// headless): the real TERM is back before anything can read it.
	headless.Restore()
	c := &program{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		getenv:    os.Getenv,
		stdinTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		stdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
	return c.run(os.Args[1:])
}

// run dispatches to a subcommand and returns the process exit code.
func (c *program) run(args []string) int {
	// The -v narrator writes events from its own goroutine while the command reports errors.
	// stderr only ever carries text for people: whatever a print site forgot to escape, no control
	// character from a server or a file reaches the terminal through it.
	c.stderr = &lockedWriter{w: display.Writer(c.stderr), raw: c.stderr}
	if len(args) > 0 {
		switch args[0] {
		case "run":
			return c.runCommand(args[1:])
		case "login":
			return c.loginCommand(args[1:])
		case "token":
			return c.tokenCommand(args[1:])
		case "mock":
			return c.mockCommand(args[1:])
		case "queries":
			return c.queriesCommand(args[1:])
		case "history":
			return c.historyCommand(args[1:])
		case "check":
			return c.checkCommand(args[1:])
		case "doctor":
			return c.doctorCommand(args[1:])
		case "help", "-h", "-help", "--help":
			c.printUsage()
			return exitOK
		case "version", "-version", "--version":
			info, _ := debug.ReadBuildInfo()
			fmt.Fprintln(c.stdout, versionLine(info))
			return exitOK
		}
	}
	return c.tuiCommand(args)
}

// errorf prints a one-line error on stderr and returns code, so commands can `return c.errorf(...)`.
// The line is escaped whole: errors quote servers, files and tokens.
func (c *program) errorf(code int, format string, args ...any) int {
	printLine(c.stderr, "toggle-explorer: "+format, args...)
	return code
}

// printLine writes one formatted line with everything a terminal could obey (control and bidi
// characters, newlines and tabs in quoted text) escaped: the way every command prints a line that
// holds text from a server, a file or a token.
func printLine(w io.Writer, format string, args ...any) {
	_, _ = io.WriteString(w, display.Line(fmt.Sprintf(format, args...))+"\n")
}

// lockedWriter serialises writes from several goroutines to one stream.
type lockedWriter struct {
	mu  sync.Mutex
	w   io.Writer
	raw io.Writer // the stream under w's escaping, for rewriteLine's own control sequence
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// rewriteLine replaces the terminal's current line with text (escaped like every other write):
// the carriage return and erase-line are the program's own, so they bypass the escaping that
// would print them as "\r\x1b[K".
func (l *lockedWriter) rewriteLine(text string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = io.WriteString(l.raw, "\r\x1b[K")
	_, _ = io.WriteString(l.w, text)
}

const usage = `toggle-explorer: explore and debug Toggle's GraphQL API

Usage:
  toggle-explorer [--endpoint URL] [--profile NAME] [--theme NAME]   the TUI
  toggle-explorer --demo                           the TUI against a built-in fake Toggle API
  toggle-explorer run [FILE|NAME|-] [-q QUERY] [--operation NAME] [--var k=v]... [--vars FILE]
                      [--jq EXPR [-r]] [-o FILE [--overwrite]] [--paginate [--max-pages N]]
                      [-H 'Name: value']... [--yes]
                                                   one request; the response JSON on stdout
                                                   (-H: extra header, repeatable; --yes: a mutation
                                                   on a protected profile)
  toggle-explorer login [--check] [--print-token]  log in and show the token summary
  toggle-explorer token [JWT|-]                    decode a token: header, claims, times, state
  toggle-explorer run NAME                         run a saved query with its variables file
  toggle-explorer queries                          list saved queries (name, operations, modified)
  toggle-explorer history [--limit N] [--profile NAME]
                                                   recent executions (time, profile, operation, status, duration)
  toggle-explorer check [--schema FILE] FILE...    validate documents; FILE:LINE:COL: message per problem
  toggle-explorer doctor [--json]                  probe how the server handles tokens (exit 0/2/3)
  toggle-explorer mock [--addr 127.0.0.1:8080] ... serve the fake Toggle API
  toggle-explorer --version                        the version and the source revision it was built from

Credentials: --username or --email, and --password-stdin; or the environment variables
TOGGLE_ENDPOINT, TOGGLE_USERNAME, TOGGLE_EMAIL and TOGGLE_PASSWORD. --profile NAME (or
TOGGLE_PROFILE) picks a profile of config.toml: endpoint, user, headers, default variables.

Exit codes of run: 0 success, 1 GraphQL errors in the response, 2 authentication failed,
3 network or HTTP failure, 4 bad usage or input (nothing sent).
Run 'toggle-explorer COMMAND -h' for a command's flags.

Flags of the TUI (no command):
`

// printUsage prints the overview and the TUI's flags, which have no command of their own to ask.
func (c *program) printUsage() {
	fmt.Fprint(c.stdout, usage)
	fs, _ := tuiFlagSet(c.stdout)
	fs.PrintDefaults()
}
