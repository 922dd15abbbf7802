package headless

import (
	"os"
	"testing"
)

func TestHeadless(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"--endpoint", "http://x"}, false},
		{[]string{"--demo"}, false},
		{[]string{"--theme", "dracula"}, false},
		{[]string{"run", "-q", "{ a }"}, true},
		{[]string{"check", "x.graphql"}, true},
		{[]string{"doctor", "--json"}, true},
		{[]string{"--version"}, true},
		{[]string{"login"}, true},
		{[]string{"token", "-"}, true},
		{[]string{"mock"}, true},
		{[]string{"queries"}, true},
		{[]string{"history"}, true},
		{[]string{"help"}, true},
		{[]string{"--help"}, true},
		{[]string{"--theme", "x", "--list-themes"}, true},
		{[]string{"--", "--help"}, false},
	} {
		if got := Headless(c.args); got != c.want {
			t.Errorf("Headless(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// Restore puts back what init replaced: a TERM that was set, or none at all.
func TestRestore(t *testing.T) {
	t.Setenv("TERM", "dumb")
	t.Setenv(savedTermVar, "xterm-256color")
	Restore()
	if got := os.Getenv("TERM"); got != "xterm-256color" {
		t.Errorf("TERM = %q after Restore", got)
	}
	if _, ok := os.LookupEnv(savedTermVar); ok {
		t.Errorf("%s left in the environment", savedTermVar)
	}

	t.Setenv("TERM", "dumb")
	t.Setenv(savedTermVar, unsetMarker)
	Restore()
	if _, ok := os.LookupEnv("TERM"); ok {
		t.Errorf("TERM set after restoring an unset TERM")
	}

	t.Setenv("TERM", "screen")
	Restore() // nothing saved: nothing to do
	if got := os.Getenv("TERM"); got != "screen" {
		t.Errorf("TERM = %q, Restore changed it with nothing saved", got)
	}
}
