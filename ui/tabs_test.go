package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// sendTagged delivers msg through the public Update, whose commands come back tagged with their
// tab, as the program loop would see them.
func (d *driver) sendTagged(msg tea.Msg) tea.Cmd {
	d.t.Helper()
	next, cmd := d.m.Update(msg)
	d.m = *next.(*Model)
	return cmd
}

// tabTitles lists the tabs' titles and which one is active.
func tabTitles(m Model) ([]string, int) {
	tabs, active := m.Tabs()
	out := make([]string, len(tabs))
	for i, ws := range tabs {
		out[i] = ws.Title()
	}
	return out, active
}

func TestTabsNewSwitchGoToAndClose(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	if titles, _ := tabTitles(d.m); len(titles) != 1 || titles[0] != "Balance" {
		t.Fatalf("after login the tabs are %v, want [Balance]", titles)
	}
	if strings.Contains(d.m.View(), "1 Balance") {
		t.Fatal("a single tab drew a tab bar")
	}
	d.press("ctrl+t")
	d.typeText("query Second { x }")
	d.press("ctrl+t")
	titles, active := tabTitles(d.m)
	if strings.Join(titles, ",") != "Balance,Second,untitled" || active != 2 {
		t.Fatalf("tabs %v active %d, want Balance,Second,untitled active 2", titles, active)
	}
	for _, want := range []string{"1 Balance", "2 Second ●", "3 untitled"} {
		if !strings.Contains(d.m.View(), want) {
			t.Fatalf("the tab bar lacks %q:\n%s", want, d.m.View())
		}
	}
	d.press("alt+n")
	if _, active = tabTitles(d.m); active != 0 {
		t.Fatalf("alt+n from the last tab went to %d, want 0 (wrap)", active)
	}
	d.press("alt+p")
	if _, active = tabTitles(d.m); active != 2 {
		t.Fatalf("alt+p from the first tab went to %d, want 2 (wrap)", active)
	}
	d.press("alt+2")
	if ws, _ := d.m.Workspace(); ws.Query() != "query Second { x }" {
		t.Fatalf("alt+2 shows %q", ws.Query())
	}
	// Unsaved: closing asks; cancel keeps it, "d" closes it and shows the tab to its left.
	d.press("alt+w")
	if !strings.Contains(d.m.View(), "unsaved changes. Close it?") {
		t.Fatalf("closing an unsaved tab did not ask:\n%s", d.m.View())
	}
	d.press("esc")
	if titles, _ = tabTitles(d.m); len(titles) != 3 {
		t.Fatalf("cancel closed the tab: %v", titles)
	}
	d.press("alt+w", "d")
	titles, active = tabTitles(d.m)
	if strings.Join(titles, ",") != "Balance,untitled" || active != 0 {
		t.Fatalf("after closing: tabs %v active %d, want Balance,untitled active 0", titles, active)
	}
	// An unchanged tab closes without a question; the last one leaves an empty tab.
	d.press("alt+w")
	if titles, _ = tabTitles(d.m); strings.Join(titles, ",") != "untitled" {
		t.Fatalf("after closing Balance: %v", titles)
	}
	d.press("alt+w")
	if titles, _ = tabTitles(d.m); strings.Join(titles, ",") != "untitled" {
		t.Fatalf("closing the last tab left %v, want one empty tab", titles)
	}
}

// A response lands in the tab that sent the request, even when another tab is shown by then.
func TestRunResultLandsInItsTab(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	var pending []tea.Msg
	for _, msg := range uitest.Messages(d.sendTagged(uitest.Key("ctrl+r"))) {
		if tm, ok := msg.(tabMsg); ok {
			if _, ok := tm.msg.(workspace.RunFinishedMsg); ok {
				pending = append(pending, tm)
			}
		}
	}
	if len(pending) != 1 {
		t.Fatalf("ctrl+r produced %d tagged results, want 1", len(pending))
	}
	d.sendTagged(uitest.Key("ctrl+t"))
	d.sendTagged(pending[0])
	tabs, active := d.m.Tabs()
	if active != 1 {
		t.Fatalf("active tab %d, want the new one", active)
	}
	if tabs[0].Running() || tabs[0].Results().Document() == nil {
		t.Fatal("the first tab did not receive its result")
	}
	if tabs[1].Results().Document() != nil {
		t.Fatal("the result landed in the tab on show instead of the one that sent it")
	}
	d.sendTagged(uitest.Key("alt+1"))
	if !strings.Contains(d.m.View(), `"balance": 3250`) {
		t.Fatalf("back on tab 1 the result is not shown:\n%s", d.m.View())
	}
}

