package picker

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// Update handles keys (the open prompt's first, then the picker's, then the filter field's) and
// the results of the picker's commands.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ListedMsg:
		return m.applyListing(msg.Seq, msg.Entries, msg.Err, "")
	case ChangedMsg:
		// The outcome is always reported, even when a newer listing makes this one stale.
		m.note, m.errText = msg.Note, errorText(msg.Err)
		return m.applyListing(msg.Seq, msg.Entries, msg.ListErr, msg.Select)
	case PreviewMsg:
		return m.applyPreview(msg)
	case openFailedMsg:
		m.errText = fmt.Sprintf("cannot open %q: %v", msg.name, msg.err)
		m.seq++ // it probably vanished: list again
		return m, m.listCmd(m.seq)
	case prompt.InputSubmittedMsg:
		if m.dialog.open() && msg.ID == m.dialog.id {
			return m.answer(true, msg.Value)
		}
		return m, nil
	case prompt.InputCancelledMsg:
		if m.dialog.open() && msg.ID == m.dialog.id {
			return m.answer(false, "")
		}
		return m, nil
	case prompt.ChoiceMsg:
		if m.dialog.open() && msg.ID == m.dialog.id {
			return m.answer(true, msg.Key)
		}
		return m, nil
	case tea.KeyMsg:
		if m.dialog.open() {
			var cmd tea.Cmd
			m.dialog, cmd = m.dialog.update(msg)
			return m, cmd
		}
		return m.handleKey(msg)
	}
	if m.dialog.open() {
		var cmd tea.Cmd
		m.dialog, cmd = m.dialog.update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	return m, cmd
}

// handleKey applies the picker's keys; any other key edits the filter. A key press clears the
// last note or error: it has been seen.
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	m.note, m.errText = "", ""
	switch {
	case key.Matches(msg, m.keys.Close):
		return m, func() tea.Msg { return CloseMsg{} }
	case key.Matches(msg, m.keys.ListKeys.Bindings()...):
		delta, _ := m.keys.Delta(msg, m.listRows()-1) // a page keeps one row of context
		return m.move(delta).selectionMoved()
	case key.Matches(msg, m.keys.Open):
		if name, ok := m.Selected(); ok {
			return m, openCmd(m.lib, name, m.chosenOperation())
		}
		return m, nil
	case key.Matches(msg, m.keys.NextOp):
		return m.cycleOperation(1), nil
	case key.Matches(msg, m.keys.PrevOp):
		return m.cycleOperation(-1), nil
	case key.Matches(msg, m.keys.Rename):
		return m.openDialog(renameDialog), nil
	case key.Matches(msg, m.keys.Duplicate):
		return m.openDialog(duplicateDialog), nil
	case key.Matches(msg, m.keys.Delete):
		return m.openDialog(deleteDialog), nil
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() == before {
		return m, cmd
	}
	// A new filter shows its best match first.
	m.list.Index = 0
	m, previewCmd := m.refilter("").selectionMoved()
	return m, tea.Batch(cmd, previewCmd)
}

// selectionMoved rebuilds the preview for the new selection and asks for it if it is not cached.
func (m Model) selectionMoved() (Model, tea.Cmd) {
	m.op = 0
	m, cmd := m.askPreview()
	return m.withPreviewViews(), cmd
}

// applyListing shows a listing unless a newer one is already shown. A new listing starts a new
// generation: cached previews, and previews still on their way, may describe files since
// renamed, deleted or changed, so they are dropped.
func (m Model) applyListing(seq int, entries []saved.Entry, err error, selectName string) (Model, tea.Cmd) {
	if seq < m.applied {
		return m, nil
	}
	m.applied = seq
	m.loaded = true
	m.loadErr = ""
	if err != nil {
		m.loadErr = err.Error()
	} else {
		m = m.setEntries(entries, selectName)
	}
	m.gen++
	m.previews = nil
	return m.selectionMoved()
}

// applyPreview caches a preview of the current generation and shows it if it is selected.
func (m Model) applyPreview(msg PreviewMsg) (Model, tea.Cmd) {
	if msg.Gen != m.gen {
		return m, nil
	}
	m = m.cachePreview(msg.Name, cached{saved: msg.Saved, err: msg.Err})
	return m.withPreviewViews(), nil
}

// askPreview asks for the selected query's preview unless it is cached or on its way (a pending
// entry marks the latter, so going back and forth asks once).
func (m Model) askPreview() (Model, tea.Cmd) {
	name, ok := m.Selected()
	if !ok {
		return m, nil
	}
	if _, cached := m.previews[name]; cached {
		return m, nil
	}
	m = m.cachePreview(name, cached{pending: true})
	return m, m.previewCmd()
}

// previewCmd reads the selected query's preview, tagged with the generation.
func (m Model) previewCmd() tea.Cmd {
	name, ok := m.Selected()
	if !ok || m.lib == nil {
		return nil
	}
	lib, gen := m.lib, m.gen
	return func() tea.Msg {
		msg := preview(lib, name)
		msg.Gen = gen
		return msg
	}
}

// listCmd lists the library as request seq.
func (m Model) listCmd(seq int) tea.Cmd {
	if m.lib == nil {
		return nil
	}
	lib := m.lib
	return func() tea.Msg {
		msg := list(lib)
		msg.Seq = seq
		return msg
	}
}

// errorText is err's text, or "" for nil.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// cycleOperation moves the operation choice of a multi-operation query.
func (m Model) cycleOperation(delta int) Model {
	e, ok := m.selectedEntry()
	if !ok || len(e.Operations) < 2 {
		return m
	}
	n := len(e.Operations)
	m.op = (m.op + delta + n) % n
	m.shown = previewKey{} // the header marks the chosen operation: draw it again
	return m.withPreviewViews()
}

// chosenOperation is the operation to open at ("" for a one-operation query: no choice to make).
func (m Model) chosenOperation() string {
	e, ok := m.selectedEntry()
	if !ok || len(e.Operations) < 2 || m.op >= len(e.Operations) {
		return ""
	}
	return e.Operations[m.op]
}
