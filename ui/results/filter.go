package results

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/jq"
)

// The jq filter line: it applies a jq expression (gojq) to the response as
// you type. Runs happen in commands: a keystroke schedules one after a
// short pause (FilterDebounce), cancels the run in flight, and results of
// an outdated expression are dropped by their id. esc returns to the whole
// response.

// FilterDebounce is how long the filter waits after a keystroke before it
// runs: long enough not to start a 20 MB run per letter typed.
const FilterDebounce = 150 * time.Millisecond

// maxFilterOutputs caps the values a filter may produce for display.
const maxFilterOutputs = 100_000

// filterTickMsg fires FilterDebounce after an edit of the filter line.
type filterTickMsg struct{ id int }

// FilterFinishedMsg carries a filter's result from its command. The app
// routes it back to the results pane; results of an outdated expression or
// document are dropped.
type FilterFinishedMsg struct {
	id  int
	src *Document // the unfiltered document the filter ran on
	doc *Document // the outputs, ready to show; nil on error
	err error
}

// SetFilterDebounce sets the pause between a filter edit and its run
// (FilterDebounce by default; tests use 0 to run at once).
func (m *Model) SetFilterDebounce(d time.Duration) { m.debounce = d }

// Filtered reports whether a filter is applied, and its expression.
func (m Model) Filtered() (expr string, on bool) { return m.filterExpr, m.orig != nil }

// source is the unfiltered document: what the response was.
func (m Model) source() *Document {
	if m.orig != nil {
		return m.orig
	}
	return m.doc
}

// openFilter opens the filter line with the current expression.
func (m Model) openFilter() (Model, tea.Cmd) {
	if m.doc == nil || !m.source().json {
		return m, nil
	}
	m.filtering = true
	m.editFilter().SetValue(m.filterExpr)
	m.editFilter().CursorEnd()
	focus := m.editFilter().Focus()
	return m, focus
}

// updateFilterInput handles keys while the filter line is open.
func (m Model) updateFilterInput(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.AcceptFilter):
		m.filtering = false
		m.editFilter().Blur()
		if m.inputs.Get().filter.Value() == "" {
			m.clearFilter()
		}
		return m, nil
	case key.Matches(msg, m.keys.CancelFilter):
		m.filtering = false
		m.editFilter().Blur()
		m.clearFilter()
		return m, nil
	}
	before := m.inputs.Get().filter.Value()
	var cmd tea.Cmd
	in := m.editFilter()
	*in, cmd = in.Update(msg)
	expr := m.inputs.Get().filter.Value()
	if expr == before {
		return m, cmd
	}
	m.stopFilter()
	m.filterID++
	if expr == "" {
		m.filterErr = ""
		m.restoreSource()
		return m, cmd
	}
	// Parsing takes microseconds: errors show as you type, not after the pause.
	if _, err := jq.Compile(expr); err != nil {
		m.filterErr = "jq: " + err.Error()
		return m, cmd
	}
	m.filterErr = ""
	if m.debounce <= 0 {
		return m, tea.Batch(cmd, m.startFilter(expr))
	}
	id := m.filterID
	return m, tea.Batch(cmd, tea.Tick(m.debounce, func(time.Time) tea.Msg { return filterTickMsg{id: id} }))
}

// startFilter returns the command that runs expr on the unfiltered
// document, and remembers how to cancel it.
func (m *Model) startFilter(expr string) tea.Cmd {
	f, err := jq.Compile(expr)
	if err != nil {
		m.filterErr = "jq: " + err.Error()
		return nil
	}
	src := m.source()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancelFilter = cancel
	m.filterBusy = true
	m.syncKeys()
	id := m.filterID
	meta := src.meta
	return func() tea.Msg {
		defer cancel()
		out, capped, err := src.jqInput().Run(ctx, f, maxFilterOutputs)
		if err != nil {
			return FilterFinishedMsg{id: id, src: src, err: err}
		}
		pieces := make([][]byte, len(out))
		for i, v := range out {
			if pieces[i], err = jq.Marshal(v); err != nil {
				return FilterFinishedMsg{id: id, src: src, err: err}
			}
		}
		note := ""
		if capped {
			note = "jq: showing the first " + groupThousands(maxFilterOutputs) + " outputs"
		}
		return FilterFinishedMsg{id: id, src: src, doc: prepareValues(pieces, meta, note), err: nil}
	}
}

