package historyview

import "github.com/toggle-explorer/toggle-explorer/query/history"

// SetProfile scopes the list to the entries sent under profile (the environment in use), the
// default in f4; the Scope key (tab) toggles between that profile and all entries. An empty
// profile shows everything.
func (m Model) SetProfile(profile string) Model {
	m.profile, m.scoped = profile, profile != ""
	m.keys.Scope.SetEnabled(profile != "")
	return m.refilter().withPreview()
}

// Scoped reports whether the list shows only the current profile's entries.
func (m Model) Scoped() bool { return m.scoped }

// inScope reports whether e passes the profile scope.
func (m Model) inScope(e history.Entry) bool { return !m.scoped || e.Profile == m.profile }

// whereLabel is the row's "@profile" (or "@endpoint host") tag, empty when scoped: then every
// row has the same one and the title says which.
func (m Model) whereLabel(e history.Entry) string {
	if m.scoped {
		return ""
	}
	if e.Profile != "" {
		return " @" + e.Profile
	}
	return ""
}
