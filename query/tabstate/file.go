package tabstate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// Load reads the state file at path. A missing file is no tabs and no notice. A file that does
// not parse is renamed path.corrupt-TIME (now, UTC) and the notice says so; a file that cannot be
// read at all is left where it is, with a notice. Nothing here is fatal: the caller starts with
// its default tab whenever ok is false.
func Load(path string, now time.Time) (s State, ok bool, notice string) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, false, ""
	}
	if err != nil {
		return State{}, false, fmt.Sprintf("tabs not restored: %v", err)
	}
	s, err = Parse(data)
	if err == nil {
		return s, true, ""
	}
	aside := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	if rerr := os.Rename(path, aside); rerr != nil {
		return State{}, false, fmt.Sprintf("tabs not restored: %s is unreadable (%v) and could not be set aside: %v", filepath.Base(path), err, rerr)
	}
	return State{}, false, fmt.Sprintf("tabs not restored: %s was unreadable (%v); set aside as %s", filepath.Base(path), err, filepath.Base(aside))
}

// Save writes s to path atomically with mode 0600, creating its private directory.
func Save(path string, s State) error {
	data, err := Marshal(s)
	if err != nil {
		return err
	}
	if err := securefile.EnsureDir(filepath.Dir(path)); err != nil {
		return err
	}
	return securefile.WriteFile(path, data, securefile.FilePerm)
}

// Versions looks up the saved-query version of each named tab in lib: a tab whose files are
// unchanged since it was saved gets their Version back (so its next save is a plain save); one
// whose files changed or vanished gets none, and saving it asks as any conflict does. The result
// is indexed like s.Tabs.
func Versions(s State, lib *saved.Library) []saved.Version {
	out := make([]saved.Version, len(s.Tabs))
	if lib == nil {
		return out
	}
	for i, t := range s.Tabs {
		if t.Name == "" || t.SavedVersion == "" {
			continue
		}
		if v, err := lib.Current(t.Name); err == nil && v.String() == t.SavedVersion {
			out[i] = v
		}
	}
	return out
}
