package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

// historyFile is the JSON-lines history of executions.
func (p paths) historyFile() string { return filepath.Join(p.State, "history.jsonl") }

// openLibrary returns the saved-queries library, installing the Toggle starter collection the
// first time (when the directory does not exist yet). It reports the names it installed, and why
// it could not install them (a read-only data directory, say): the library is usable either way,
// so callers list what is there and pass the reason on.
func openLibrary(dir string) (lib *saved.Library, installed []string, installErr error) {
	lib = saved.NewLibrary(dir)
	// Not there yet, or a file in the way of its parents (ENOTDIR): install, and say why not
	// when that fails.
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return lib, nil, nil
	}
	files, vars := saved.ToggleStarter()
	installed, err := saved.InstallStarter(lib, files, vars)
	if err != nil {
		err = fmt.Errorf("could not install the starter queries into %s: %w", dir, err)
	}
	return lib, installed, err
}
