package saved

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// Query is a saved query as read from disk.
type Query struct {
	// Name is the query's name.
	Name string
	// Text is the .graphql file's content, exactly as on disk.
	Text string
	// Variables is the .variables.json file's raw text, or "" when there is
	// no such file.
	Variables string
	// Headers is the .headers file's text (`Name: value` lines), or "" when there is none.
	Headers string
	// Version is what Save needs to detect that another program changed the
	// files after this Load.
	Version Version
	// Warning explains what is wrong with a file that opened anyway, e.g.
	// "does not parse: 3:5: Expected Name, found <EOF>"; "" when nothing is.
	Warning string
}

// Load reads the saved query name and its variables. A document that does not
// parse, or variables that are not a JSON object, still load, with Warning
// set: the user may have saved work in progress, and refusing to open it would
// be the worst way to help fix it. A missing query is an error wrapping
// fs.ErrNotExist.
func (l *Library) Load(name string) (Query, error) {
	if err := ValidName(name); err != nil {
		return Query{}, err
	}
	// No lock: Version is computed from the bytes read, so if another writer
	// replaced a file between the two reads, the mixed Version matches nothing
	// on disk and a later Save reports a conflict instead of clobbering.
	v, text, vars, hdrs, err := l.read(name)
	if err != nil {
		return Query{}, fmt.Errorf("load saved query %q: %w", name, err)
	}
	if !v.query.present {
		return Query{}, fmt.Errorf("load saved query %q: %w", name, fs.ErrNotExist)
	}
	s := Query{Name: name, Text: string(text), Variables: string(vars), Headers: string(hdrs), Version: v}
	s.Warning = loadWarning(s.Text, s.Variables, v.vars.present)
	return s, nil
}

// loadWarning describes the problems of an opened query, "" when none.
func loadWarning(text, vars string, hasVars bool) string {
	var problems []string
	if _, err := query.Parse(text); err != nil && !errors.Is(err, query.ErrEmpty) {
		problems = append(problems, "does not parse: "+err.Error())
	}
	if hasVars {
		if _, err := query.ParseVariablesJSON(vars); err != nil {
			problems = append(problems, "variables file does not parse: "+err.Error())
		}
	}
	return strings.Join(problems, "; ")
}
