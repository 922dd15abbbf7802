package picker

import (
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// ListedMsg carries a listing of the library.
type ListedMsg struct {
	// Entries are the saved queries, sorted by name.
	Entries []saved.Entry
	// Err says why the directory could not be listed.
	Err error
	// Seq numbers the picker's request; a listing older than the last one applied is dropped
	// (it may predate a rename). ListCmd leaves it 0, which a picker takes only until it has
	// applied a listing of its own.
	Seq int
}

// PreviewMsg carries one saved query read for the preview, cut to what a preview can show.
type PreviewMsg struct {
	// Name is the query asked for.
	Name string
	// Saved is what was read (Text and Variables cut to previewMaxLines lines).
	Saved saved.Query
	// Err says why it could not be read.
	Err error
	// Gen is the listing generation the preview was asked in: a preview asked before the last
	// listing was applied may show a file since renamed or deleted, and is dropped. PreviewCmd
	// leaves it 0.
	Gen int
}

// OpenMsg asks the root to load a saved query into the editors. The picker has already read it
// (variables included); Saved.Version is what a later Save must pass, and Saved.Warning explains
// a document or variables file that does not parse (it opens as text all the same).
type OpenMsg struct {
	// Name is the query's name.
	Name string
	// Saved is the query as read when the user pressed enter.
	Saved saved.Query
	// Operation is the operation chosen with tab in a multi-operation query ("" when there was
	// no choice): the editor's cursor goes to it, so ctrl+r runs it.
	Operation string
}

// ChangedMsg reports a rename, duplicate or delete, and carries the listing read after it.
type ChangedMsg struct {
	// Note says what was done ("Renamed "a" to "b""); "" when Err is set.
	Note string
	// Err says why the change failed; nothing was changed.
	Err error
	// Select is the name to select in the new listing ("" keeps the position).
	Select string
	// Entries and ListErr are the listing read after the change (or after the failure: it may
	// have failed because another program changed the directory).
	Entries []saved.Entry
	ListErr error
	// Seq numbers the picker's request, as in ListedMsg. The command builders leave it 0.
	Seq int
}

// CloseMsg asks the root to close the picker: the one close request of every pane.
type CloseMsg = common.CloseMsg

// openFailedMsg says the query chosen could not be read (it was deleted or became unreadable
// since the listing); the picker shows why and lists again.
type openFailedMsg struct {
	name string
	err  error
}
