package ui

import (
	"encoding/json"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/historyview"
	"github.com/toggle-explorer/toggle-explorer/ui/picker"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// libraryDialog is the prompt.ID of the root's own dialogs, the saved-query flows; the root
// answers every dialog carrying one itself.
type libraryDialog string

// Dialog IDs of the saved-query flows.
const (
	dialogSaveAs      libraryDialog = "save-as"      // name for a new saved query
	dialogSaveTaken   libraryDialog = "save-taken"   // the name is taken: overwrite, other name, cancel
	dialogSaveChanged libraryDialog = "save-changed" // changed on disk: overwrite, reload, save as, cancel
	dialogQuit        libraryDialog = "quit"         // quitting with unsaved changes
	dialogRerun       libraryDialog = "rerun"        // re-running a mutation from the history
)

// savedMsg reports a save (err: why not; a *saved.ConflictError means nothing was written).
type savedMsg struct {
	name    string
	version saved.Version
	err     error
}

// reloadedMsg carries a saved query read again from disk.
type reloadedMsg struct {
	name  string
	saved saved.Query
	err   error
}

// saveCmd writes the editors' text as name. expected is the version the editors started from; a
// file changed since is a conflict unless force.
func saveCmd(lib *saved.Library, name, text, vars, hdrs string, expected saved.Version, force bool) tea.Cmd {
	return func() tea.Msg {
		v, err := lib.SaveWithHeaders(name, text, vars, hdrs, expected, force)
		return savedMsg{name: name, version: v, err: err}
	}
}

// reloadCmd reads a saved query from disk again.
func reloadCmd(lib *saved.Library, name string) tea.Cmd {
	return func() tea.Msg {
		q, err := lib.Load(name)
		return reloadedMsg{name: name, saved: q, err: err}
	}
}

// save is ctrl+s: in place when the editors hold a saved query, else ask for a name.
func (m *Model) save() tea.Cmd {
	if m.opts.Library == nil || !m.hasWorkspace {
		return nil
	}
	name := m.workspace.SavedName()
	if name == "" {
		m.ask(dialogSaveAs, "Save query as", suggestName(m.workspace), saved.ValidName)
		return nil
	}
	text, vars := m.workspace.Document()
	return saveCmd(m.opts.Library, name, text, vars, m.workspace.Headers(), m.workspace.SavedVersion(), false)
}

// saveAs saves under a new name; the file must not exist yet (else the user is asked).
func (m *Model) saveAs(name string) tea.Cmd {
	m.pendingName = name
	text, vars := m.workspace.Document()
	return saveCmd(m.opts.Library, name, text, vars, m.workspace.Headers(), saved.Version{}, false)
}

// suggestName proposes the operation's name as the file name.
func suggestName(ws interface{ Document() (string, string) }) string {
	text, _ := ws.Document()
	if doc, err := query.Parse(text); err == nil && len(doc.Operations) > 0 {
		if n := doc.Operations[0].Name; n != "" && saved.ValidName(n) == nil {
			return n
		}
	}
	return ""
}

// finishSave records a save or asks how to resolve a conflict. A save asked for by "quit → save"
// quits once it succeeds.
func (m *Model) finishSave(msg savedMsg) tea.Cmd {
	var conflict *saved.ConflictError
	switch {
	case errors.As(msg.err, &conflict) && m.workspace.SavedName() != msg.name:
		// conflict.Name is the name on disk, which may differ from the one typed by case.
		m.pendingName = conflict.Name
		m.quitAfterSave = false
		m.choose(dialogSaveTaken, fmt.Sprintf("A saved query named %q already exists.", conflict.Name),
			prompt.Option{Key: "o", Label: "Overwrite it"},
			prompt.Option{Key: "n", Label: "Choose another name"},
			prompt.Option{Key: prompt.CancelKey, Label: "Cancel"})
		return nil
	case errors.As(msg.err, &conflict):
		m.pendingName = msg.name
		m.quitAfterSave = false
		m.choose(dialogSaveChanged, fmt.Sprintf("%q changed on disk since you opened it.", msg.name),
			prompt.Option{Key: "o", Label: "Overwrite it with your version"},
			prompt.Option{Key: "r", Label: "Reload it (drop your changes)"},
			prompt.Option{Key: "s", Label: "Save yours under another name"},
			prompt.Option{Key: prompt.CancelKey, Label: "Cancel"})
		return nil
	case msg.err != nil:
		m.quitAfterSave = false
		m.report(common.ErrorMsg{What: "not saved", Err: msg.err})
		return nil
	}
	m.workspace.MarkSaved(msg.name, msg.version)
	m.report(common.InfoMsg{Tone: common.Success, Text: "saved " + msg.name})
	if m.quitAfterSave {
		return m.quit()
	}
	return nil
}

// answerLibraryDialog acts on the answer to one of the flows' dialogs.
func (m *Model) answerLibraryDialog(id libraryDialog, answer string) tea.Cmd {
	lib := m.opts.Library
	text, vars := m.workspace.Document()
	switch id + ":" + libraryDialog(answer) {
	case dialogSaveTaken + ":o":
		return saveCmd(lib, m.pendingName, text, vars, m.workspace.Headers(), saved.Version{}, true)
	case dialogSaveTaken + ":n", dialogSaveChanged + ":s":
		m.ask(dialogSaveAs, "Save query as", m.pendingName, saved.ValidName)
		return nil
	case dialogSaveChanged + ":o":
		return saveCmd(lib, m.pendingName, text, vars, m.workspace.Headers(), m.workspace.SavedVersion(), true)
	case dialogSaveChanged + ":r":
		return reloadCmd(lib, m.pendingName)
	case dialogCloseTab + ":d":
		return m.closeTab()
	case dialogQuit + ":s":
		m.quitAfterSave = true
		return m.save()
	case dialogQuit + ":q":
		return m.quit()
	case dialogRerun + ":r", dialogRerun + ":l":
		entry := m.pendingRerun
		m.pendingRerun = nil
		if entry != nil {
			return m.fromHistory(*entry, answer == "r", false)
		}
	}
	m.pendingRerun = nil
	return nil
}

// replaceEditors runs load on the active tab when it is empty or unchanged, else on a new tab
// (see loadTarget): opening a query never discards work.
func (m *Model) replaceEditors(load func(*Model) tea.Cmd) tea.Cmd {
	open := m.loadTarget()
	return tea.Batch(open, load(m))
}

// openSaved loads a saved query chosen in the picker.
func (m *Model) openSaved(msg picker.OpenMsg) tea.Cmd {
	m.closeOverlay()
	return m.replaceEditors(func(m *Model) tea.Cmd {
		cmd := m.workspace.Load(msg.Name, msg.Saved.Version, msg.Saved.Text, msg.Saved.Variables)
		m.workspace.SetHeaders(msg.Saved.Headers)
		if msg.Operation != "" {
			m.workspace.GotoOperation(msg.Operation)
		}
		if msg.Saved.Warning != "" {
			m.report(common.InfoMsg{Tone: common.Warning, Text: msg.Saved.Warning})
		} else {
			m.report(common.InfoMsg{Tone: common.Success, Text: "opened " + msg.Name})
		}
		return cmd
	})
}

// reloaded puts a query read again from disk in the editors (after "reload" on a conflict).
func (m *Model) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		m.report(common.ErrorMsg{What: "reload failed", Err: msg.err})
		return nil
	}
	cmd := m.workspace.Load(msg.name, msg.saved.Version, msg.saved.Text, msg.saved.Variables)
	m.workspace.SetHeaders(msg.saved.Headers)
	m.report(common.InfoMsg{Text: "reloaded " + msg.name + " from disk"})
	return cmd
}

