package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/tabstate"
	"github.com/toggle-explorer/toggle-explorer/ui"
)

func TestTabsFileIsPerProfileAndNoneWithDemo(t *testing.T) {
	c := &program{getenv: func(k string) string {
		if k == "TOGGLE_PROFILE" {
			return "prod/eu"
		}
		return ""
	}}
	p := paths{State: "/state"}
	if got := c.tabsPath(&commonFlags{}, p); got != "/state/tabs-prod_eu.json" {
		t.Fatalf("TOGGLE_PROFILE's tabs file is %q", got)
	}
	if got := c.tabsPath(&commonFlags{profile: "test"}, p); got != "/state/tabs-test.json" {
		t.Fatalf("--profile's tabs file is %q", got)
	}
	if got := (&program{getenv: func(string) string { return "" }}).tabsPath(&commonFlags{}, p); got != "/state/tabs.json" {
		t.Fatalf("the default tabs file is %q", got)
	}
	if got := c.tabsPath(&commonFlags{demo: true}, p); got != "" {
		t.Fatalf("--demo has a tabs file: %q", got)
	}
}

// --demo restores nothing: the user's tabs file stays unread and untouched (and with no path,
// keepTabs has nowhere to write).
func TestDemoRestoresNothing(t *testing.T) {
	p := paths{State: t.TempDir()}
	real := p.tabsFile("")
	if err := os.WriteFile(real, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := &program{getenv: func(string) string { return "" }}
	var opts ui.Options
	restoreTabs(&opts, c.tabsPath(&commonFlags{demo: true}, p), time.Now())
	if opts.Restore != nil || opts.StartNotice != "" || opts.KeepsTabs {
		t.Fatal("--demo read the tabs file, or claims to keep the tabs")
	}
	if data, err := os.ReadFile(real); err != nil || string(data) != "{not json" {
		t.Fatalf("--demo touched the tabs file: %q %v", data, err)
	}
}

func TestRestoreTabsSetsACorruptFileAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tabs.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	var opts ui.Options
	restoreTabs(&opts, path, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if opts.Restore != nil {
		t.Fatal("a corrupt file was restored")
	}
	if !strings.Contains(opts.StartNotice, "set aside as tabs.json.corrupt-20260102T030405Z") {
		t.Fatalf("notice %q", opts.StartNotice)
	}
	if _, err := os.Stat(path + ".corrupt-20260102T030405Z"); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreTabsReadsAGoodFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tabs.json")
	want := tabstate.State{Version: tabstate.FormatVersion, Tabs: []tabstate.Tab{{Query: "query A { a }"}}}
	if err := tabstate.Save(path, want); err != nil {
		t.Fatal(err)
	}
	var opts ui.Options
	restoreTabs(&opts, path, time.Now())
	if opts.Restore == nil || opts.Restore.Tabs[0].Query != "query A { a }" || opts.StartNotice != "" || !opts.KeepsTabs {
		t.Fatalf("restored %+v, notice %q", opts.Restore, opts.StartNotice)
	}
}
