package workspace

import (
	"github.com/charmbracelet/bubbles/spinner"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

const pagedQuery = `query Cards($page: Int, $limit: Int) {
  Cards(page: $page, limit: $limit) { data { card_reference } total per_page }
}
`

// settle runs cmd's messages through the workspace until no request is left
// in flight, as the program loop would.
func settle(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := uitest.Messages(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch msg.(type) {
		case RunFinishedMsg, results.PageMsg:
			var more tea.Cmd
			m, more = m.Update(msg)
			queue = append(queue, uitest.Messages(more)...)
		}
	}
	return m
}

func TestPagesStepWithTheResultsKeys(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: pagedQuery, Variables: `{"limit": 1}`})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m = settle(t, m, cmd)
	pg := shown(t, m).Meta().Page
	if pg.Current != 1 || pg.Pages < 3 {
		t.Fatalf("page = %+v", pg)
	}
	if !strings.Contains(m.View(), "page 1 of ") {
		t.Errorf("title lacks the page:\n%s", m.View())
	}
	m, _ = m.setFocus(PaneResults)
	m, cmd = m.Update(uitest.Key("["))
	if cmd != nil {
		t.Error("[ on page 1 did something")
	}
	m, cmd = m.Update(uitest.Key("]"))
	m = settle(t, m, cmd)
	if got := shown(t, m).Meta().Page.Current; got != 2 {
		t.Fatalf("after ]: page %d", got)
	}
	if v := m.vars.Value(); !strings.Contains(v, `"page": 2`) || !strings.Contains(v, `"limit": 1`) {
		t.Errorf("variables pane: %s", v)
	}
	m, cmd = m.Update(uitest.Key("["))
	m = settle(t, m, cmd)
	if got := shown(t, m).Meta().Page.Current; got != 1 {
		t.Errorf("after [: page %d", got)
	}
}

// An operation without $page shows no page, even when its list is paginated.
func TestNoPageWithoutAPageVariable(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVariables})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m = settle(t, m, cmd)
	if pg := shown(t, m).Meta().Page; pg.Pages != 0 {
		t.Errorf("page = %+v", pg)
	}
}

// A jq filter stays on when ] fetches the next page.
func TestFilterSurvivesThePage(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: pagedQuery, Variables: `{"limit": 2}`})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m = settle(t, m, cmd)
	m, _ = m.setFocus(PaneResults)
	m.results.SetFilterDebounce(0)
	m, _ = m.Update(uitest.Key("|"))
	for _, r := range ".data.Cards.data | length" {
		m, cmd = m.Update(uitest.Key(string(r)))
		for _, msg := range uitest.Messages(cmd) {
			m, _ = m.Update(msg)
		}
	}
	m, _ = m.Update(uitest.Key("enter"))
	m, cmd = m.Update(uitest.Key("]"))
	queue := uitest.Messages(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		var more tea.Cmd
		m, more = m.Update(msg)
		if _, tick := msg.(spinner.TickMsg); !tick {
			queue = append(queue, uitest.Messages(more)...)
		}
	}
	if expr, on := m.Results().Filtered(); !on || expr != ".data.Cards.data | length" {
		t.Fatalf("filter after ]: %q, %v", expr, on)
	}
	if got := string(shown(t, m).Bytes()); got != "2" {
		t.Errorf("page 2 filtered: %q", got)
	}
	if shown(t, m).Meta().Page.Current != 2 {
		t.Errorf("page %+v", shown(t, m).Meta().Page)
	}
}

// A jq filter written for one operation is dropped when another operation's response arrives:
// carried over, it failed on the new shape ("jq: cannot iterate over: null") above the response.
func TestFilterDroppedForAnotherOperation(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: pagedQuery, Variables: `{"limit": 2}`})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m = settle(t, m, cmd)
	m, _ = m.setFocus(PaneResults)
	m.results.SetFilterDebounce(0)
	m, _ = m.Update(uitest.Key("|"))
	for _, r := range ".data.Cards.total + 1" {
		m, cmd = m.Update(uitest.Key(string(r)))
		for _, msg := range uitest.Messages(cmd) {
			m, _ = m.Update(msg)
		}
	}
	m, _ = m.Update(uitest.Key("enter"))
	if _, on := m.Results().Filtered(); !on {
		t.Fatal("the filter did not apply")
	}
	_ = m.Load("", saved.Version{}, balanceQuery, balanceVariables)
	m, cmd = m.Update(uitest.Key("ctrl+r"))
	queue := uitest.Messages(cmd) // every message but the spinner's, so a resumed filter runs
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		var more tea.Cmd
		m, more = m.Update(msg)
		if _, tick := msg.(spinner.TickMsg); !tick {
			queue = append(queue, uitest.Messages(more)...)
		}
	}
	if m.resultOf != "Balance" {
		t.Fatalf("results of %q", m.resultOf)
	}
	if expr, on := m.Results().Filtered(); on {
		t.Errorf("the Cards filter %q stayed on for Balance's response", expr)
	}
	if strings.Contains(m.View(), "jq:") {
		t.Errorf("a jq error shows:\n%s", m.View())
	}
}
