package complete

import (
	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// Complete asks s for the items at byte offset of text; its results fit
// Open and Refresh directly:
//
//	m.popup = m.popup.Open(complete.Complete(m.schema, text, offset))
//
// Without a schema (nil: not loaded yet) there is nothing to suggest.
func Complete(s *schema.Schema, text string, offset int) (prefix string, items []completion.Item) {
	if s == nil {
		return "", nil
	}
	return completion.Complete(s, text, offset)
}
