package results

// JumpToErrorMsg asks the app to move the editor's cursor to a GraphQL
// error's location. Line and Column are 1-based, as in the response.
type JumpToErrorMsg struct {
	Line, Column int
}

// SearchFinishedMsg carries the result of a search run off the UI
// goroutine. The app routes it back to the results pane; results of an
// outdated query or document are dropped.
type SearchFinishedMsg struct {
	id      int
	doc     *Document
	query   string
	matches []int32
	capped  bool
}

// PageMsg asks the app to run the query again for another page of a
// paginated list (with $page set to Page).
type PageMsg struct {
	Page int
}
