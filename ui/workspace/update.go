package workspace

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// Update handles the workspace's keys and messages.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m, cmd, ok := m.updateAssist(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case RunFinishedMsg:
		prev := m.resultOf
		m = m.finish(msg)
		// A filter on show carries over to the new response of the same operation (a new page,
		// a re-run); written for another operation's shape it would only fail or mislead.
		if m.resultOf != prev {
			m.results = m.results.ForgetFilter()
		}
		if msg.rest != nil && m.results.Document() == msg.Doc {
			// The first lines are on show; a filter resumes on the whole document.
			return m, prepareRestCmd(msg.ID, msg.rest)
		}
		cmd := m.results.ResumeFilter()
		return m, cmd
	case DocumentReadyMsg:
		if cur := m.results.Document(); cur != nil && cur.Partial() && msg.ID == m.lastID {
			m.results = m.results.ReplaceDocument(msg.Doc)
			return m, m.results.ResumeFilter()
		}
		return m, nil
	case results.PageMsg:
		return m.gotoPage(msg.Page)
	case results.JumpToErrorMsg:
		// e and E step through the errors from the results pane: the editor's cursor follows,
		// the focus stays, so the next e is another step rather than a letter typed in the query.
		return m.showInEditor(msg.Line, msg.Column), nil
	case results.SearchFinishedMsg:
		var cmd tea.Cmd
		m.results, cmd = m.results.Update(msg)
		return m, cmd
	case spinner.TickMsg:
		if m.running == nil {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.results, cmd = m.results.Update(msg)
	return m, cmd
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	// While the popup is open, tab and esc mean accept and close, not next pane and cancel.
	if m.focus == PaneEditor && m.popup.Visible() {
		var cmd tea.Cmd
		var handled bool
		if m.popup, cmd, handled = m.popup.Update(msg); handled {
			return m, cmd
		}
	}
	switch {
	case m.focus == PaneEditor && key.Matches(msg, m.popup.KeyMap.Trigger):
		return m.openCompletion(), nil
	case m.focus == PaneEditor && key.Matches(msg, m.keys.Prettify):
		var cmd tea.Cmd
		m, cmd, m.note = m.prettify()
		return m, cmd
	case key.Matches(msg, m.keys.Run):
		m.popup = m.popup.Close()
		return m.run()
	case key.Matches(msg, m.keys.Cancel) && m.running != nil && !m.results.InputFocused():
		return m.cancel(), nil
	case key.Matches(msg, m.keys.NextPane) && !m.results.InputFocused():
		return m.setFocus((m.focus + 1) % paneCount)
	case key.Matches(msg, m.keys.PrevPane) && !m.results.InputFocused():
		return m.setFocus((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, m.keys.JumpError):
		return m.jumpToFirstError(), nil
	}
	var cmd tea.Cmd
	switch m.focus {
	case PaneEditor:
		rev := m.editor.Revision()
		m.editor, cmd = m.editor.Update(msg)
		if m.popup.Visible() {
			m = m.requery() // typing narrows (or closes) the list
		}
		if m.editor.Revision() != rev {
			var lint tea.Cmd
			m, lint = m.textChanged()
			cmd = tea.Batch(cmd, lint)
		}
	case PaneVariables:
		m.vars, cmd = m.vars.Update(msg)
		m.checkVariables()
	case PaneHeaders:
		m.hdrs, cmd = m.hdrs.Update(msg)
		m.checkHeaders()
	case PaneResults:
		m.results, cmd = m.results.Update(msg)
	}
	return m, cmd
}

// setFocus moves the keyboard to pane p, blurring the others and passing on Focus's command.
func (m Model) setFocus(p Pane) (Model, tea.Cmd) {
	m.popup = m.popup.Close()
	m.editor = m.editor.Blur()
	m.vars = m.vars.Blur()
	m.hdrs = m.hdrs.Blur()
	m.results.Blur()
	m.focus = p
	var cmd tea.Cmd
	switch p {
	case PaneEditor:
		m.editor, cmd = m.editor.Focus()
	case PaneVariables:
		m.vars, cmd = m.vars.Focus()
	case PaneHeaders:
		m.hdrs, cmd = m.hdrs.Focus()
	case PaneResults:
		cmd = m.results.Focus()
	}
	return m, cmd
}

// run checks the document and variables and, when they are fine, sends the request.
func (m Model) run() (Model, tea.Cmd) {
	if m.running != nil {
		return m, nil
	}
	p, problem, diags := m.prepare()
	m.editor = m.editor.SetDiagnostics(diags)
	if problem != nil {
		// The pane now shows why nothing was sent, no longer any operation's response.
		m.resultOf, m.resultStale = "", false
		m.results = m.results.SetDocument(problem)
		return m, nil
	}
	confirmed := m.confirmed
	m.confirmed = false
	if m.profile.Protected && p.op.Kind == query.Mutation && !confirmed {
		// Money moves: the root asks the user to type the profile's name first.
		return m, confirmCmd(m.profile, p)
	}
	m.lastID++
	ctx, cancel := context.WithCancel(context.Background())
	m.running = &inflight{id: m.lastID, cancel: cancel, started: m.ctx.Now, op: p.opLabel}
	m.results.SetLoading(true)
	return m, tea.Batch(runCmd(ctx, m.sess, m.history, m.profile.Name, m.lastID, p), m.spinner.Tick)
}

// cancel stops the request in flight; its result, when it arrives, only says it was cancelled.
func (m Model) cancel() Model {
	m.running.cancel()
	return m
}

// finish shows a finished request, unless a newer one started since.
func (m Model) finish(msg RunFinishedMsg) Model {
	if m.running == nil || msg.ID != m.running.id {
		return m
	}
	m.running.cancel()
	m.resultOf, m.resultStale = m.running.op, false
	m.running = nil
	last := msg.Last
	m.last = &last
	m.results = m.results.SetDocument(msg.Doc)
	return m
}

// jumpTo moves the editor's cursor to a position from an error and focuses it.
func (m Model) jumpTo(line, col int) Model {
	if line <= 0 {
		return m
	}
	m = m.showInEditor(line, col)
	m, _ = m.setFocus(PaneEditor)
	return m
}

// showInEditor moves the editor's cursor to a position, leaving the focus where it is.
func (m Model) showInEditor(line, col int) Model {
	if line > 0 {
		m.editor = m.editor.GotoLine(line, max(1, col))
	}
	return m
}

// jumpToFirstError goes to the next problem the editor underlines (after the cursor, wrapping),
// or, when there is none, to the first located error of the shown response.
func (m Model) jumpToFirstError() Model {
	if diags := m.editor.Diagnostics(); len(diags) > 0 {
		line, col := m.editor.Cursor()
		next := diags[0]
		for _, d := range diags {
			if d.Line > line || d.Line == line && d.Column > col {
				next = d
				break
			}
		}
		return m.jumpTo(next.Line, next.Column)
	}
	doc := m.results.Document()
	if doc == nil {
		return m
	}
	for _, e := range doc.Meta().Errors {
		if e.Line > 0 {
			return m.jumpTo(e.Line, e.Column)
		}
	}
	return m
}

// checkVariables parses the variables as the user types and underlines a JSON error.
func (m *Model) checkVariables() {
	_, err := query.ParseVariablesJSON(m.vars.Value())
	m.varsProblem = ""
	var diags []editor.Diagnostic
	if jerr, ok := err.(*query.JSONError); ok {
		m.varsProblem = jerr.Error()
		diags = []editor.Diagnostic{{Line: jerr.Line, Column: jerr.Column, Message: jerr.Message}}
	} else if err != nil {
		m.varsProblem = err.Error()
	}
	m.vars = m.vars.SetDiagnostics(diags)
}

// handleMouse sends wheel events to the pane under the pointer and focuses a clicked pane.
func (m Model) handleMouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	p, x, y, ok := m.layout.hit(msg.X, msg.Y)
	if !ok {
		return m, nil
	}
	var cmd tea.Cmd
	switch {
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft:
		m, cmd = m.setFocus(p)
		switch p {
		case PaneEditor:
			m.editor = m.editor.ClickAt(x, y)
		case PaneVariables:
			m.vars = m.vars.ClickAt(x, y)
		case PaneHeaders:
			m.hdrs = m.hdrs.ClickAt(x, y)
		}
	case p == PaneEditor:
		m.editor, cmd = m.editor.Update(msg)
	case p == PaneVariables:
		m.vars, cmd = m.vars.Update(msg)
	case p == PaneHeaders:
		m.hdrs, cmd = m.hdrs.Update(msg)
	case p == PaneResults:
		m.results, cmd = m.results.Update(msg)
	}
	return m, cmd
}
