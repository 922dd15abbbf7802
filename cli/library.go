package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

// historyFile is the JSON-lines history of executions.
func (p paths) historyFile() string { return filepath.Join(p.State, "history.jsonl") }

// openLibrary returns the saved-queries library, installing the Toggle starter collection the
// first time (when the directory does not exist yet). It reports the names it installed.
func openLibrary(dir string) (*saved.Library, []string, error) {
	lib := saved.NewLibrary(dir)
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return lib, nil, nil
	}
	files, vars := saved.ToggleStarter()
	installed, err := saved.InstallStarter(lib, files, vars)
	return lib, installed, err
}
