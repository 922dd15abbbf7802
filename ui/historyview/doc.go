// Package historyview is the history browser, the overlay f4 opens: the recorded executions,
// newest first, with time, operation, outcome, duration and size; a filter (substring of the
// operation, endpoint or document); and a preview of the selected entry (document, variables as
// masked when recorded, endpoint, token fingerprint, error summary). From it the user re-runs an
// entry, loads it into the editors, or saves it as a query; the root does each of those.
//
// Reading the history is I/O: LoadCmd reads it and LoadedMsg brings it. Everything shown comes
// from a file, so all of it is sanitised before it reaches the terminal.
package historyview
