package tabstate

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// FormatVersion is the file format written; other versions are not restored.
const FormatVersion = 1

// MaxTabs is the most tabs kept; a file with more is cut to the first ones.
const MaxTabs = 9

// maxFileSize bounds what Parse accepts: tabs are hand-typed text, not data dumps.
const maxFileSize = 16 << 20

// State is the open tabs in bar order and which one was on show.
type State struct {
	Version int   `json:"version"`
	Active  int   `json:"active"`
	Tabs    []Tab `json:"tabs"`
}

// Tab is one tab's editors. Base texts are set only when the tab had unsaved changes: they are
// what it was last opened or saved as, so a restored tab still shows ● and undo leads back to
// them.
type Tab struct {
	// Name is the saved query the tab edits ("" for a new one); SavedVersion fingerprints the
	// files it was read from (saved.Version.String), so a restore can tell whether they changed.
	Name         string `json:"name,omitempty"`
	SavedVersion string `json:"saved_version,omitempty"`

	Query         string  `json:"query"`
	Variables     string  `json:"variables"`
	BaseQuery     *string `json:"base_query,omitempty"`
	BaseVariables *string `json:"base_variables,omitempty"`
	// Headers is the headers pane's text, BaseHeaders its text when opened or saved (only when
	// they differ), as for the query and the variables.
	Headers     string  `json:"headers,omitempty"`
	BaseHeaders *string `json:"base_headers,omitempty"`

	// Focus names the focused pane: "query", "variables", "headers" or "results".
	Focus           string `json:"focus,omitempty"`
	QueryCursor     Cursor `json:"query_cursor"`
	VariablesCursor Cursor `json:"variables_cursor"`
	HeadersCursor   Cursor `json:"headers_cursor"`
}

// Cursor is an editor's 1-based cursor position and its first visible line (0-based).
type Cursor struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Top    int `json:"top"`
}

// Marshal encodes s for the state file.
func Marshal(s State) ([]byte, error) {
	s.Version = FormatVersion
	return json.MarshalIndent(s, "", "  ")
}

// Parse decodes a state file. It refuses what it cannot trust (another format version, unknown
// fields, trailing data, no tabs); it cuts more than MaxTabs tabs and clamps the active index
// and positions, so whatever it returns can be restored as is.
func Parse(data []byte) (State, error) {
	var s State
	if len(data) > maxFileSize {
		return s, fmt.Errorf("larger than %d MiB", maxFileSize>>20)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return State{}, fmt.Errorf("not a tabs file: %w", err)
	}
	if dec.More() {
		return State{}, errors.New("not a tabs file: data after the JSON object")
	}
	if s.Version != FormatVersion {
		return State{}, fmt.Errorf("format version %d, want %d", s.Version, FormatVersion)
	}
	if len(s.Tabs) == 0 {
		return State{}, errors.New("no tabs")
	}
	if len(s.Tabs) > MaxTabs {
		s.Tabs = s.Tabs[:MaxTabs]
	}
	s.Active = min(max(s.Active, 0), len(s.Tabs)-1)
	for i := range s.Tabs {
		s.Tabs[i].QueryCursor = s.Tabs[i].QueryCursor.clamped()
		s.Tabs[i].VariablesCursor = s.Tabs[i].VariablesCursor.clamped()
	}
	return s, nil
}

// clamped keeps positions in range (the editor clamps them to its text in turn).
func (c Cursor) clamped() Cursor {
	return Cursor{Line: max(c.Line, 1), Column: max(c.Column, 1), Top: max(c.Top, 0)}
}
