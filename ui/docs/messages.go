package docs

// CloseMsg asks the root to close the docs browser: esc with an empty search on the home page.
type CloseMsg struct{}

// RefreshMsg asks the root to fetch the schema again (ctrl+f in the browser).
type RefreshMsg struct{}
