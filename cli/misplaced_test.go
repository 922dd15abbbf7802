package cli

import (
	"strings"
	"testing"
)

// Flags written before a command ("--profile staging run -q …", as gh and git allow for theirs)
// were parsed as the TUI's: the user got "flag provided but not defined: -q" and the TUI's usage,
// or "unknown command". The error names the command and shows the order that works.
func TestFlagsBeforeACommandSayWhereTheyGo(t *testing.T) {
	h := newHarness(t, demoConfig())
	for _, args := range [][]string{
		{"--profile", "staging", "run", "-q", "{ __typename }"},
		{"--no-store", "doctor"},
		{"--endpoint=http://x.test/graphql", "login", "--check"},
	} {
		code, stdout, stderr := h.run("", args...)
		var cmd string
		for _, a := range args {
			if !strings.HasPrefix(a, "-") && a != "staging" {
				cmd = a
				break
			}
		}
		if code != exitUsage || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q", args, code, stdout)
		}
		if !strings.Contains(stderr, "toggle-explorer "+cmd+" ") || strings.Contains(stderr, "Flags:") ||
			strings.Contains(stderr, "not defined") {
			t.Errorf("%q: stderr %q", args, stderr)
		}
	}
	_, _, stderr := h.run("", "--queries", "my dir", "run", "--var", "password=hunter2")
	if !strings.Contains(stderr, "toggle-explorer run --queries 'my dir' …") || strings.Contains(stderr, "hunter2") {
		t.Errorf("the suggestion: %q", stderr)
	}
	// A flag's value that happens to be a command's name is still a value.
	code, _, stderr := h.run("", "--theme", "run", "--list-themes")
	if code != exitOK {
		t.Errorf("--theme run --list-themes: exit %d, %q", code, stderr)
	}
}
