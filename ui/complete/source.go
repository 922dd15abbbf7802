package complete

import "github.com/toggle-explorer/toggle-explorer/query"

// Complete asks schema for the items at byte offset of text; its results fit
// Open and Refresh directly:
//
//	m.popup = m.popup.Open(complete.Complete(m.schema, text, offset))
//
// Without a schema (nil: not loaded yet) there is nothing to suggest.
func Complete(schema *query.Schema, text string, offset int) (prefix string, items []query.Completion) {
	if schema == nil {
		return "", nil
	}
	return schema.Complete(text, offset)
}
