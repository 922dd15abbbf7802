package cli

import (
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session/tokenstore"
)

// login --check counts the stored token's age from when it was received, as "issued … ago" does
// (it said "issued 1m9s ago … age 0s").
func TestLoginCheckShowsTheStoredTokensAge(t *testing.T) {
	h := newHarness(t, demoConfig())
	if code, _, errOut := h.run("", "login"); code != exitOK {
		t.Fatalf("login: exit %d, %s", code, errOut)
	}
	p, err := resolvePaths(func(k string) string { return h.env[k] })
	if err != nil {
		t.Fatal(err)
	}
	// Pretend the login happened 69 seconds ago: the store keeps when it received the token.
	store := tokenstore.NewFile(p.tokenFile())
	st, err := store.Load(h.endpoint)
	if err != nil {
		t.Fatal(err)
	}
	st.SavedAt = st.SavedAt.Add(-69 * time.Second)
	if err := store.Save(h.endpoint, st); err != nil {
		t.Fatal(err)
	}
	code, out, _ := h.run("", "login", "--check")
	if code != exitOK || !strings.Contains(out, "(age 1m") {
		t.Fatalf("exit %d, want the age counted from receipt (1m9s):\n%s", code, out)
	}
}

// run --demo talks to a server that dies with the process: its executions stay out of the real
// history.
func TestRunDemoLeavesTheHistoryAlone(t *testing.T) {
	h := newHarness(t, demoConfig())
	if code, _, errOut := h.run("", "run", "--demo", "-q", `query P { Products(account_id: 1) { id } }`); code != exitOK {
		t.Fatalf("run --demo: exit %d, %s", code, errOut)
	}
	p, _ := resolvePaths(func(k string) string { return h.env[k] })
	if data, err := os.ReadFile(p.historyFile()); err == nil && len(data) > 0 {
		t.Fatalf("run --demo wrote to the history:\n%s", data)
	}
}

// run FILE.graphql reads FILE.variables.json beside it, as run NAME does; --vars and --var are
// merged over it.
func TestRunFileReadsItsVariablesFile(t *testing.T) {
	h := newHarness(t, demoConfig())
	dir := t.TempDir()
	doc := filepath.Join(dir, "bal.graphql")
	writeFile(t, doc, `query B($ref: String!, $limit: Int!) { Cards(card_reference: $ref, page: 1, limit: $limit) { total } }`)
	writeFile(t, filepath.Join(dir, "bal.variables.json"), `{"ref": "`+mockapi.SeedCardPartlyUsed+`", "limit": 1}`)
	code, out, errOut := h.run("", "run", doc)
	if code != exitOK || !strings.Contains(out, `"total":1`) {
		t.Fatalf("run FILE: exit %d, %s\n%s", code, out, errOut)
	}
	// --var overrides one key and keeps the others from the file.
	code, out, errOut = h.run("", "run", doc, "--var", "ref=NO-SUCH-CARD")
	if code != exitOK || !strings.Contains(out, `"total":0`) {
		t.Fatalf("run FILE --var: exit %d, %s\n%s", code, out, errOut)
	}
	// A broken variables file is bad input, named.
	writeFile(t, filepath.Join(dir, "bal.variables.json"), `{"ref": `)
	if code, _, errOut := h.run("", "run", doc); code != exitUsage || !strings.Contains(errOut, "bal.variables.json") {
		t.Fatalf("broken variables file: exit %d, %s", code, errOut)
	}
}

// The top-level help lists the TUI's own flags; each command's help only flags that do something
// there.
func TestHelpListsTheFlagsThatWork(t *testing.T) {
	h := newHarness(t, demoConfig())
	_, out, _ := h.run("", "--help")
	for _, want := range []string{"-schema", "-theme", "-list-themes", "-no-store", "-demo", "-queries", "--version"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %s", want)
		}
	}
	cases := map[string][]string{
		"queries": {"-password-stdin", "-no-history", "-insecure", "-timeout", "-v ", "-endpoint"},
		"check":   {"-no-history", "-queries", "-v "},
		"login":   {"-no-history", "-queries"},
	}
	for cmd, absent := range cases {
		code, _, help := h.run("", cmd, "-h")
		if code != exitOK {
			t.Fatalf("%s -h: exit %d", cmd, code)
		}
		for _, flag := range absent {
			if strings.Contains(help, "  "+flag) {
				t.Errorf("%s -h lists %s, which does nothing there", cmd, flag)
			}
		}
	}
}

func TestVersionNamesTheRevision(t *testing.T) {
	h := newHarness(t, demoConfig())
	if code, out, _ := h.run("", "--version"); code != exitOK || !strings.HasPrefix(out, "toggle-explorer ") {
		t.Fatalf("--version: exit %d, %q", code, out)
	}
	info := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	got := versionLine(info)
	for _, want := range []string{"v1.2.3", "0123456789abcdef", "2026-12-01T10:00:00Z", "uncommitted", "go1.26.0"} {
		if !strings.Contains(got, want) {
			t.Errorf("version line %q lacks %q", got, want)
		}
	}
	if got := versionLine(&debug.BuildInfo{}); !strings.Contains(got, "(devel)") || !strings.Contains(got, "revision unknown") {
		t.Errorf("without build settings: %q", got)
	}
}

