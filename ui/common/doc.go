// Package common holds what every pane of the explorer shares: the read-only context the root
// model passes down (size, styles, theme, the current time from the tick), the chrome styles built
// from a theme, and the error and info messages that any component may report.
package common
