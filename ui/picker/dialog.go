package picker

import (
	"fmt"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// dialogKind is the question the picker is asking, if any.
type dialogKind int

const (
	noDialog dialogKind = iota
	renameDialog
	duplicateDialog
	deleteDialog
)

// String names the kind.
func (k dialogKind) String() string {
	switch k {
	case renameDialog:
		return "rename"
	case duplicateDialog:
		return "duplicate"
	case deleteDialog:
		return "delete"
	}
	return "none"
}

// Answers of the delete confirmation.
const (
	keyDelete = "y"
	keyKeep   = "n"
)

// DialogID is the prompt.ID of the picker's dialogs: the root hands every answer carrying one
// to the picker. n numbers the dialogs, so an answer to one closed since never matches.
type DialogID struct {
	kind dialogKind
	n    int
}

// dialog is the prompt the picker has open: a name prompt for rename and duplicate, a yes/no
// for delete. target is the query it is about.
type dialog struct {
	kind   dialogKind
	id     DialogID
	target string
	input  prompt.Input
	choice prompt.Choice
}

func (d dialog) open() bool { return d.kind != noDialog }

func (d dialog) setSize(w, h int) dialog {
	switch d.kind {
	case renameDialog, duplicateDialog:
		d.input = d.input.SetSize(w, h)
	case deleteDialog:
		d.choice = d.choice.SetSize(w, h)
	}
	return d
}

// help returns the open prompt's keys.
func (d dialog) help() (help.KeyMap, bool) {
	switch d.kind {
	case renameDialog, duplicateDialog:
		return d.input, true
	case deleteDialog:
		return d.choice, true
	}
	return nil, false
}

// update hands a message to the open prompt.
func (d dialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	var cmd tea.Cmd
	switch d.kind {
	case renameDialog, duplicateDialog:
		d.input, cmd = d.input.Update(msg)
	case deleteDialog:
		d.choice, cmd = d.choice.Update(msg)
	}
	return d, cmd
}

// box draws the open prompt alone, for prompt.Overlay.
func (d dialog) box() string {
	switch d.kind {
	case renameDialog, duplicateDialog:
		return d.input.Box()
	case deleteDialog:
		return d.choice.Box()
	}
	return ""
}

// openDialog asks about the selected query. Each dialog gets a fresh ID, so an answer to one
// that was closed meanwhile can never be taken for an answer to this one.
func (m Model) openDialog(kind dialogKind) Model {
	e, ok := m.selectedEntry()
	if !ok {
		return m
	}
	m.dialogs++
	d := dialog{kind: kind, id: DialogID{kind: kind, n: m.dialogs}, target: e.Name}
	switch kind {
	case renameDialog:
		d.input = prompt.NewInput(m.ctx, d.id, fmt.Sprintf("Rename %q to", e.Name), e.Name, m.validNewName(e.Name))
	case duplicateDialog:
		d.input = prompt.NewInput(m.ctx, d.id, fmt.Sprintf("Duplicate %q as", e.Name), m.freeName(e.Name), m.validNewName(""))
	case deleteDialog:
		q := fmt.Sprintf("Delete the saved query %q?", e.Name)
		if e.VarsPath != "" {
			q += "\nIts variables file is deleted too."
		}
		// Keep comes first so that enter, the highlighted answer, is the safe one.
		d.choice = prompt.NewChoice(m.ctx, d.id, q, []prompt.Option{
			{Key: keyKeep, Label: "Keep it"},
			{Key: keyDelete, Label: "Delete"},
			{Key: prompt.CancelKey, Label: "Cancel"},
		})
	}
	m.dialog = d.setSize(m.width, m.height)
	return m
}

// validNewName checks a new name: a valid file name not used by another listed query. keep is
// the query's current name, which renaming may keep (a no-op) or re-case. The library checks
// again under its lock; this only spares the user a round trip for the common mistakes.
func (m Model) validNewName(keep string) func(string) error {
	taken := make(map[string]bool, len(m.items))
	for _, it := range m.items {
		taken[it.entry.Name] = true
	}
	return func(v string) error {
		if err := saved.ValidName(v); err != nil {
			return err
		}
		if v != keep && taken[v] {
			return saved.ErrNameTaken
		}
		return nil
	}
}

// freeName suggests a name for a copy of name: "name copy", then "name copy 2", ... the first
// valid one not listed. If none is valid (name is at the length limit), the user edits name.
func (m Model) freeName(name string) string {
	for i := 1; i < 100; i++ {
		c := name + " copy"
		if i > 1 {
			c = fmt.Sprintf("%s copy %d", name, i)
		}
		if saved.ValidName(c) != nil {
			break
		}
		if _, taken := m.entryNamed(c); !taken {
			return c
		}
	}
	return name
}

// answer acts on the open prompt's answer, which the caller matched by ID.
func (m Model) answer(submitted bool, value string) (Model, tea.Cmd) {
	d := m.dialog
	m.dialog = dialog{}
	if !submitted {
		return m, nil
	}
	switch d.kind {
	case renameDialog:
		if value == d.target {
			return m, nil
		}
		return m.change(func(lib *saved.Library) ChangedMsg { return rename(lib, d.target, value) })
	case duplicateDialog:
		return m.change(func(lib *saved.Library) ChangedMsg { return duplicate(lib, d.target, value) })
	case deleteDialog:
		if value != keyDelete {
			return m, nil
		}
		return m.change(func(lib *saved.Library) ChangedMsg { return remove(lib, d.target) })
	}
	return m, nil
}

// change runs a library change in a command, numbered like a listing request because it brings
// one back.
func (m Model) change(do func(*saved.Library) ChangedMsg) (Model, tea.Cmd) {
	m.seq++
	lib, seq := m.lib, m.seq
	m.note, m.errText = "", ""
	return m, func() tea.Msg {
		msg := do(lib)
		msg.Seq = seq
		return msg
	}
}
