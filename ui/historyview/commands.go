package historyview

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/toggle-explorer/toggle-explorer/query/history"
)

// LoadCmd reads up to limit entries of the history, newest first (limit <= 0: all).
func LoadCmd(h *history.Log, limit int) tea.Cmd {
	return func() tea.Msg {
		entries, warnings, err := h.Load(limit)
		return LoadedMsg{Entries: entries, Warnings: warnings, Err: err}
	}
}
