package cli

import (
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/tabstate"
	"github.com/toggle-explorer/toggle-explorer/ui"
)

// tabsFile is where the TUI keeps its open tabs between runs, one file per profile, so a
// production profile never reopens a test profile's drafts.
func (p paths) tabsFile(profile string) string {
	if profile == "" {
		return filepath.Join(p.State, "tabs.json")
	}
	return filepath.Join(p.State, "tabs-"+safeFileName(profile)+".json")
}

// safeFileName keeps letters, digits, '-', '_' and '.', replacing anything else with '_'.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
}

// tabsPath is the tabs file for this run, or "" with --demo: the demo restores nothing and keeps
// nothing.
func (c *program) tabsPath(f *commonFlags, p paths) string {
	if f.demo {
		return ""
	}
	return p.tabsFile(firstNonEmpty(f.profile, c.getenv("TOGGLE_PROFILE")))
}

// restoreTabs reads the tabs file into opts (a corrupt one is set aside and a notice says so).
func restoreTabs(opts *ui.Options, path string, now time.Time) {
	if path == "" {
		return
	}
	opts.KeepsTabs = true
	st, ok, notice := tabstate.Load(path, now)
	opts.StartNotice = notice
	if ok {
		opts.Restore = &st
		opts.RestoreVersions = tabstate.Versions(st, opts.Library)
	}
}

// keepTabs writes the final model's tabs to path (nothing before the first login, or with no
// path).
func keepTabs(final tea.Model, path string) error {
	m, ok := final.(*ui.Model)
	if !ok || path == "" {
		return nil
	}
	st, ok := m.TabState()
	if !ok {
		return nil
	}
	return tabstate.Save(path, st)
}
