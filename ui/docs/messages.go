package docs

import "github.com/toggle-explorer/toggle-explorer/ui/common"

// CloseMsg asks the root to close the docs browser (esc with an empty search on the home page):
// the one close request of every pane.
type CloseMsg = common.CloseMsg

// RefreshMsg asks the root to fetch the schema again (ctrl+f in the browser).
type RefreshMsg struct{}
