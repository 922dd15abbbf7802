package workspace

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// CompareResults compares the response on show with base, an earlier response that against
// names (e.g. a history entry's), and moves the keyboard to the results pane where the changes
// are highlighted (D ends the comparison). ok is false, and nothing changes, when either is not
// a JSON response.
func (m Model) CompareResults(base *results.Document, against string) (_ Model, _ tea.Cmd, ok bool) {
	r, cmd, ok := m.results.CompareWith(base, against)
	if !ok {
		return m, nil, false
	}
	m.results = r
	m, focus := m.setFocus(PaneResults)
	return m, tea.Batch(cmd, focus), true
}
