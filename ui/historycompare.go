package ui

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// Comparing with a history entry: f4, select, ctrl+d. The entry's kept response is read and
// prepared in a command (a body of up to a mebibyte, never in Update), then the results pane
// compares the response on show with it, as D compares with the previous one.

// historyResponseMsg carries a history entry's kept response, prepared for comparing.
type historyResponseMsg struct {
	doc     *results.Document
	against string // names the entry in the comparison's summary
	err     error
}

// compareWithHistory starts reading entry's kept response, once there is a JSON response on show
// to compare it with; otherwise it says why not and leaves the browser open.
func (m *Model) compareWithHistory(entry history.Entry) tea.Cmd {
	if doc := m.workspace.Results().Document(); !m.hasWorkspace || doc == nil || !doc.IsJSON() {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "nothing to compare with: run a query first (the comparison needs a JSON response on show)"})
		return nil
	}
	h := m.opts.History
	against := entry.Operation
	if against == "" {
		against = "the " + entry.OperationKind
	}
	against += " of " + when(entry.Time, m.ctx.Now)
	return func() tea.Msg {
		body, err := h.Response(entry)
		if err != nil {
			return historyResponseMsg{err: err}
		}
		return historyResponseMsg{doc: results.Prepare(body, results.Meta{Status: entry.Status}), against: against}
	}
}

// showHistoryComparison closes the browser and shows the comparison in the results pane, or
// reports why there is none.
func (m *Model) showHistoryComparison(msg historyResponseMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, history.ErrNoResponse) {
			m.report(common.InfoMsg{Tone: common.Warning, Text: msg.err.Error()})
		} else {
			m.report(common.ErrorMsg{What: "cannot compare", Err: msg.err})
		}
		return nil
	}
	ws, cmd, ok := m.workspace.CompareResults(msg.doc, msg.against)
	if !ok {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "nothing to compare: the kept response or the one on show is not JSON"})
		return nil
	}
	m.workspace = ws
	m.closeOverlay()
	return cmd
}

// when is an entry's time, short enough for the results footer: "15:04:05" on now's day, else
// "Jan 2 15:04".
func when(t, now time.Time) string {
	t = t.In(now.Location())
	ty, tm, td := t.Date()
	ny, nm, nd := now.Date()
	if ty == ny && tm == nm && td == nd {
		return t.Format("15:04:05")
	}
	return t.Format("Jan 2 15:04")
}
