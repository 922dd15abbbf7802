package historyview

import (
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// LoadedMsg carries the history as read by LoadCmd.
type LoadedMsg struct {
	// Entries are newest first.
	Entries []history.Entry
	// Warnings describe damaged lines that were skipped and moved aside.
	Warnings []string
	// Err says why the history could not be read at all.
	Err error
}

// RerunMsg asks the root to load Entry into the editors and run it.
type RerunMsg struct{ Entry history.Entry }

// LoadMsg asks the root to load Entry into the editors without running it.
type LoadMsg struct{ Entry history.Entry }

// SaveAsMsg asks the root to save Entry's document and variables as a new saved query (it asks
// for the name).
type SaveAsMsg struct{ Entry history.Entry }

// CompareMsg asks the root to compare the response on show with Entry's kept response.
type CompareMsg struct{ Entry history.Entry }

// CloseMsg asks the root to close the browser: the one close request of every pane.
type CloseMsg = common.CloseMsg
