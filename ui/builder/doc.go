// Package builder is the query builder: a tree of the schema's root types (Query, Mutation)
// whose fields, arguments and input objects expand, where space ticks a field into the
// operation under the editor's cursor and unticks it again. Every change is a small edit of
// the document (from query/build) handed to the root as an EditMsg, so the editor applies it as
// one undoable step and the user's formatting, comments, fragments and aliases stay.
//
// Typing filters the tree; no binding is a plain letter. Arguments are entered in a prompt at
// the bottom (enum and Boolean values are chosen from a list), and "$" turns an argument into a
// variable, declared in the operation and added to the variables pane.
package builder