// A broken config.toml blocks only what needs it, and says FILE:LINE.
func TestBrokenConfigBlocksOnlyWhatNeedsIt(t *testing.T) {
	h := newHarness(t, demoConfig())
	cfgFile := filepath.Join(h.env["XDG_CONFIG_HOME"], "toggle-explorer", "config.toml")
	if err := os.MkdirAll(filepath.Dir(cfgFile), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, cfgFile, "default_profile = \"staging\"\n\n[profiles.staging]\nendpoint = https://broken\n")
	q := `query P { Products(account_id: 1) { id } }`
	// The endpoint comes from the environment: the command works and warns where the file is broken.
	code, _, errOut := h.run("", "run", "-q", q)
	if code != exitOK || !strings.Contains(errOut, cfgFile+":4:") {
		t.Fatalf("with TOGGLE_ENDPOINT: exit %d, %s", code, errOut)
	}
	delete(h.env, "TOGGLE_ENDPOINT")
	if code, _, errOut := h.run("", "run", "--endpoint", h.endpoint, "-q", q); code != exitOK {
		t.Fatalf("with --endpoint: exit %d, %s", code, errOut)
	}
	// Without an endpoint elsewhere, the config was needed: the error names the line.
	if code, _, errOut := h.run("", "run", "-q", q); code != exitUsage || !strings.Contains(errOut, cfgFile+":4:") {
		t.Fatalf("no endpoint: exit %d, %s", code, errOut)
	}
	// A profile asked for by name needs the file.
	if code, _, errOut := h.run("", "run", "--profile", "staging", "--endpoint", h.endpoint, "-q", q); code != exitUsage || !strings.Contains(errOut, cfgFile+":4:") {
		t.Fatalf("--profile: exit %d, %s", code, errOut)
	}
	if code, _, errOut := h.run("", "queries"); code != exitOK || !strings.Contains(errOut, cfgFile+":4:") {
		t.Fatalf("queries: exit %d, %s", code, errOut)
	}
	// An unknown key is placed too.
	writeFile(t, cfgFile, "[profiles.staging]\nendpoint = \"http://x\"\nendpont = \"typo\"\n")
	if code, _, errOut := h.run("", "run", "-q", q); code != exitUsage || !strings.Contains(errOut, cfgFile+":3: unknown key profiles.staging.endpont") {
		t.Fatalf("unknown key: exit %d, %s", code, errOut)
	}
}

// queries on a data directory it cannot write lists what is there and says why it could not install
// the starter queries, exit 0.
func TestQueriesOnAReadOnlyDataDir(t *testing.T) {
	h := newHarness(t, demoConfig())
	// A file where the data directory should be cannot be written into, whoever runs the test
	// (root ignores permission bits).
	writeFile(t, h.env["XDG_DATA_HOME"], "not a directory")
	code, _, errOut := h.run("", "queries")
	if code != exitOK || !strings.Contains(errOut, "could not install the starter queries") {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	if os.Geteuid() == 0 {
		return // permission bits do not stop root
	}
	// A data directory without write permission: the same answer.
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.MkdirAll(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	h.env["XDG_DATA_HOME"] = ro
	if code, _, errOut := h.run("", "queries"); code != exitOK || !strings.Contains(errOut, "could not install the starter queries") {
		t.Fatalf("read-only dir: exit %d, %s", code, errOut)
	}
}

// The TUI is given the password from --password-stdin or TOGGLE_PASSWORD and asked to start
// without the form; the demo keeps its form.
func TestTUIStartsWithTheGivenPassword(t *testing.T) {
	h := newHarness(t, demoConfig())
	c := &program{getenv: func(k string) string { return h.env[k] }, stdin: strings.NewReader("from-stdin\n"), stdout: io.Discard, stderr: io.Discard}
	p, err := resolvePaths(c.getenv)
	if err != nil {
		t.Fatal(err)
	}
	opts, cleanup, err := c.tuiOptions(&commonFlags{}, p, "")
	cleanup()
	if err != nil || !opts.AutoLogin || opts.Login.Password != mockapi.DemoPassword {
		t.Fatalf("TOGGLE_PASSWORD: auto %v, password set %v, %v", opts.AutoLogin, opts.Login.Password != "", err)
	}
	opts, cleanup, err = c.tuiOptions(&commonFlags{passwordStdin: true}, p, "")
	cleanup()
	if err != nil || !opts.AutoLogin || opts.Login.Password != "from-stdin" {
		t.Fatalf("--password-stdin: auto %v, %v", opts.AutoLogin, err)
	}
	opts, cleanup, err = c.tuiOptions(&commonFlags{demo: true}, p, "")
	cleanup()
	if err != nil || opts.AutoLogin {
		t.Fatalf("--demo: auto %v, %v", opts.AutoLogin, err)
	}
}

// A config file of any content loads or fails with an error naming the file; it never panics.
func FuzzLoadConfig(f *testing.F) {
	f.Add("default_profile = \"staging\"\n[profiles.staging]\nendpoint = \"https://x\"\n")
	f.Add("[profiles.staging]\nendpont = \"typo\"\n")
	f.Add("endpoint = https://broken\n")
	f.Add("[profiles]\nstaging = 3\n")
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := loadConfig(path); err != nil && !strings.Contains(err.Error(), path) {
			t.Fatalf("error without the file's name: %v", err)
		}
	})
}

// A value of the wrong type in config.toml is placed (FILE:LINE) and said in words, not in the
// decoder's Go types.
func TestConfigTypeErrorSaysWhereAndWhat(t *testing.T) {
	h := newHarness(t, demoConfig())
	cfgFile := filepath.Join(h.env["XDG_CONFIG_HOME"], "toggle-explorer", "config.toml")
	if err := os.MkdirAll(filepath.Dir(cfgFile), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, cfgFile, "[profiles.x]\nendpoint = 3\n")
	_, _, errOut := h.run("", "queries")
	want := cfgFile + ":2: profiles.x.endpoint must be a string (in quotes), not a number"
	if !strings.Contains(errOut, want) || strings.Contains(errOut, "int64") {
		t.Fatalf("stderr %q, want %q", errOut, want)
	}
}
