// Package saved is the library of saved queries: NAME.graphql files with an
// optional NAME.variables.json beside them, listed, loaded, saved (atomically,
// detecting changes made outside the program), renamed, duplicated and
// deleted; plus the starter collection installed into an empty library.
//
// The package must never import Bubble Tea, lipgloss or chroma.
package saved
