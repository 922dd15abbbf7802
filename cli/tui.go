package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// demoTokenTTL is the fake server's token lifetime in --demo: short enough that the background
// refresh happens while a newcomer watches (at a sixth of the lifetime, 30 s before expiry).
const demoTokenTTL = 3 * time.Minute

// demoRotateAfter makes the demo server rotate tokens through response headers, so the status bar
// and notices show rotations too.
const demoRotateAfter = 45 * time.Second

// tuiCommand starts the terminal UI.
func (c *program) tuiCommand(args []string) int {
	fs, tf := tuiFlagSet(c.stderr)
	f, themeName, listThemes, schemaFile := &tf.common, &tf.theme, &tf.listThemes, &tf.schema
	if cmd := misplacedCommand(fs, args); cmd != "" {
		return c.errorf(exitUsage, "flags go after the command: toggle-explorer %s", commandFirst(args, cmd))
	}
	if pos, err := parseInterspersed(fs, args); err != nil {
		return usageExit(err)
	} else if len(pos) > 0 {
		return c.errorf(exitUsage, "unknown command %q (see toggle-explorer help)", pos[0])
	}
	p, err := resolvePaths(c.getenv)
	if err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	if *listThemes {
		names, err := themes.List(p.themesDir())
		if err != nil {
			return c.errorf(exitUsage, "%v", err)
		}
		for _, n := range names {
			printLine(c.stdout, "%s", n) // a user theme's file name
		}
		return exitOK
	}
	opts, cleanup, err := c.tuiOptions(f, p, *themeName)
	defer cleanup()
	if err != nil {
		return c.errorf(exitUsage, "%v", err)
	}
	opts.SchemaFile = *schemaFile
	tabsPath := c.tabsPath(f, p)
	restoreTabs(&opts, tabsPath, time.Now())

	if c.getenv("NO_COLOR") != "" {
		// termenv reads NO_COLOR as "no styling at all", which would also drop the reverse-video
		// cursor. The monochrome theme already sets no colour; keep the attributes.
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	// 60 frames a second, Bubble Tea's default: the renderer wakes at its frame rate even when
	// nothing changes, and at 120 fps that alone cost the idle explorer twice the CPU of a minimal
	// program (make perf). The price is up to 8 ms more before the first paint.
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(60), tea.WithContext(c.context())}
	if f.passwordStdin {
		// Standard input carried the password; the keys come from the terminal itself.
		progOpts = append(progOpts, tea.WithInputTTY())
	}
	defer c.paceGC(tuiGCPercent)()
	final, err := runUI(opts, progOpts)
	closeUI(final)
	if kerr := keepTabs(final, tabsPath); kerr != nil {
		printLine(c.stderr, "toggle-explorer: the open tabs were not kept: %v", kerr)
	}
	if err != nil {
		return c.errorf(exitTransport, "%v", err)
	}
	return exitOK
}

// runUI runs the program until it quits.
func runUI(opts ui.Options, progOpts []tea.ProgramOption) (tea.Model, error) {
	return newProgram(opts, progOpts).Run()
}

// newProgram builds the program around a new root model. The model (tens of kilobytes) is built
// in this frame, gone once the program holds it, rather than in a caller's frame that stays on
// the event loop's stack for the whole session: hence a function of its own, never inlined.
//
//go:noinline
func newProgram(opts ui.Options, progOpts []tea.ProgramOption) *tea.Program {
	m := ui.New(opts)
	return tea.NewProgram(&m, progOpts...)
}

// closeUI ends the session of the program's final model, if it has one. It asks for the Close
// method rather than a *ui.Model: Close has a value receiver, and calling it here (this is
// inlined) would put a copy of the model in tuiCommand's frame, on the stack for the whole
// session (36 KB against 2 KB).
func closeUI(final tea.Model) {
	if c, ok := final.(interface{ Close() }); ok {
		c.Close()
	}
}

// tuiFlags are the TUI's flags: the common ones and those only the TUI has.
type tuiFlags struct {
	common     commonFlags
	theme      string
	listThemes bool
	schema     string
}

// tuiFlagSet declares the TUI's flags. The top-level help prints them too, since the TUI is what
// runs without a command.
func tuiFlagSet(w io.Writer) (*flag.FlagSet, *tuiFlags) {
	fs := newFlagSet("", "[--endpoint URL] [--profile NAME] [--theme NAME] [--demo]", w)
	var tf tuiFlags
	tf.common.register(fs, connectionFlags|queriesFlag|historyFlag)
	fs.StringVar(&tf.theme, "theme", "", "colour theme (see --list-themes)")
	fs.BoolVar(&tf.listThemes, "list-themes", false, "print the available theme names and exit")
	fs.StringVar(&tf.schema, "schema", "", "load the schema from a file (SDL or introspection JSON) instead of introspecting")
	return fs, &tf
}

