// Package history is the execution history: one JSON Lines file of what was
// sent where and what came back, appended to by several processes at once,
// rotated to a size bound, with secrets masked before anything is written and
// damaged lines quarantined instead of failing the load.
//
// The package must never import Bubble Tea, lipgloss or chroma.
package history
