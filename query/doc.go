// Package query handles GraphQL documents and their variables before anything
// is sent: syntax checks with line:col errors, picking one operation out of a
// multi-operation document, reducing the document to that operation and the
// fragments it uses, formatting, and parsing, merging, masking and checking
// variables.
//
// The reduction exists because machinebox/graphql sends only "query" and
// "variables", never "operationName": a server given several operations cannot
// tell which one to run, so the explorer sends exactly one.
//
// Positions: lines and columns are 1-based and columns count Unicode code
// points (as gqlparser and the editor do); offsets are byte offsets into
// Document.Text.
//
// The subpackages build on it: saved (the library of saved queries), history
// (the execution history), schema (loading, validation, docs) and completion
// (suggestions at the cursor).
//
// The package must never import Bubble Tea, lipgloss or chroma: the headless
// commands use it too.
package query
