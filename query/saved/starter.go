package saved

import (
	"errors"
	"fmt"
	"slices"
)

// InstallStarter adds a starter collection to l: files maps query names to
// document text, vars maps some of those names to variables JSON. Each query
// is written (atomically, through Save) only when no file of that name exists,
// so installing again, or after the user edited or deleted-and-recreated a
// starter query, never overwrites their work. It returns the names it wrote,
// sorted.
//
// Every name is checked before anything is written; a vars entry with no
// matching file is an error, since it would be a variables file for nothing.
func InstallStarter(l *Library, files map[string]string, vars map[string]string) (installed []string, err error) {
	names := make([]string, 0, len(files))
	for name := range files {
		if err := ValidName(name); err != nil {
			return nil, fmt.Errorf("starter query %q: %w", name, err)
		}
		names = append(names, name)
	}
	for name := range vars {
		if _, ok := files[name]; !ok {
			return nil, fmt.Errorf("starter variables %q have no query of that name", name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		// The zero Version means "new": Save refuses if either file exists,
		// checking and writing under the library lock.
		_, err := l.Save(name, files[name], vars[name], Version{}, false)
		var conflict *ConflictError
		if errors.As(err, &conflict) {
			continue
		}
		if err != nil {
			return installed, fmt.Errorf("install starter query %q: %w", name, err)
		}
		installed = append(installed, name)
	}
	return installed, nil
}
