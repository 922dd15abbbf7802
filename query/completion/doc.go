// Package completion suggests what may be typed at a cursor in a possibly
// incomplete GraphQL document, from a loaded schema: fields, arguments, enum
// values, input fields, variables, fragments, types, keywords and directives.
//
// The package must never import Bubble Tea, lipgloss or chroma.
package completion
