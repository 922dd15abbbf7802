// Package results is the results pane: it shows a GraphQL response (status
// line, the errors list, an Unauthorized diagnosis and the body) and stays
// fast on very large bodies.
//
// The work is split so the UI goroutine never touches the whole body:
//
//   - [Prepare] runs once per response inside a tea.Cmd. One pass
//     validates and pretty-prints JSON into a pre-sized buffer (output
//     identical to json.Indent) and records where each line starts (an
//     []int32, no per-line strings).
//   - [Model.View] renders only the visible lines. JSON is coloured by a
//     single-pass byte lexer with precomputed ANSI prefixes, not chroma,
//     which is two orders of magnitude slower on JSON.
//   - Search runs in a tea.Cmd over the pretty bytes and stores offsets.
//   - Folding maps rows to lines through a structure index (matching
//     brackets, child counts, depths per line) built once, in a tea.Cmd, on
//     the first fold; nothing is re-indented (structure.go, fold.go).
//   - The jq filter (gojq, via query/jq) runs in a tea.Cmd, debounced and
//     cancellable; its outputs become a Document of their own (filter.go).
//   - The table view, copy/export, paging and compare read the same pretty
//     lines and structure index (tableview.go, copy.go, save.go, diff.go).
//
// Everything that came from the server is escaped before it reaches the
// terminal (see display.Line and escapeRune).
package results
