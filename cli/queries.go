package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// queriesCommand lists the saved queries: name, operations, modified time.
func (c *program) queriesCommand(args []string) int {
	fs := newFlagSet("queries", "queries [--queries DIR]", c.stderr)
	var f commonFlags
	f.register(fs, queriesFlag)
	if _, err := parseInterspersed(fs, args); err != nil {
		return usageExit(err)
	}
	dir, code := c.queriesDir(&f)
	if code != exitOK {
		return code
	}
	lib, installed, installErr := openLibrary(dir)
	if installErr != nil {
		fmt.Fprintf(c.stderr, "queries: %v\n", installErr)
	}
	if len(installed) > 0 {
		printLine(c.stderr, "installed %d starter queries into %s", len(installed), dir)
	}
	entries, err := lib.List()
	if err != nil && installErr == nil {
		return c.errorf(exitUsage, "queries: %v", err)
	}
	if len(entries) == 0 {
		printLine(c.stderr, "no saved queries in %s", dir)
		return exitOK
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tOPERATIONS\tMODIFIED")
	for _, e := range entries {
		ops := strings.Join(e.Operations, ", ")
		if e.ParseError != "" {
			ops = "⚠ does not parse: " + e.ParseError
		}
		if e.VarsPath != "" {
			ops += "  (+ variables)"
		}
		// Names and parse errors come from files: escaped field by field, so a tab or a newline
		// in one cannot break the table.
		fmt.Fprintf(w, "%s\t%s\t%s\n", display.Line(e.Name), display.Line(ops), e.Modified.Local().Format("2006-01-02 15:04"))
	}
	_ = w.Flush()
	return exitOK
}

// historyCommand prints recent executions, newest first: time, profile or endpoint, operation,
// status, duration. --profile keeps one profile's entries.
func (c *program) historyCommand(args []string) int {
	fs := newFlagSet("history", "history [--limit N] [--profile NAME]", c.stderr)
	limit := fs.Int("limit", 20, "how many entries to show")
	only := fs.String("profile", "", "show only the entries sent under this profile")
	if _, err := parseInterspersed(fs, args); err != nil {
		return usageExit(err)
	}
	p, err := resolvePaths(c.getenv)
	if err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	load := *limit
	if *only != "" {
		load = 0 // filter the whole file, then keep the newest limit
	}
	entries, warnings, err := history.New(p.historyFile(), 0).Load(load)
	for _, w := range warnings {
		printLine(c.stderr, "history: %s", w)
	}
	if err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	if *only != "" {
		entries = history.ForProfile(entries, *only)
		if len(entries) > *limit && *limit > 0 {
			entries = entries[:*limit]
		}
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	for _, e := range entries {
		op := e.Operation
		if op == "" {
			op = "(anonymous " + e.OperationKind + ")"
		}
		status := e.Outcome
		if e.Status != 0 {
			status = fmt.Sprintf("%d %s", e.Status, e.Outcome)
		}
		took := display.Duration(e.Took())
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.Time.Local().Format("2006-01-02 15:04:05"),
			display.Line(history.Where(e)), display.Line(op), display.Line(status), took)
	}
	_ = w.Flush()
	return exitOK
}

// queriesDir resolves the saved-queries directory from --queries, the profile, or the default.
func (c *program) queriesDir(f *commonFlags) (string, int) {
	p, err := resolvePaths(c.getenv)
	if err != nil {
		return "", c.errorf(exitUsage, "%v", err)
	}
	if f.queries != "" {
		return f.queries, exitOK
	}
	set, err := c.settings(p, f.profileName(c.getenv))
	if err != nil {
		return "", c.errorf(exitUsage, "%v", err)
	}
	c.noteBroken(set)
	return firstNonEmpty(set.prof.Queries, p.Queries), exitOK
}

// selectedProfile returns the profile the flags and environment select (empty when none, or when
// a config that nobody asked for by name is broken: noteBroken says so), or the exit code after
// printing the problem.
func (c *program) selectedProfile(f *commonFlags) (settings, int) {
	p, err := resolvePaths(c.getenv)
	if err != nil {
		return settings{}, c.errorf(exitUsage, "%v", err)
	}
	set, err := c.settings(p, f.profileName(c.getenv))
	if err != nil {
		return settings{}, c.errorf(exitUsage, "%v", err)
	}
	c.noteBroken(set)
	return set, exitOK
}
