package complete

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// LintDelay is how long typing must pause before the document is validated.
// Parsing a 2,000-line document costs about 2 ms, more than half the
// keystroke budget (performance.md), so validation never runs on the key
// itself; a short pause keeps underlines from flickering while a name is
// half typed, yet arrives before the eye leaves the line.
const LintDelay = 150 * time.Millisecond

// LintRequestMsg is the debounce tick. Rev identifies the text as it was
// when it last changed (a Linter stamp); validation runs only if it still
// identifies the text when the tick fires, so a burst of typing is
// validated once, after it ends.
type LintRequestMsg struct {
	Rev uint64
}

// LintedMsg carries the diagnostics for the text Rev identifies. They are
// stale, and must be dropped, when the text changed since: a newer
// LintRequestMsg is then already on its way.
type LintedMsg struct {
	Rev         uint64
	Diagnostics []editor.Diagnostic
}

// Debounce returns a command that sends LintRequestMsg{Rev: rev} after d.
func Debounce(rev uint64, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return LintRequestMsg{Rev: rev} })
}

// LintCmd validates text against schema (nil: syntax only) off the UI
// goroutine and reports LintedMsg{Rev: rev}. text is a string and
// schema.Schema is immutable, so the closure shares nothing mutable with the
// model.
func LintCmd(schema *schema.Schema, text string, rev uint64) tea.Cmd {
	return func() tea.Msg {
		return LintedMsg{Rev: rev, Diagnostics: DiagnosticsFor(schema, text)}
	}
}

// Linter is the workspace's bookkeeping for validation as you type, a value
// kept in its Model. It stamps every change of the text with a number that
// only grows: editor.Revision cannot serve as the stamp by itself, because
// undo returns to an earlier revision (harmless) and SetValue starts the
// count again (not harmless: the diagnostics of the previous document could
// be taken for the new one's).
type Linter struct {
	// Delay is the pause before validating; zero means LintDelay.
	Delay time.Duration

	seen  uint64 // editor revision at the last change noticed
	stamp uint64 // stamp of the current text; 0 before the first change
}

// Changed notes the editor's revision after anything that may have edited
// the text (a key, a paste, an accepted completion). When it moved it
// starts a debounce for the new stamp; otherwise it returns a nil command.
func (l Linter) Changed(rev uint64) (Linter, tea.Cmd) {
	if rev == l.seen && l.stamp != 0 {
		return l, nil
	}
	return l.Reset(rev)
}

// Reset starts a debounce whatever the revision says: after SetValue (a
// loaded query), or when the schema arrived or changed, which the revision
// cannot show. rev is the editor's revision afterwards.
func (l Linter) Reset(rev uint64) (Linter, tea.Cmd) {
	l.seen = rev
	l.stamp++
	d := l.Delay
	if d <= 0 {
		d = LintDelay
	}
	return l, Debounce(l.stamp, d)
}

// Current reports whether a LintRequestMsg or LintedMsg stamp still
// describes the text: only then is validation worth running, or its result
// worth showing.
func (l Linter) Current(stamp uint64) bool { return stamp != 0 && stamp == l.stamp }
