package saved

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// Entry describes one saved query in a listing.
type Entry struct {
	// Name is the query's name: its file name without ".graphql".
	Name string
	// Path is the .graphql file.
	Path string
	// VarsPath is the .variables.json file, or "" when there is none.
	VarsPath string
	// Modified is the later modification time of the two files.
	Modified time.Time
	// Operations are the names of the document's operations in source order
	// ("" for an anonymous one). It is nil when the document is empty or does
	// not parse.
	Operations []string
	// ParseError says why the document does not parse or could not be read;
	// "" when it parses or is empty.
	ParseError string
}

// List returns the saved queries sorted by name (ignoring case, then by
// bytes). A missing directory is an empty library. Files other than
// NAME.graphql, and .graphql files whose name ValidName rejects (hidden
// files, editors' and the library's own temporary files), are not queries. A
// file that cannot be read or parsed is still listed, with ParseError set:
// one bad file must not hide the others.
func (l *Library) List() ([]Entry, error) {
	dirEntries, err := os.ReadDir(l.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, de := range dirEntries {
		name, ok := strings.CutSuffix(de.Name(), queryExt)
		if !ok || ValidName(name) != nil {
			continue
		}
		if e, ok := l.entry(name); ok {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

// entry describes name; ok is false when its .graphql is not a regular file
// (a directory, or a symbolic link to nothing).
func (l *Library) entry(name string) (Entry, bool) {
	e := Entry{Name: name, Path: l.queryPath(name)}
	info, err := os.Stat(e.Path)
	if err != nil || !info.Mode().IsRegular() {
		return Entry{}, false
	}
	e.Modified = info.ModTime()
	if vi, err := os.Stat(l.varsPath(name)); err == nil && vi.Mode().IsRegular() {
		e.VarsPath = l.varsPath(name)
		if vi.ModTime().After(e.Modified) {
			e.Modified = vi.ModTime()
		}
	}
	_, text, err := readStamped(e.Path)
	if err != nil {
		e.ParseError = "cannot read: " + err.Error()
		return e, true
	}
	doc, err := query.Parse(string(text))
	switch {
	case errors.Is(err, query.ErrEmpty):
	case err != nil:
		e.ParseError = err.Error()
	default:
		e.Operations = make([]string, len(doc.Operations))
		for i, op := range doc.Operations {
			e.Operations[i] = op.Name
		}
	}
	return e, true
}
