package docs

// CloseMsg asks the root to close the docs browser: esc with an empty search on the home page.
type CloseMsg struct{}
