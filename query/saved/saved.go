package saved

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// Saved queries live as plain files so that git and any other GraphQL tool can
// read them: NAME.graphql, and NAME.variables.json beside it when the query
// has variables.
const (
	queryExt = ".graphql"
	varsExt  = ".variables.json"
	// headersExt holds the query's extra HTTP headers, `Name: value` lines (query/headers).
	headersExt = ".headers"
)

// lockName is the base of the library's lock. securefile.Lock adds ".lock",
// so the queries directory holds one hidden ".toggle-explorer.lock" file; a
// lock per query would litter a git-friendly directory with one per name.
const lockName = ".toggle-explorer"

// MaxFileSize caps what the library reads from one query or variables
// file: a saved query is small, and a stray multi-gigabyte file renamed to
// .graphql must fail clearly rather than fill memory.
const MaxFileSize = 8 << 20

// ErrNameTaken is returned (wrapped) by Rename and Duplicate when the new name
// is already used by a query or a variables file.
var ErrNameTaken = errors.New("a saved query with that name already exists")

// Library is a directory of saved queries. Its methods are safe to call from
// several goroutines and several processes at once: every change is made under
// an advisory lock on the directory, and every file is replaced atomically.
type Library struct {
	dir string
}

// NewLibrary returns the library kept in dir. The directory is created (0700)
// on the first write, not here, so listing a library that was never used
// creates nothing.
func NewLibrary(dir string) *Library {
	return &Library{dir: dir}
}

// Dir returns the queries directory.
func (l *Library) Dir() string { return l.dir }

// Exists reports whether a saved query (its .graphql file) named name exists.
// An invalid name never exists.
func (l *Library) Exists(name string) bool {
	if ValidName(name) != nil {
		return false
	}
	info, err := os.Stat(l.queryPath(name))
	return err == nil && info.Mode().IsRegular()
}

func (l *Library) queryPath(name string) string { return filepath.Join(l.dir, name+queryExt) }
func (l *Library) varsPath(name string) string  { return filepath.Join(l.dir, name+varsExt) }
func (l *Library) headersPath(name string) string {
	return filepath.Join(l.dir, name+headersExt)
}

// lock takes the library's lock, creating the directory if needed.
func (l *Library) lock() (unlock func(), err error) {
	return securefile.Lock(filepath.Join(l.dir, lockName))
}

// nameTaken reports whether either file of name exists (a stray variables
// file counts: taking the name would silently adopt or replace it).
func (l *Library) nameTaken(name string) (bool, error) {
	if other, err := l.existingCase(name); err != nil || other != name {
		return other != name, err
	}
	for _, p := range []string{l.queryPath(name), l.varsPath(name), l.headersPath(name)} {
		_, err := os.Lstat(p)
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return false, err
		}
	}
	return false, nil
}

// existingCase returns the name under which a query that differs from name only by case is
// already saved, or name itself when there is none. Names are compared case-insensitively
// everywhere, as macOS and Windows file systems do: "Redeem" next to redeem.graphql is the same
// query, never a second file (on Linux) nor a silent overwrite (on macOS).
func (l *Library) existingCase(name string) (string, error) {
	entries, err := os.ReadDir(l.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return name, nil
	}
	if err != nil {
		return name, err
	}
	found := name
	for _, e := range entries {
		base, ok := strings.CutSuffix(e.Name(), queryExt)
		if !ok {
			base, ok = strings.CutSuffix(e.Name(), varsExt)
		}
		if !ok || !strings.EqualFold(base, name) {
			continue
		}
		if base == name {
			return name, nil
		}
		found = base
	}
	return found, nil
}
