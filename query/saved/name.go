package saved

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on a saved query's name. MaxNameLen counts characters, as the user
// sees them; maxNameBytes keeps the longest file name the library makes
// (".NAME.variables.json.tmp-NNNNNNNNNN" while writing) under the 255-byte
// limit of common filesystems, which 100 four-byte characters would exceed.
const (
	MaxNameLen   = 100
	maxNameBytes = 200
)

// ValidName reports why name cannot be a saved query's name, or nil. Names
// become file names, so the allowed characters are a short list that is safe
// on every common filesystem and in a shell: letters (any script), digits,
// space, '-', '_', '.', '(' and ')'. A name may not be empty, start with '.'
// (hidden files, and "." and ".."), contain "..", start or end with a space
// (two names differing only there look identical in a list), or be longer
// than MaxNameLen characters.
func ValidName(name string) error {
	switch {
	case name == "":
		return errors.New("a query name cannot be empty")
	case !utf8.ValidString(name):
		return errors.New("a query name must be valid UTF-8")
	case utf8.RuneCountInString(name) > MaxNameLen:
		return fmt.Errorf("a query name can have at most %d characters", MaxNameLen)
	case len(name) > maxNameBytes:
		return fmt.Errorf("a query name can have at most %d bytes (UTF-8)", maxNameBytes)
	case strings.HasPrefix(name, "."):
		return errors.New(`a query name cannot start with "."`)
	case strings.Contains(name, ".."):
		return errors.New(`a query name cannot contain ".."`)
	case strings.HasPrefix(name, " ") || strings.HasSuffix(name, " "):
		return errors.New("a query name cannot start or end with a space")
	}
	for _, r := range name {
		if !nameRuneOK(r) {
			return fmt.Errorf("a query name cannot contain %s: use letters, digits, spaces and - _ . ( )", describeRune(r))
		}
	}
	return nil
}

func nameRuneOK(r rune) bool {
	switch r {
	case ' ', '-', '_', '.', '(', ')':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// describeRune names a rejected character; control and other invisible
// characters are shown as code points so the message itself stays printable.
func describeRune(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return fmt.Sprintf("%q", string(r))
	}
	return fmt.Sprintf("U+%04X", r)
}
