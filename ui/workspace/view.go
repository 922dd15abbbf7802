package workspace

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/complete"
)

// SetSize lays out the panes in width×height cells (the root has already taken the status bar,
// notice and help lines away).
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	m.layout = computeLayout(width, height)
	w, h := common.FrameInner(m.layout.editor.w, m.layout.editor.h)
	m.editor = m.editor.SetSize(w, h)
	m.popup = m.popup.SetMaxWidth(max(30, width*2/3))
	w, h = common.FrameInner(m.layout.vars.w, m.layout.vars.h)
	m.vars = m.vars.SetSize(w, h)
	w, h = common.FrameInner(m.layout.headers.w, m.layout.headers.h)
	m.hdrs = m.hdrs.SetSize(w, h)
	w, h = common.FrameInner(m.layout.results.w, m.layout.results.h)
	m.results = m.results.SetSize(w, h)
	return m
}

// View draws the three panes in their frames.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.Styles
	l := m.layout
	editorBox := common.Frame(st, m.editorTitle(), m.editor.View(), l.editor.w, l.editor.h, m.focus == PaneEditor)
	varsBox := common.Frame(st, m.varsTitle(), m.vars.View(), l.vars.w, l.vars.h, m.focus == PaneVariables)
	hdrsBox := common.Frame(st, m.headersTitle(), m.hdrs.View(), l.headers.w, l.headers.h, m.focus == PaneHeaders)
	// A frame's title has its width less six cells: the corners, a rule each side and a space each side.
	resultsBox := common.Frame(st, m.resultsTitle(l.results.w-6), m.results.View(), l.results.w, l.results.h, m.focus == PaneResults)
	var view string
	if l.results.x > 0 {
		left := lipgloss.JoinVertical(lipgloss.Left, editorBox, varsBox, hdrsBox)
		view = lipgloss.JoinHorizontal(lipgloss.Top, left, resultsBox)
	} else {
		side := lipgloss.JoinVertical(lipgloss.Left, varsBox, hdrsBox)
		top := lipgloss.JoinHorizontal(lipgloss.Top, editorBox, side)
		view = lipgloss.JoinVertical(lipgloss.Left, top, resultsBox)
	}
	if m.focus == PaneEditor && m.popup.Visible() {
		// Over the whole view, so the popup may spill over the other panes; +1, +1 is the
		// editor frame's border.
		if cx, cy := m.editor.CursorScreenPos(); cy >= 0 && cy < m.editor.Height() {
			view = complete.Overlay(view, l.editor.x+1+cx, l.editor.y+1+cy, m.popup.View())
		}
	}
	return view
}

func (m Model) editorTitle() string {
	title := m.editorBaseTitle()
	diags := m.editor.Diagnostics()
	if d, ok := m.editor.DiagnosticAtCursor(); ok {
		// The message may quote the document or the schema: escaped.
		if full := title + "  ✗ " + display.Line(d.Message); fitsTitle(full, m.layout.editor.w) {
			return full
		}
		title += "  ✗ see below"
	} else if len(diags) > 0 {
		// The count says there is something to look at; ctrl+g goes there.
		title += "  ✗ " + problems(len(diags)) + " (ctrl+g)"
	}
	return title
}

// editorBaseTitle is the query pane's title before any problem: name, unsaved mark, position.
func (m Model) editorBaseTitle() string {
	line, col := m.editor.Cursor()
	title := "Query"
	if m.saved.name != "" {
		title += " · " + display.Line(m.saved.name)
	}
	if m.Modified() {
		title += " ●" // unsaved changes
	}
	return title + fmt.Sprintf("  %d:%d", line, col)
}

func (m Model) varsTitle() string {
	if m.varsProblem != "" {
		if full := "Variables ✗ " + display.Line(m.varsProblem); fitsTitle(full, m.layout.vars.w) {
			return full
		}
		return "Variables ✗ see below"
	}
	return "Variables"
}

// fitsTitle reports whether title shows whole in the top edge of a pane w cells wide (Frame keeps
// a corner, a dash and a space on each side).
func fitsTitle(title string, w int) bool { return lipgloss.Width(title) <= w-6 }

// CutProblem is the message of the problem the focused pane points at (the query's under the
// cursor, or the variables' JSON error) when its title has no room for it whole: the root shows it
// on the notice line, which spans the terminal, instead of letting the title cut it.
func (m Model) CutProblem() string {
	switch m.focus {
	case PaneEditor:
		if d, ok := m.editor.DiagnosticAtCursor(); ok && !fitsTitle(m.editorBaseTitle()+"  ✗ "+display.Line(d.Message), m.layout.editor.w) {
			return display.Line(d.Message)
		}
	case PaneVariables:
		if m.varsProblem != "" && !fitsTitle("Variables ✗ "+display.Line(m.varsProblem), m.layout.vars.w) {
			return display.Line(m.varsProblem)
		}
	case PaneHeaders:
		if m.hdrsProblem != "" && !fitsTitle(m.headersTitle(), m.layout.headers.w) {
			return display.Line(m.hdrsProblem)
		}
	}
	return ""
}

// resultsTitle is the results pane's title, fitted to room cells where it can be: "Results of"
// goes first, so the status, size and error count are the last to be cut.
func (m Model) resultsTitle(room int) string {
	if m.running != nil {
		elapsed := m.ctx.Now.Sub(m.running.started)
		if m.running.started.IsZero() || elapsed < 0 {
			elapsed = 0
		}
		return fmt.Sprintf("Results  %s running %s… %s  (esc cancels)", m.spinner.View(), m.running.op, display.Duration(elapsed))
	}
	title := "Results"
	switch {
	case m.resultOf != "" && m.resultStale:
		title = "Results of " + m.resultOf + " (the previous query)"
	case m.resultOf != "":
		title = "Results of " + m.resultOf
	}
	if summary := m.results.Summary(); summary != "" {
		full := title + " · " + summary
		if short, ok := strings.CutPrefix(full, "Results of "); ok && lipgloss.Width(full) > room {
			return short
		}
		return full
	}
	return title
}

// problems is "1 problem" or "N problems".
func problems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
