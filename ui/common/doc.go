// Package common holds what every pane of the explorer shares: the read-only context the root
// model passes down (size, styles, theme, the current time from the tick), the chrome styles built
// from a theme, the pane contract (Pane, AnyPane: Update, View, Help, SetSize, value setters),
// list navigation (ListKeys, ListCursor), and the one typed pair of messages any pane reports
// errors and news with (ErrorMsg, InfoMsg).
package common
