package ui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// Editing the focused pane in $VISUAL/$EDITOR (alt+e): a command writes the text to a temporary
// file, the program suspends for the editor as git commit does, and the edited file comes back
// as an undoable change to the tab that asked, even if another tab is on show by then.

// editorReadyMsg says the temporary file is written and the editor can start.
type editorReadyMsg struct {
	tab  int
	pane workspace.Pane
	path string
	old  string
	err  error
}

// editedMsg carries the text back from the editor (err: the editor failed or the file could not
// be read; the text is then left as it was).
type editedMsg struct {
	tab  int
	pane workspace.Pane
	text string
	old  string
	err  error
}

// openInEditor starts an external edit of the focused query or variables.
func (m *Model) openInEditor() tea.Cmd {
	if m.opts.Editor == "" {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "no editor: set $VISUAL or $EDITOR (e.g. export EDITOR=vim) to edit in one with alt+e"})
		return nil
	}
	pane, text, ext, ok := m.workspace.EditTarget()
	if !ok {
		m.report(common.InfoMsg{Tone: common.Warning, Text: "alt+e edits the query or the variables: focus one of them first (tab)"})
		return nil
	}
	return writeEditFileCmd(m.activeTabID(), pane, text, ext)
}

// writeEditFileCmd writes text to a private temporary file with the pane's extension.
func writeEditFileCmd(tab int, pane workspace.Pane, text, ext string) tea.Cmd {
	return func() tea.Msg {
		msg := editorReadyMsg{tab: tab, pane: pane, old: text}
		f, err := os.CreateTemp("", "toggle-explorer-*"+ext) // CreateTemp makes it 0600
		if err != nil {
			msg.err = err
			return msg
		}
		msg.path = f.Name()
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(msg.path)
			msg.err = err
		}
		return msg
	}
}

// startEditor suspends the program and runs the editor on the written file; the callback reads
// the file back and removes it.
func (m *Model) startEditor(msg editorReadyMsg) tea.Cmd {
	if msg.err != nil {
		m.report(common.ErrorMsg{What: "cannot hand the text to the editor", Err: msg.err})
		return nil
	}
	// sh -c lets $EDITOR carry arguments ("code --wait"); the file is passed as "$1", never
	// spliced into the script.
	c := exec.Command("sh", "-c", m.opts.Editor+` "$1"`, "sh", msg.path)
	execute := m.opts.ExecEditor
	if execute == nil {
		execute = tea.ExecProcess
	}
	return execute(c, func(err error) tea.Msg {
		defer os.Remove(msg.path)
		out := editedMsg{tab: msg.tab, pane: msg.pane, old: msg.old}
		if err != nil {
			out.err = fmt.Errorf("the editor failed (%w); the text is unchanged", err)
			return out
		}
		data, err := os.ReadFile(msg.path)
		if err != nil {
			out.err = fmt.Errorf("cannot read the edited file back: %w", err)
			return out
		}
		out.text = string(data)
		return out
	})
}

// routeEdited gives an edit back to the tab that asked for it (dropped when it was closed).
func (m *Model) routeEdited(msg editedMsg) tea.Cmd {
	if msg.tab == m.activeTabID() {
		cmd := m.applyEdit(&m.workspace, msg)
		return tagCmd(msg.tab, cmd)
	}
	for i := range m.tabs.slots {
		if m.tabs.slots[i].id == msg.tab {
			m.storeActive() // clones the slots first
			cmd := m.applyEdit(&m.tabs.slots[i].ws, msg)
			return tagCmd(msg.tab, cmd)
		}
	}
	m.report(common.InfoMsg{Tone: common.Warning, Text: "the edited text's tab was closed meanwhile; the edit is dropped"})
	return nil
}

// applyEdit puts the edited text in ws, or says why not.
func (m *Model) applyEdit(ws *workspace.Model, msg editedMsg) tea.Cmd {
	var exitErr *exec.ExitError
	switch {
	case errors.As(msg.err, &exitErr):
		m.report(common.InfoMsg{Tone: common.Warning, Text: fmt.Sprintf("the editor exited with status %d; the text is unchanged", exitErr.ExitCode())})
		return nil
	case msg.err != nil:
		m.report(common.ErrorMsg{Err: msg.err})
		return nil
	case msg.text == msg.old:
		m.report(common.InfoMsg{Text: "no changes from the editor"})
		return nil
	}
	m.report(common.InfoMsg{Tone: common.Success, Text: msg.pane.String() + " replaced by the editor's text (ctrl+z undoes)"})
	return ws.ReplaceText(msg.pane, msg.text)
}
