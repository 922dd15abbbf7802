package common

import tea "github.com/charmbracelet/bubbletea"

// ErrorMsg reports a failure for the notice line, which shows "✗ What: Err" (or "✗ Err" without
// What) until another notice replaces it. It is the one way any pane or the root reports an
// error to the user. Err's text must already be free of secrets; the root escapes it for the
// terminal.
type ErrorMsg struct {
	// What names what failed, in a few words ("not saved", "copy as curl failed"); optional.
	What string
	Err  error
}

// Tone is how an InfoMsg reads: plain information, a success or a warning.
type Tone int

// The tones of an InfoMsg, each with its mark and colour in the notice line.
const (
	Info    Tone = iota // plain: "fetching the schema again…"
	Success             // "✓ saved balance"
	Warning             // "⚠ history not written: …"
)

// InfoMsg reports news for the notice line, shown for a few seconds. It is the one way any pane
// or the root reports something other than an error. Text is escaped for the terminal by the
// root; the mark (✓, ⚠) is added from Tone.
type InfoMsg struct {
	Text string
	Tone Tone
}

// ReportError returns a command that reports err.
func ReportError(err error) tea.Cmd { return func() tea.Msg { return ErrorMsg{Err: err} } }

// ReportInfo returns a command that reports text as plain information.
func ReportInfo(text string) tea.Cmd { return func() tea.Msg { return InfoMsg{Text: text} } }
