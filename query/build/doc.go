// Package build edits GraphQL documents the way a query builder does: it adds and removes a
// field path in the operation under the cursor, sets arguments (literal values or variables,
// declaring each variable with the type its position needs) and reports what an operation
// already selects, including through fragments.
//
// Every change is an Edit: one byte range of the old text and its replacement, so the editor
// applies it as one small undoable step and everything else the user wrote (formatting,
// comments, other operations, fragments, aliases) stays as it was. Positions come from
// gqlparser's AST (code-point offsets, converted to bytes here) and from its lexer for what the
// AST does not record (braces, parentheses, commas).
//
// The package never imports Bubble Tea, lipgloss or chroma.
package build