// fromHistory loads a history entry into the editors and, for re-run, runs it; save-as asks for a
// name next.
func (m *Model) fromHistory(entry history.Entry, run, saveAs bool) tea.Cmd {
	m.closeOverlay()
	return m.replaceEditors(func(m *Model) tea.Cmd {
		lint := m.workspace.Load("", saved.Version{}, entry.Document, variablesText(entry.Variables))
		switch {
		case run:
			var cmd tea.Cmd
			m.workspace, cmd = m.workspace.Run()
			return tea.Batch(lint, cmd)
		case saveAs:
			m.ask(dialogSaveAs, "Save query as", entry.Operation, saved.ValidName)
			return lint
		}
		return lint
	})
}

// variablesText renders history variables (already masked) for the variables editor.
func variablesText(vars map[string]any) string {
	if len(vars) == 0 {
		return ""
	}
	data, err := json.MarshalIndent(vars, "", "  ")
	if err != nil {
		return ""
	}
	return string(data)
}

// confirmRerun asks before a mutation from the history runs again: it changes data again (a
// Redeem takes the money twice). The question names the operation and where it will run.
func (m *Model) confirmRerun(entry history.Entry) {
	op := entry.Operation
	if op == "" {
		op = "(anonymous)"
	}
	endpoint := entry.Endpoint
	if m.sess != nil {
		endpoint = m.sess.Endpoint()
	}
	question := fmt.Sprintf("Run mutation %s again against %s? It changes data again.", display.Line(op), display.Line(endpoint))
	if entry.Endpoint != "" && entry.Endpoint != endpoint {
		question += fmt.Sprintf(" (It ran against %s.)", display.Line(entry.Endpoint))
	}
	m.pendingRerun = &entry
	m.choose(dialogRerun, question,
		prompt.Option{Key: "r", Label: "Run it again"},
		prompt.Option{Key: "l", Label: "Load it without running"},
		prompt.Option{Key: prompt.CancelKey, Label: "Cancel"})
}

