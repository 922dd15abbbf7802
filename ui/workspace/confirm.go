package workspace

import (
	"encoding/json"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// ConfirmMutationMsg asks the root to confirm a mutation on a protected profile: the user must
// type the profile's name in a dialog naming the operation, the endpoint and the variables. On
// success the root calls RunConfirmed; otherwise nothing is sent.
type ConfirmMutationMsg struct {
	// Profile is the protected profile's name, which the user must type.
	Profile string
	// Operation is the mutation's label ("Redeem", "anonymous mutation").
	Operation string
	// Endpoint is where it would go.
	Endpoint string
	// Variables are the variables it would send, as compact JSON with secrets masked.
	Variables string
}

func confirmCmd(p Profile, prep prepared) tea.Cmd {
	vars := "{}"
	if b, err := json.Marshal(query.MaskSecrets(prep.req.Variables)); err == nil && len(prep.req.Variables) > 0 {
		vars = string(b)
	}
	msg := ConfirmMutationMsg{Profile: p.Name, Operation: prep.opLabel, Endpoint: p.Endpoint, Variables: vars}
	return func() tea.Msg { return msg }
}

// RunConfirmed runs the operation under the cursor once the user confirmed it by typing the
// protected profile's name. The document is checked again: what runs is what is in the editors
// now.
func (m Model) RunConfirmed() (Model, tea.Cmd) {
	m.confirmed = true
	m, cmd := m.run()
	m.confirmed = false
	return m, cmd
}
