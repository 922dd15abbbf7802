package results

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// The write-to-file prompt: it asks a name, writes a new file, and asks
// before replacing one that exists.

// Prompt states.
const (
	saveOff     = iota
	saveName    // the name input has the keys
	saveConfirm // "replace it? y/n"
)

// openSave opens the name prompt for what data returns (called when the file is written, in a
// command), suggesting name.
func (m Model) openSave(data func() []byte, name, what string) (Model, tea.Cmd) {
	m.save, m.saveData, m.saveWhat = saveName, data, what
	m.table = m.table.SetSize(m.width, m.tableHeight())
	m.editSave().SetValue(name)
	m.editSave().CursorEnd()
	focus := m.editSave().Focus()
	return m, focus
}

// updateSave handles keys while the prompt is open.
func (m Model) updateSave(msg tea.KeyMsg) (Model, tea.Cmd) {
	if m.save == saveConfirm {
		switch {
		case key.Matches(msg, m.keys.ReplaceFile):
			return m, writeFileCmd(m.inputs.Get().save.Value(), m.saveData, true)
		case key.Matches(msg, m.keys.KeepFile):
			m.save = saveName // back to the name, to choose another
			focus := m.editSave().Focus()
			return m, focus
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.CancelWrite):
		m.closeSave()
		return m, nil
	case key.Matches(msg, m.keys.AcceptWrite):
		name := strings.TrimSpace(m.inputs.Get().save.Value())
		if name == "" {
			return m, nil
		}
		m.editSave().SetValue(name)
		m.editSave().Blur()
		return m, writeFileCmd(name, m.saveData, false)
	}
	var cmd tea.Cmd
	in := m.editSave()
	*in, cmd = in.Update(msg)
	return m, cmd
}

// closeSave drops the prompt and its data.
func (m *Model) closeSave() {
	m.save, m.saveData = saveOff, nil
	m.editSave().Blur()
	m.table = m.table.SetSize(m.width, m.tableHeight())
}

// fileWritten reports a write, or asks before replacing an existing file.
func (m Model) fileWritten(msg fileWrittenMsg) (Model, tea.Cmd) {
	if msg.exists && m.saveData != nil && msg.path == m.inputs.Get().save.Value() {
		m.save = saveConfirm
		return m, nil
	}
	what := m.saveWhat
	m.closeSave()
	if msg.err != nil {
		return m, common.ReportError(msg.err)
	}
	if msg.exists {
		return m, nil
	}
	return m, common.ReportInfo("wrote " + what + " to " + display.Line(msg.path) + " (" + display.Size(int64(msg.size)) + ")")
}

// saveKeys are the prompt's keys for help while it is open (nil when closed): the pane's own
// letters are text there.
func (m Model) saveKeys() []key.Binding {
	switch m.save {
	case saveName:
		return []key.Binding{m.keys.AcceptWrite, m.keys.CancelWrite}
	case saveConfirm:
		return []key.Binding{m.keys.ReplaceFile, m.keys.KeepFile}
	}
	return nil
}

// saveLine is the prompt's footer line.
func (m Model) saveLine() string {
	if m.save == saveConfirm {
		return m.styles.Note.Render(display.Line(m.inputs.Get().save.Value()) + " exists; replace it? y/n")
	}
	return m.inputs.Get().save.View()
}
