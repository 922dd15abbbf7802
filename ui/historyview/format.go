package historyview

import (
	"fmt"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Times are shown in the location of the context's clock (the local zone in the program, a
// fixed one in tests): the browser never reads the process's zone or clock itself.

// formatWhen is an entry's time in a row: "15:04:05" on now's day, else the date.
func formatWhen(t, now time.Time) string {
	t = t.In(now.Location())
	if !now.IsZero() {
		ty, tm, td := t.Date()
		ny, nm, nd := now.Date()
		if ty == ny && tm == nm && td == nd {
			return t.Format("15:04:05")
		}
	}
	return t.Format("2006-01-02")
}

// formatStatus is the HTTP status and the outcome: "200 ok", "401 unauthorized", "— failed".
func formatStatus(e history.Entry) string {
	code := "—"
	if e.Status != 0 {
		code = fmt.Sprint(e.Status)
	}
	if e.Outcome == "" {
		return code
	}
	return code + " " + e.Outcome
}

// outcomeStyle colours an outcome: success, GraphQL errors, failures, cancellation.
func outcomeStyle(st *common.Styles, outcome string) lipgloss.Style {
	switch outcome {
	case history.OutcomeOK:
		return st.Success
	case history.OutcomeErrors:
		return st.Warning
	case history.OutcomeUnauthorized, history.OutcomeFailed:
		return st.Error
	case history.OutcomeCancelled:
		return st.Faint
	}
	return st.Muted
}

// operationLabel names an entry's operation: its name, "(anonymous)", and its kind unless it is
// a query.
func operationLabel(e history.Entry) string {
	name := e.Operation
	if name == "" {
		name = "(anonymous)"
	}
	if e.OperationKind != "" && e.OperationKind != "query" {
		name += " · " + e.OperationKind
	}
	return name
}
