package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// historyFile is the JSON-lines history of executions.
func (p paths) historyFile() string { return filepath.Join(p.State, "history.jsonl") }

// openLibrary returns the saved-queries library, installing the Toggle starter collection the
// first time (when the directory does not exist yet). It reports the names it installed.
func openLibrary(dir string) (*query.Library, []string, error) {
	lib := query.NewLibrary(dir)
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return lib, nil, nil
	}
	files, vars := query.ToggleStarter()
	installed, err := query.InstallStarter(lib, files, vars)
	return lib, installed, err
}

// historyEntry records one execution for the history. The history masks secrets itself; the
// document is the one sent and the token appears only as its fingerprint.
func historyEntry(endpoint string, op query.Operation, document string, vars map[string]any,
	sess *session.Session, started time.Time, res *session.Result, err error) query.HistoryEntry {
	sum := session.Summarize(res, err)
	e := query.HistoryEntry{
		Time: started, Endpoint: endpoint, Operation: op.Name, OperationKind: op.Kind.String(),
		Document: document, Variables: vars, Status: sum.Status, Outcome: sum.Outcome,
		DurationMS: sum.Duration.Milliseconds(), Size: sum.Size, ErrorSummary: sum.Error,
	}
	if tok, ok := sess.Token(); ok {
		e.TokenFingerprint = tok.Fingerprint
	}
	return e
}
