package results

import "github.com/charmbracelet/bubbles/textinput"

// inputLines are the pane's three input lines. They live behind a common.Shared: the three
// together are 15 KB, which every copy of the pane (and of the workspace and app around it)
// would otherwise carry.
type inputLines struct {
	search textinput.Model // "/": search the document
	filter textinput.Model // "|": a jq filter
	save   textinput.Model // "w": the file a write goes to
}

// editSearch returns the search line, to change.
func (m *Model) editSearch() *textinput.Model { return &m.inputs.Edit().search }

// editFilter returns the filter line, to change.
func (m *Model) editFilter() *textinput.Model { return &m.inputs.Edit().filter }

// editSave returns the write-to-file line, to change.
func (m *Model) editSave() *textinput.Model { return &m.inputs.Edit().save }
