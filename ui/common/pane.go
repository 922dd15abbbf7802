package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Pane is the contract every pane and overlay of the explorer keeps, after soft-serve's
// pkg/ui/common.Component: the login form, the workspace, the editor, the inspector, the
// saved-queries picker, the history, the docs browser. M is the pane's own model type:
//
//   - Update handles a message and returns the updated pane. No I/O and no blocking: work is done
//     in the returned command, and a pane talks to its owner only with messages.
//   - View draws the pane at its size, exactly width × height cells.
//   - Help returns the pane's keys as they stand (disabled bindings are left out of the help), so
//     the help line and the f1 screen list what works.
//   - SetSize gives the pane its size; like every setter of a pane, it returns the updated value
//     rather than changing the receiver, so a pane is only ever changed by assignment.
//
// A new pane (a query builder, another inspector tab, a results view) conforms by having these
// four methods on its model, all with value receivers, and says so beside them:
//
//	var _ common.Pane[Model] = Model{}
//
// A pane asks to be closed with CloseMsg; other requests to its owner are its own message types
// (OpenMsg, RerunMsg, ...); errors and news for the user go out as ErrorMsg and InfoMsg.
type Pane[M any] interface {
	Update(msg tea.Msg) (M, tea.Cmd)
	View() string
	Help() help.KeyMap
	SetSize(width, height int) M
}

// AnyPane is a Pane of any model type: what an owner holds when it does not care which pane it
// holds (the root's open overlay). Wrap makes one; Unwrap gets the model back.
type AnyPane interface {
	Update(msg tea.Msg) (AnyPane, tea.Cmd)
	View() string
	Help() help.KeyMap
	SetSize(width, height int) AnyPane
}

// Wrap holds m as an AnyPane.
func Wrap[M Pane[M]](m M) AnyPane { return wrapped[M]{m} }

// Unwrap returns the model p holds if it is an M.
func Unwrap[M Pane[M]](p AnyPane) (M, bool) {
	w, ok := p.(wrapped[M])
	return w.m, ok
}

// wrapped adapts a Pane[M] to AnyPane.
type wrapped[M Pane[M]] struct{ m M }

// Update updates the held pane and holds the result.
func (w wrapped[M]) Update(msg tea.Msg) (AnyPane, tea.Cmd) {
	m, cmd := w.m.Update(msg)
	return wrapped[M]{m}, cmd
}

// View draws the held pane.
func (w wrapped[M]) View() string { return w.m.View() }

// Help returns the held pane's keys.
func (w wrapped[M]) Help() help.KeyMap { return w.m.Help() }

// SetSize sizes the held pane and holds the result.
func (w wrapped[M]) SetSize(width, height int) AnyPane { return wrapped[M]{w.m.SetSize(width, height)} }

// CloseMsg is how any pane shown over another asks its owner to close it (esc at its top
// level). Each pane package names it CloseMsg too (an alias), so the owner needs one case for all.
type CloseMsg struct{}

// RefreshMsg tells the pane on show that what it displays from outside (the session's token and
// exchanges, the clock) may have moved: a pane showing live state reads it again, the others
// ignore it. The root sends it on each tick and session event.
type RefreshMsg struct{}