// applyFilter installs a filter's result unless it is outdated.
func (m *Model) applyFilter(msg FilterFinishedMsg) {
	if msg.id != m.filterID || msg.src != m.source() {
		return
	}
	m.filterBusy, m.cancelFilter = false, nil
	m.syncKeys()
	if msg.err != nil {
		if !errors.Is(msg.err, context.Canceled) {
			m.filterErr = "jq: " + msg.err.Error()
		}
		return
	}
	m.filterErr = ""
	if m.orig == nil {
		m.orig = m.doc
	}
	m.filterExpr = m.inputs.Get().filter.Value()
	m.outputs = countValues(msg.doc)
	m.show(msg.doc)
}

// countValues is the number of top-level values in a prepared outputs
// document (its lines at depth 0 that start a value).
func countValues(d *Document) int {
	n := 0
	for i := range d.LineCount() {
		if l := d.Line(i); len(l) > 0 && l[0] != ' ' && l[0] != '}' && l[0] != ']' {
			n++
		}
	}
	return n
}

// stopFilter cancels the run in flight, if any.
func (m *Model) stopFilter() {
	if m.cancelFilter != nil {
		m.cancelFilter()
		m.cancelFilter = nil
	}
	m.filterBusy = false
}

// clearFilter drops the filter and shows the whole response again.
func (m *Model) clearFilter() {
	m.stopFilter()
	m.filterID++
	m.filterExpr, m.filterErr, m.outputs = "", "", 0
	m.editFilter().SetValue("")
	m.restoreSource()
}

// restoreSource shows the unfiltered document again.
func (m *Model) restoreSource() {
	if m.orig != nil {
		d := m.orig
		m.orig = nil
		m.show(d)
	}
}

// show puts d on screen with fresh scroll, folds and search, keeping the
// filter state (unlike SetDocument, which starts over).
func (m *Model) show(d *Document) {
	m.doc = d
	m.diff = nil
	m.top, m.cur, m.x0 = 0, 0, 0
	m.folds = nil
	m.clearSearch()
	m.syncKeys()
	m.clampScroll()
}

// filterCountRoom is the width (cells) the filter line keeps free for filterCount's
// longest text and the two spaces before it.
const filterCountRoom = 24 // "  filtering… (esc stops)"

// filterCount is the filter's state for the footer: "3 outputs", or
// "filtering…" while a run is in flight; "" without a filter.
func (m Model) filterCount() string {
	switch {
	case m.filterBusy:
		return "filtering… (esc stops)"
	case m.orig == nil:
		return ""
	case m.outputs == 1:
		return "1 output"
	}
	return groupThousands(m.outputs) + " outputs"
}

// ForgetFilter drops the filter SetDocument kept for ResumeFilter: the parent calls it when the
// new document answers another operation, whose shape the filter was not written for.
func (m Model) ForgetFilter() Model {
	m.resume = ""
	return m
}

// ResumeFilter applies the filter that was on show before SetDocument to
// the new document (the next page, a re-run), returning the command that
// runs it; nil when there was none. The parent calls it right after
// SetDocument: SetDocument itself returns no command.
func (m *Model) ResumeFilter() tea.Cmd {
	expr := m.resume
	m.resume = ""
	if expr == "" || m.doc == nil || !m.doc.json {
		return nil
	}
	m.editFilter().SetValue(expr)
	m.filterExpr = expr
	m.filterID++
	return m.startFilter(expr)
}
