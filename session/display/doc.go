// Package display turns values from outside the program into text fit for a
// terminal: escaped server text, durations, sizes.
//
// Every pane and command formats durations and sizes here, so that a request
// that took "1.2s" in the results pane took "1.2s" in the inspector, the
// history and the CLI too. It is a leaf: it imports only the standard library.
package display
