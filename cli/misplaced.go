package cli

import (
	"flag"
	"slices"
	"strings"
)

// commandNames are the subcommands c.run dispatches on.
func commandNames() []string {
	return []string{"run", "login", "token", "mock", "queries", "history", "check", "doctor"}
}

// misplacedCommand returns the command named after some of the TUI's flags
// ("--profile staging run -q …"), or "" when there is none. Flags belong after their command, as
// each command has its own set; without this the user got "flag provided but not defined" and the
// TUI's usage. A flag's value is skipped, so "--theme run" is a theme name.
func misplacedCommand(fs *flag.FlagSet, args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return ""
		case strings.HasPrefix(a, "-"):
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
					i++ // the flag's value
				}
			}
		case slices.Contains(commandNames(), a):
			return a
		default:
			return ""
		}
	}
	return ""
}

// commandFirst is the start of the command line that works: cmd, then the flags written before it,
// quoted for a POSIX shell where one needs it, and "…" for what followed cmd (not echoed: it may
// hold a --var with a secret).
func commandFirst(args []string, cmd string) string {
	out := []string{cmd}
	for i, a := range args {
		if a == cmd {
			if i < len(args)-1 {
				out = append(out, "…")
			}
			break
		}
		if a == "" || strings.ContainsAny(a, " \t\n'\"$`\\|&;<>(){}[]*?!#~") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		out = append(out, a)
	}
	return strings.Join(out, " ")
}
