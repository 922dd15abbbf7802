package saved

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// Rename renames the saved query oldName (both files) to newName. It refuses,
// with an error wrapping ErrNameTaken, when newName is already used by either
// file. The check and the renames happen under the library lock, so two
// explorers cannot both take the same name. A rename that only changes case on
// a case-insensitive filesystem is allowed (the "existing" file is the query
// itself).
func (l *Library) Rename(oldName, newName string) error {
	if err := validNames(oldName, newName); err != nil {
		return err
	}
	if oldName == newName {
		return nil
	}
	unlock, err := l.lock()
	if err != nil {
		return err
	}
	defer unlock()
	oldInfo, err := os.Stat(l.queryPath(oldName))
	if err != nil {
		return fmt.Errorf("rename %q: %w", oldName, err)
	}
	if strings.EqualFold(oldName, newName) {
		return l.moveFiles(oldName, newName) // only the case differs: the same query
	}
	if newInfo, err := os.Stat(l.queryPath(newName)); err == nil && os.SameFile(oldInfo, newInfo) {
		return l.moveFiles(oldName, newName) // same file under another name (a hard link)
	}
	if err := l.ensureFree(newName); err != nil {
		return fmt.Errorf("rename %q to %q: %w", oldName, newName, err)
	}
	return l.moveFiles(oldName, newName)
}

// moveFiles renames both files; if the variables file cannot follow, the
// query goes back so the pair is never split between two names.
func (l *Library) moveFiles(oldName, newName string) error {
	if err := os.Rename(l.queryPath(oldName), l.queryPath(newName)); err != nil {
		return fmt.Errorf("rename %q to %q: %w", oldName, newName, err)
	}
	err := os.Rename(l.varsPath(oldName), l.varsPath(newName))
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		err = os.Rename(l.headersPath(oldName), l.headersPath(newName))
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("rename the headers of %q: %w (the query and its variables are now %q)", oldName, err, newName)
	}
	if undoErr := os.Rename(l.queryPath(newName), l.queryPath(oldName)); undoErr != nil {
		return fmt.Errorf("rename the variables of %q: %w (and the query now has the name %q: %v)", oldName, err, newName, undoErr)
	}
	return fmt.Errorf("rename the variables of %q: %w", oldName, err)
}

// Duplicate copies the saved query name (both files) to newName, refusing,
// with an error wrapping ErrNameTaken, when newName is already used.
func (l *Library) Duplicate(name, newName string) error {
	if err := validNames(name, newName); err != nil {
		return err
	}
	unlock, err := l.lock()
	if err != nil {
		return err
	}
	defer unlock()
	v, text, vars, hdrs, err := l.read(name)
	if err != nil {
		return fmt.Errorf("duplicate %q: %w", name, err)
	}
	if !v.query.present {
		return fmt.Errorf("duplicate %q: %w", name, fs.ErrNotExist)
	}
	if err := l.ensureFree(newName); err != nil {
		return fmt.Errorf("duplicate %q as %q: %w", name, newName, err)
	}
	if err := securefile.WriteFile(l.queryPath(newName), text, securefile.FilePerm); err != nil {
		return err
	}
	if v.headers.present {
		if err := securefile.WriteFile(l.headersPath(newName), hdrs, securefile.FilePerm); err != nil {
			_ = os.Remove(l.queryPath(newName)) // no half copy
			return err
		}
	}
	if !v.vars.present {
		return nil
	}
	if err := securefile.WriteFile(l.varsPath(newName), vars, securefile.FilePerm); err != nil {
		_ = os.Remove(l.queryPath(newName)) // no half copy
		_ = os.Remove(l.headersPath(newName))
		return err
	}
	return nil
}

// Delete removes the saved query name and its variables file. Deleting a name
// with neither file is an error wrapping fs.ErrNotExist.
func (l *Library) Delete(name string) error {
	if err := ValidName(name); err != nil {
		return err
	}
	unlock, err := l.lock()
	if err != nil {
		return err
	}
	defer unlock()
	removed := false
	for _, p := range []string{l.queryPath(name), l.varsPath(name), l.headersPath(name)} {
		err := os.Remove(p)
		if err == nil {
			removed = true
			continue
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("delete %q: %w", name, err)
		}
	}
	if !removed {
		return fmt.Errorf("delete %q: %w", name, fs.ErrNotExist)
	}
	return nil
}

// ensureFree returns ErrNameTaken when either file of name exists.
func (l *Library) ensureFree(name string) error {
	taken, err := l.nameTaken(name)
	if err != nil {
		return err
	}
	if taken {
		return ErrNameTaken
	}
	return nil
}

func validNames(names ...string) error {
	for _, n := range names {
		if err := ValidName(n); err != nil {
			return fmt.Errorf("%q: %w", n, err)
		}
	}
	return nil
}