// historyMsg routes the history browser's requests.
func (m *Model) historyMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case historyview.RerunMsg:
		if msg.Entry.OperationKind == "mutation" {
			m.confirmRerun(msg.Entry)
			return nil
		}
		return m.fromHistory(msg.Entry, true, false)
	case historyview.LoadMsg:
		return m.fromHistory(msg.Entry, false, false)
	case historyview.SaveAsMsg:
		return m.fromHistory(msg.Entry, false, true)
	}
	m.closeOverlay()
	return nil
}

// requestQuit is ctrl+c: quit, or ask first when unsaved changes would be lost. When the tabs
// are kept for the next run nothing is lost, so it quits at once; otherwise it asks when any tab
// has unsaved changes ("save" saves the tab on show). A second ctrl+c while asked quits.
func (m *Model) requestQuit() tea.Cmd {
	asking := m.dialog.open() && m.dialog.choice != nil && m.dialog.choice.ID() == dialogQuit
	if !m.hasWorkspace || m.opts.KeepsTabs || m.opts.Library == nil || asking {
		return m.quit()
	}
	others := 0
	tabs, active := m.Tabs()
	for i, ws := range tabs {
		if i != active && ws.Modified() {
			others++
		}
	}
	switch {
	case m.workspace.Modified():
		question := "The query has unsaved changes."
		if others > 0 {
			question = fmt.Sprintf("The query has unsaved changes, and %s.", otherTabs(others))
		}
		m.choose(dialogQuit, question,
			prompt.Option{Key: "s", Label: "Save this one, then quit"},
			prompt.Option{Key: "q", Label: "Quit without saving"},
			prompt.Option{Key: prompt.CancelKey, Label: "Cancel"})
		return nil
	case others > 0:
		m.choose(dialogQuit, fmt.Sprintf("Unsaved changes in %s.", otherTabs(others)),
			prompt.Option{Key: "q", Label: "Quit without saving"},
			prompt.Option{Key: prompt.CancelKey, Label: "Cancel"})
		return nil
	}
	return m.quit()
}

// otherTabs is "1 other tab" or "N other tabs".
func otherTabs(n int) string {
	if n == 1 {
		return "1 other tab"
	}
	return fmt.Sprintf("%d other tabs", n)
}

// quit stops the session's refresh loop and ends the program; main closes the session once the
// program has returned (Close may wait for a token save, which Update must not).
func (m *Model) quit() tea.Cmd {
	if m.sessCancel != nil {
		m.sessCancel()
	}
	return tea.Quit
}
