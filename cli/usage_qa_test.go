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

// run -h said --paginate needs $page, but a page: literal works too (the second half): help
// that lies sends users to rewrite a query that already works.
func TestRunHelpOfPaginateNamesTheLiteral(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, _, stderr := h.run("", "run", "-h")
	_, after, _ := strings.Cut(stderr, "\n  -paginate\n")
	line, _, _ := strings.Cut(strings.TrimLeft(after, " \n\t"), "\n")
	if code != exitOK || !strings.Contains(line, "page:") {
		t.Errorf("exit %d; --paginate's help: %q", code, line)
	}
	code, stdout, stderr := h.run("", "run", "--paginate", "--jq", ".data.Cards.data | length",
		"-q", "{ Cards(page: 1, limit: 5) { data { card_reference } total per_page } }")
	if code != exitOK || strings.TrimSpace(stdout) == "5" || stdout == "" {
		t.Errorf("a page: literal did not paginate: exit %d, %q, %s", code, stdout, stderr)
	}
}

// The top-level usage showed run without its output options (--jq, -o, --paginate), which the
// README's command list has.
func TestUsageShowsRunOutputOptions(t *testing.T) {
	h := newHarness(t, demoConfig())
	_, stdout, stderr := h.run("", "--help")
	for _, want := range []string{"--jq EXPR", "-o FILE", "--paginate"} {
		if !strings.Contains(stdout+stderr, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

// run --paginate's progress line on a terminal went through stderr's escaping writer, so the
// terminal showed "\r\x1b[Kfetching page 1…\r\x1b[Kpage 1 of 6 fetched…" as text instead of one
// line rewriting itself. Its own carriage return and erase-line reach the terminal as such.
func TestRunPaginateProgressRewritesOneLine(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, errOut := h.runWith(func(c *program) { c.stderrTTY = true }, "run", "-q", pagedDoc, "--var", "limit=2", "--paginate")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(errOut, `\x1b`) || strings.Contains(errOut, `\r`) {
		t.Errorf("the progress line's control sequences were escaped into text: %q", errOut)
	}
	if !strings.Contains(errOut, "\r\x1b[Kfetching page 2…") {
		t.Errorf("no line rewrite in %q", errOut)
	}
}

// token -h ended in an empty "Flags:" heading: token has none.
func TestTokenHelpHasNoEmptyFlagsHeading(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, _, stderr := h.run("", "token", "-h")
	if code != exitOK || !strings.Contains(stderr, "Usage: toggle-explorer token") || strings.Contains(stderr, "Flags:") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, _, stderr := h.run("", "history", "-h"); !strings.Contains(stderr, "Flags:\n  -limit") {
		t.Errorf("history -h: %q", stderr)
	}
}