// tuiOptions resolves everything the UI needs: theme, the login form's prefill, the session
// factory, and with --demo the in-process fake server and a sample query.
func (c *program) tuiOptions(f *commonFlags, p paths, themeName string) (ui.Options, func(), error) {
	cleanup := func() {}
	if f.demo {
		// The demo's random-port endpoint, tokens and schema have no use after it ends: its
		// history, cache and saved queries live in a directory removed on exit, so a tour never
		// litters the user's real ones. Config and themes stay the user's.
		dir, err := os.MkdirTemp("", "toggle-explorer-demo-")
		if err != nil {
			return ui.Options{}, cleanup, err
		}
		cleanup = func() { _ = os.RemoveAll(dir) }
		p.State, p.Cache, p.Data = filepath.Join(dir, "state"), filepath.Join(dir, "cache"), filepath.Join(dir, "data")
		p.Queries = filepath.Join(p.Data, "queries")
		f.queries = ""
	}
	set, err := c.settings(p, f.profileName(c.getenv))
	if err != nil {
		return ui.Options{}, cleanup, err
	}
	cfg, prof := set.cfg, set.prof
	c.noteBroken(set)
	theme, err := themes.Load(firstNonEmpty(themeName, prof.Theme, cfg.Theme, themes.DefaultName), p.themesDir())
	if err != nil {
		return ui.Options{}, cleanup, err
	}
	if c.getenv("NO_COLOR") != "" {
		// no-color.org: no colour, but bold and reverse video stay, or the cursor and the
		// focused pane would vanish.
		theme = theme.Monochrome()
	}
	last := loadLastLogin(p)
	opts := ui.Options{Theme: theme, Insecure: f.insecure, Editor: firstNonEmpty(c.getenv("VISUAL"), c.getenv("EDITOR"))}
	hist := history.New(p.historyFile(), 0)
	if f.noHistory {
		hist = nil
	}
	opts.Login = login.Options{
		Endpoint: firstNonEmpty(f.endpoint, c.getenv("TOGGLE_ENDPOINT"), prof.Endpoint, last.Endpoint),
		Identity: firstNonEmpty(f.username, f.email, c.getenv("TOGGLE_USERNAME"), c.getenv("TOGGLE_EMAIL"), prof.Username, prof.Email, last.Identity),
	}
	// Start in the workspace when the stored token for this endpoint and user is valid, or log in
	// with the password given on stdin or in the environment; the form is for neither.
	opts.AutoLogin = true
	if f.passwordStdin {
		pw, err := readPasswordLine(c.stdin)
		if err != nil {
			return ui.Options{}, cleanup, err
		}
		opts.Login.Password = pw
	} else {
		opts.Login.Password = c.getenv("TOGGLE_PASSWORD")
	}
	opts.Remember = func(endpoint, identity string) error {
		return saveLastLogin(p, lastLogin{Endpoint: endpoint, Identity: identity})
	}
	var store session.TokenStore
	if f.demo {
		cfg := mockapi.DefaultConfig()
		cfg.TokenTTL, cfg.RotateAfter = demoTokenTTL, demoRotateAfter
		demo, err := startDemo(cfg)
		if err != nil {
			return ui.Options{}, cleanup, err
		}
		removeDir := cleanup
		cleanup = func() { demo.stop(); removeDir() }
		opts.Login = login.Options{
			Endpoint: demo.url, Identity: mockapi.DemoUsername, Password: mockapi.DemoPassword,
			Hint: "Demo: a built-in fake Toggle API (tokens last 3 minutes, rotated every 45 s). Press enter.",
		}
		opts.Remember = nil
		opts.AutoLogin = false // the tour starts at the form, whose hint explains the demo
		opts.Workspace = workspace.Options{Query: demoQuery, Variables: demoVariables}
	} else if !f.noStore {
		store = newStore(p, nil) // the TUI owns the terminal: the session's StoreFailed events speak
	}
	opts.Workspace.History = hist
	opts.History = hist
	opts.SchemaCache = schema.NewCache(filepath.Join(p.Cache, "schemas"))
	queriesDir := firstNonEmpty(f.queries, prof.Queries, p.Queries)
	if f.demo {
		queriesDir = p.Queries
	}
	lib, installed, installErr := openLibrary(queriesDir)
	opts.Library = lib
	if len(installed) > 0 {
		opts.Login.Hint = strings.TrimSpace(opts.Login.Hint + fmt.Sprintf(" %d starter queries for Toggle are in %s: ctrl+o opens them.", len(installed), lib.Dir()))
	}
	if installErr != nil {
		opts.Login.Hint = strings.TrimSpace(opts.Login.Hint + " ⚠ " + installErr.Error() + ".")
	}
	if set.broken != nil {
		opts.Login.Hint = strings.TrimSpace(opts.Login.Hint + " ⚠ config ignored: " + set.broken.Error())
		opts.StartupWarning = "config ignored: " + set.broken.Error()
	}
	if wd, err := os.Getwd(); err == nil {
		opts.CurlDir = wd
	}
	if !f.demo {
		if opts.Profiles, err = profileOptions(cfg); err != nil {
			return ui.Options{}, cleanup, err
		}
		opts.Profile = set.name
		if store != nil {
			opts.TokenStored = func(endpoint, identity string) bool { return tokenStored(store, endpoint, identity) }
		}
	}
	opts.Connect = func(endpoint string) (*session.Session, error) {
		return session.New(session.Config{Endpoint: endpoint, Store: store, Insecure: f.insecure, RequestTimeout: f.timeout})
	}
	return opts, cleanup, nil
}

// demoQuery is the sample in the editor with --demo: a balance check against a seeded card.
const demoQuery = `# A balance check, as a till would run it. ctrl+r runs the operation under the cursor.
query Balance($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) {
    data {
      card_reference
      balance
      initial_balance
      expiry_time
      used
      product_name
      card_alias_card_reference
    }
    total
    per_page
  }
}

# Redeem £10.00 from the same card (run it twice and watch the balance).
mutation Redeem($ref: String!) {
  createBalanceAdjustment(card_reference: $ref, value: -1000, currency: "GBP",
                          merchant_id: 26, unit_epos_reference: "TILL-1") {
    id
    value
    LineItem { id Card { card_reference balance } }
    ValueSplit { tender discount }
  }
}
`

const demoVariables = `{
  "ref": "` + mockapi.SeedCardPartlyUsed + `"
}`
