// Package prompt holds the two small modal dialogs the explorer asks questions with: Input, a
// one-line text prompt that validates before it answers (a query's name when saving, renaming or
// duplicating), and Choice, a question with a few keyed answers (delete? y/n; quit with unsaved
// changes: save / discard / cancel; a file changed on disk: overwrite / reload / save as / cancel).
//
// Both answer with a message carrying the ID they were built with; the ID's type names the
// owner (see ID), so the root can route the answer and the owner can tell which question it
// belongs to, and an answer to a dialog it has since closed is dropped. Each
// answers at most once. Both draw a centred box: View places it on an otherwise empty screen of
// the size given to SetSize; Box returns the box alone, for Overlay to lay over another view.
package prompt
