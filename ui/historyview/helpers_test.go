package historyview

import (
	"os"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// TestMain pins lipgloss to plain ASCII so views do not depend on the terminal running the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// now is the tests' fixed clock.
var now = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

// press sends keys and returns the messages their commands produce.
func press(t testing.TB, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var msgs []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(uitest.Key(k))
		if cmd != nil {
			if msg := cmd(); msg != nil {
				msgs = append(msgs, msg)
			}
		}
	}
	return m, msgs
}

// typeText types s one rune at a time; typing must not send anything.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		var msgs []tea.Msg
		m, msgs = press(t, m, string(r))
		if len(msgs) != 0 {
			t.Fatalf("typing %q sent %#v", r, msgs)
		}
	}
	return m
}

// sample is a small history, newest first, as Load returns it.
func sample() []history.Entry {
	const api, staging = "https://api.toggle.example/graphql", "https://staging.toggle.example/graphql"
	return []history.Entry{{
		Time: now.Add(-2 * time.Minute), Endpoint: api, Operation: "GetCards", OperationKind: "query",
		Document:  "query GetCards($first: Int) {\n  giftCards(first: $first) { id balance }\n}",
		Variables: map[string]any{"first": 10},
		Status:    200, Outcome: history.OutcomeOK, DurationMS: 43, Size: 1234, TokenFingerprint: "3f9a1c2b7d10",
	}, {
		Time: now.Add(-70 * time.Minute), Endpoint: api, Operation: "AdjustBalance", OperationKind: "mutation",
		Document:  "mutation AdjustBalance($id: ID!, $amount: Float!) {\n  adjustBalance(id: $id, amount: $amount) { id }\n}",
		Variables: map[string]any{"id": "gc_1", "amount": -5, "apiKey": "••••••"},
		Status:    200, Outcome: history.OutcomeErrors, DurationMS: 1250, Size: 310, TokenFingerprint: "3f9a1c2b7d10",
		ErrorSummary: "Insufficient balance: the card holds 3.00 EUR",
	}, {
		Time: now.Add(-26 * time.Hour), Endpoint: staging, Operation: "", OperationKind: "query",
		Document: "{ me { id email } }",
		Status:   401, Outcome: history.OutcomeUnauthorized, DurationMS: 95_000, Size: 48, TokenFingerprint: "99aa00bb11cc",
		ErrorSummary: "Unauthorized: token expired 4m12s ago",
	}, {
		Time: now.AddDate(0, 0, -3), Endpoint: api, Operation: "Orders", OperationKind: "query",
		Document: "query Orders { orders { id } }",
		Outcome:  history.OutcomeFailed, DurationMS: 30_000,
		ErrorSummary: "dial tcp: connection refused",
	}}
}