// A result for a tab closed meanwhile goes nowhere.
func TestRunResultOfAClosedTabIsDropped(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	d.login()
	d.press("ctrl+t")
	var pending []tea.Msg
	d.sendTagged(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(balanceQuery)})
	d.sendTagged(tea.KeyMsg{Type: tea.KeyTab})
	d.sendTagged(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(balanceVariables)})
	for _, msg := range uitest.Messages(d.sendTagged(uitest.Key("ctrl+r"))) {
		if tm, ok := msg.(tabMsg); ok {
			if _, ok := tm.msg.(workspace.RunFinishedMsg); ok {
				pending = append(pending, tm)
			}
		}
	}
	if len(pending) != 1 {
		t.Fatalf("ctrl+r produced %d tagged results, want 1", len(pending))
	}
	d.press("alt+w", "d")
	d.sendTagged(pending[0])
	tabs, _ := d.m.Tabs()
	if len(tabs) != 1 || tabs[0].Results().Document() != nil {
		t.Fatal("the closed tab's result landed in another tab")
	}
}

// Opening a saved query over unsaved work opens it in a new tab; over an unchanged tab it loads
// in place.
func TestOpenGoesToANewTabOnlyOverUnsavedWork(t *testing.T) {
	d, lib, _ := libraryDriver(t)
	if _, err := lib.Save("products", "query Products { Products(account_id: 1) { id } }", `{"a": 1}`, saved.Version{}, false); err != nil {
		t.Fatal(err)
	}
	d.typeText("# unsaved\n")
	d.press("ctrl+o")
	d.typeText("prod")
	d.press("enter")
	titles, active := tabTitles(d.m)
	if strings.Join(titles, ",") != "Balance,products" || active != 1 {
		t.Fatalf("tabs %v active %d, want Balance,products active 1", titles, active)
	}
	tabs, _ := d.m.Tabs()
	if !strings.HasPrefix(tabs[0].Query(), "# unsaved\n") {
		t.Fatal("the unsaved work was replaced")
	}
	if text, vars := tabs[1].Document(); !strings.HasPrefix(text, "query Products") || vars != `{"a": 1}` {
		t.Fatalf("opened %q with variables %q", text, vars)
	}
	// The products tab is unchanged: opening again replaces it in place.
	d.press("ctrl+o")
	d.typeText("prod")
	d.press("enter")
	if titles, _ = tabTitles(d.m); len(titles) != 2 {
		t.Fatalf("opening over an unchanged tab made a new one: %v", titles)
	}
}

// Sizes reach every tab, and the workspace gives up a row to the tab bar.
func TestTabBarTakesOneRow(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	d.login()
	d.press("ctrl+t")
	checkFits(t, d.m.View(), 80, 24)
	if lines := strings.Count(d.m.View(), "\n") + 1; lines != 24 {
		t.Fatalf("the view has %d lines, want 24", lines)
	}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.press("alt+1")
	checkFits(t, d.m.View(), 120, 40)
	if lines := strings.Count(d.m.View(), "\n") + 1; lines != 40 {
		t.Fatalf("after a resize tab 1 draws %d lines, want 40", lines)
	}
}

// A click on a tab's label shows it; clicks below the bar reach the workspace one row up.
func TestClickOnATab(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 80, 24)
	d.login()
	d.press("ctrl+t")
	// " 1 Balance " is 11 cells: column 12 is in " 2 untitled ".
	d.send(tea.MouseMsg{X: 12, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if _, active := d.m.Tabs(); active != 1 {
		t.Fatalf("the click showed tab %d, want 1 (still the second)", active)
	}
	d.send(tea.MouseMsg{X: 3, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if _, active := d.m.Tabs(); active != 0 {
		t.Fatalf("a click on the first label showed tab %d", active)
	}
	// At 80x24 the workspace gets 20 rows and the query frame its top 8: screen row 8 is the
	// frame's bottom border, and row 9 would be the results' top.
	d.press("tab")
	d.send(tea.MouseMsg{X: 5, Y: 8, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if ws, _ := d.m.Workspace(); ws.Focused() != workspace.PaneEditor {
		t.Fatalf("a click in the query editor below the tab bar focused %v", ws.Focused())
	}
}

// Quitting asks about unsaved changes in any tab, unless the tabs are kept for the next run.
func TestQuitAsksAboutOtherTabsUnlessKept(t *testing.T) {
	d, _, _ := libraryDriver(t)
	d.typeText("# draft\n")
	d.press("ctrl+t", "ctrl+c")
	if d.quit || !strings.Contains(d.m.View(), "Unsaved changes in 1 other tab") {
		t.Fatalf("ctrl+c with an unsaved tab elsewhere quit at once (quit=%v)", d.quit)
	}
	d.press("esc")
	d.m.opts.KeepsTabs = true
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("with the tabs kept, ctrl+c asked instead of quitting")
	}
}
