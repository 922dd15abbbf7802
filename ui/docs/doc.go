// Package docs is the schema docs browser (f3): the schema's root operations and every type
// grouped by kind on a home page, one page per type (fields with their arguments, types,
// defaults, descriptions and deprecations; enum values; input fields; interfaces and possible
// types), and a search box that is always focused, so typing searches types, fields and
// arguments at once.
//
// Navigation uses keys a search box does not need: the arrows and page keys move the selection,
// enter follows the selected field's (or argument's) type, backspace on an empty search or
// alt+left goes back, ctrl+u clears the search, and esc asks the root to close the browser at once
// (CloseMsg), whatever is typed: esc closes an overlay everywhere. A breadcrumb shows the way taken (Query › Cards › CardPage › Card).
//
// The model reads an immutable *schema.Schema and does no I/O. Every description is server text:
// it passes display.Line line by line before it is wrapped to the width.
package docs
