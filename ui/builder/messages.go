package builder

import (
	"github.com/toggle-explorer/toggle-explorer/query/build"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// EditMsg asks the root to apply a builder change to the query editor as one undoable step,
// move its cursor to Cursor (a byte offset in the new text; -1 leaves it), and add Declared to
// the variables pane with placeholders.
type EditMsg struct {
	Edit build.Edit
	// Replaced is the text the edit replaces, so the root can check the editor still holds
	// what the builder edited.
	Replaced string
	Cursor   int
	Declared []build.Variable
}

// CloseMsg asks the root to close the builder (esc with nothing to cancel or clear): the one
// close request of every pane.
type CloseMsg = common.CloseMsg
