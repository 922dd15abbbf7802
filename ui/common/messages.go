package common

import tea "github.com/charmbracelet/bubbletea"

// ErrorMsg reports an error for the notice line. Err's text must already be free of secrets.
type ErrorMsg struct{ Err error }

// InfoMsg reports a short piece of good news or information for the notice line.
type InfoMsg struct{ Text string }

// ReportError returns a command that reports err.
func ReportError(err error) tea.Cmd { return func() tea.Msg { return ErrorMsg{Err: err} } }

// ReportInfo returns a command that reports text.
func ReportInfo(text string) tea.Cmd { return func() tea.Msg { return InfoMsg{Text: text} } }
