package saved

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode"

	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// ConflictError is returned by Save when the files on disk are not the ones
// the caller loaded: another program (or another explorer) changed, created or
// deleted them. Nothing was written. The UI offers to overwrite (Save with
// force), reload, or save under another name.
type ConflictError struct {
	// Name is the saved query's name.
	Name string
	// Exists reports whether a file of that name is on disk now.
	Exists bool
	// New reports whether the caller meant to create the query (it passed
	// the zero Version).
	New bool
}

// Error explains the conflict in the user's terms.
func (e *ConflictError) Error() string {
	switch {
	case e.New:
		return fmt.Sprintf("a saved query named %q already exists", e.Name)
	case !e.Exists:
		return fmt.Sprintf("saved query %q was deleted on disk after it was opened", e.Name)
	}
	return fmt.Sprintf("saved query %q was changed on disk after it was opened", e.Name)
}

// Save writes the saved query name: text to NAME.graphql and variables to
// NAME.variables.json. Variables that are empty or an empty object ("{}",
// whatever the spacing) mean "no variables": no file is written and a stale
// one is removed, so the directory holds only files that say something.
//
// expected is the Version from Load, or the zero Version for a new query.
// Unless force is set, Save first checks under the library lock that the files
// on disk still match expected (by content), and if they do not it returns a
// *ConflictError and writes nothing. Each file is replaced atomically (temp
// file, fsync, rename; 0600 in a 0700 directory), so a crash leaves each one
// either complete-old or complete-new; the pair is written query first.
//
// The returned Version describes the files as written, for the next Save.
func (l *Library) Save(name, text, variables string, expected Version, force bool) (Version, error) {
	return l.save(name, text, variables, nil, expected, force)
}

// SaveWithHeaders is Save that also writes the query's headers to NAME.headers, or removes
// that file when headers is blank. (Save leaves an existing .headers file as it is.)
func (l *Library) SaveWithHeaders(name, text, variables, headers string, expected Version, force bool) (Version, error) {
	return l.save(name, text, variables, &headers, expected, force)
}

func (l *Library) save(name, text, variables string, headers *string, expected Version, force bool) (Version, error) {
	if err := ValidName(name); err != nil {
		return Version{}, err
	}
	unlock, err := l.lock()
	if err != nil {
		return Version{}, err
	}
	defer unlock()
	// A query saved under the same name in another case is this one (see existingCase).
	if name, err = l.existingCase(name); err != nil {
		return Version{}, err
	}
	current, err := l.Current(name)
	if err != nil && !force {
		return Version{}, fmt.Errorf("save %q: cannot check the file on disk, not overwriting it: %w", name, err)
	}
	if !force && !current.Equal(expected) {
		return Version{}, &ConflictError{Name: name, Exists: !current.IsZero(), New: expected.IsZero()}
	}
	if err := l.writeFiles(name, text, variables); err != nil {
		return Version{}, err
	}
	if headers != nil {
		if err := l.writeHeaders(name, *headers); err != nil {
			return Version{}, err
		}
	}
	return l.Current(name)
}

// writeFiles writes name's files; the caller holds the lock.
func (l *Library) writeFiles(name, text, variables string) error {
	if err := securefile.WriteFile(l.queryPath(name), []byte(text), securefile.FilePerm); err != nil {
		return err
	}
	if noVariables(variables) {
		if err := os.Remove(l.varsPath(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the old variables of %q: %w", name, err)
		}
		return nil
	}
	return securefile.WriteFile(l.varsPath(name), []byte(variables), securefile.FilePerm)
}

// writeHeaders writes or removes NAME.headers; the caller holds the lock.
func (l *Library) writeHeaders(name, headers string) error {
	if strings.TrimSpace(headers) == "" {
		if err := os.Remove(l.headersPath(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the old headers of %q: %w", name, err)
		}
		return nil
	}
	return securefile.WriteFile(l.headersPath(name), []byte(headers), securefile.FilePerm)
}

// noVariables reports whether a variables text says nothing: blank, or an
// empty JSON object.
func noVariables(text string) bool {
	compact := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
	return compact == "" || compact == "{}"
}
