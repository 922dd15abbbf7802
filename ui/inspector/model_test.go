package inspector

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
)

func TestTabSwitching(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	steps := []struct {
		key  string
		want tab
	}{
		{"3", tabRequests}, {"1", tabToken}, {"2", tabTimeline}, {"right", tabRequests},
		{"right", tabDoctor}, {"right", tabToken}, {"left", tabDoctor}, {"4", tabDoctor},
		{"h", tabRequests}, {"h", tabTimeline}, {"l", tabRequests},
	}
	for _, s := range steps {
		m, _ = press(t, m, s.key)
		if m.tab != s.want {
			t.Fatalf("after %q: tab %v, want %v", s.key, m.tab, s.want)
		}
	}
}

func TestSelectionAndDetail(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	m, _ = press(t, m, "3", "k") // already at the top: stays
	if x, _ := m.selectedExchange(); x.ID != 6 {
		t.Fatalf("selected #%d, want the newest #6", x.ID)
	}
	m, _ = press(t, m, "j", "down", "j")
	if x, _ := m.selectedExchange(); x.ID != 3 {
		t.Fatalf("selected #%d, want #3", x.ID)
	}
	m, _ = press(t, m, "end")
	if x, _ := m.selectedExchange(); x.ID != 1 {
		t.Fatalf("end selected #%d, want #1", x.ID)
	}
	m, _ = press(t, m, "up", "up", "up", "enter")
	if m.page != pageExchange || m.pageEx.ID != 4 {
		t.Fatalf("page %v #%d, want request #4", m.page, m.pageEx.ID)
	}
	view := m.View()
	for _, want := range []string{"Request #4", "Diagnosis   token rejected although valid", "fp:3333bbbb4444"} {
		if !strings.Contains(view, want) {
			t.Errorf("request page lacks %q:\n%s", want, view)
		}
	}
	m, _ = press(t, m, "pgdown")
	if m.scroll == 0 {
		t.Error("pgdown did not scroll the page")
	}
	m, msgs := press(t, m, "esc")
	if m.page != pageNone || len(msgs) != 0 {
		t.Fatalf("esc on a page: page %v msgs %v, want back to the list and no message", m.page, msgs)
	}
	_, msgs = press(t, m, "esc")
	if !reflect.DeepEqual(msgs, []tea.Msg{CloseMsg{}}) {
		t.Fatalf("esc at the top: %v, want CloseMsg", msgs)
	}
}

func TestTimelineDetail(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	m, _ = press(t, m, "2", "j", "j", "enter")
	if m.page != pageEvent || m.pageEv.Kind != session.Unauthorized {
		t.Fatalf("page %v kind %v, want the unauthorized event", m.page, m.pageEv.Kind)
	}
	if !strings.Contains(m.View(), "Action      re-logged in and replayed") {
		t.Errorf("event page lacks the diagnosis:\n%s", m.View())
	}
	m, _ = press(t, m, "1")
	if m.page != pageNone || m.tab != tabToken {
		t.Fatal("changing tab did not close the page")
	}
}

func TestRevealToggle(t *testing.T) {
	f, raw := fixture(t)
	m := newModel(f, 300, 60)
	if strings.Contains(m.View(), raw) {
		t.Fatal("token shown before reveal")
	}
	m, _ = press(t, m, "r")
	if !m.revealed || !strings.Contains(flatten(m.View()), raw) {
		t.Fatal("r did not reveal the token")
	}
	m, _ = press(t, m, "r")
	if m.revealed || strings.Contains(m.View(), raw) {
		t.Fatal("second r did not hide the token")
	}
	m, _ = press(t, m, "r")
	next, err := session.ParseToken(canaryJWT(base.Add(15*time.Minute)), base.Add(15*time.Minute), "rotation X-Authorization")
	if err != nil {
		t.Fatal(err)
	}
	f.setToken(next, true)
	m = m.Refresh()
	if m.revealed || strings.Contains(flatten(m.View()), next.Raw()) {
		t.Fatal("a new token was shown without a new reveal")
	}
	m, _ = press(t, m, "2")
	if m.keys.Reveal.Enabled() {
		t.Error("reveal is enabled outside the Token tab")
	}
}

func TestLogoutConfirmation(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	m, msgs := press(t, m, "L")
	if m.confirm != confirmLogout || len(msgs) != 0 || !strings.Contains(m.View(), "Log out: forget the token") {
		t.Fatalf("L: confirm %v msgs %v", m.confirm, msgs)
	}
	m, msgs = press(t, m, "3", "x", "n") // other keys are ignored while asking
	if m.confirm != confirmNone || len(msgs) != 0 || m.tab != tabToken {
		t.Fatalf("n: confirm %v msgs %v tab %v", m.confirm, msgs, m.tab)
	}
	_, msgs = press(t, m, "L", "y")
	if !reflect.DeepEqual(msgs, []tea.Msg{LogoutMsg{}}) {
		t.Fatalf("L y: %v, want LogoutMsg", msgs)
	}
}

func TestCurlMessages(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	m, _ = press(t, m, "3", "j", "j") // request #4
	m, msgs := press(t, m, "c", "w")
	want := []tea.Msg{CopyCurlMsg{ExchangeID: 4}, CopyCurlMsg{ExchangeID: 4, ToFile: true}}
	if !reflect.DeepEqual(msgs, want) {
		t.Fatalf("c w: %v, want %v", msgs, want)
	}
	m, msgs = press(t, m, "C")
	if len(msgs) != 0 || m.confirm != confirmCurlToken {
		t.Fatalf("C sent %v before confirmation", msgs)
	}
	m, msgs = press(t, m, "esc")
	if len(msgs) != 0 || m.confirm != confirmNone {
		t.Fatalf("esc on the question: %v", msgs)
	}
	m, msgs = press(t, m, "C", "y")
	if !reflect.DeepEqual(msgs, []tea.Msg{CopyCurlMsg{ExchangeID: 4, Reveal: true}}) {
		t.Fatalf("C y: %v", msgs)
	}
	m, msgs = press(t, m, "W")
	if len(msgs) != 0 || m.confirm != confirmCurlTokenFile || !strings.Contains(m.View(), "into a curl file") {
		t.Fatalf("W sent %v before confirmation", msgs)
	}
	m, msgs = press(t, m, "n")
	if len(msgs) != 0 || m.confirm != confirmNone {
		t.Fatalf("n on the file question: %v", msgs)
	}
	m, msgs = press(t, m, "W", "y")
	if !reflect.DeepEqual(msgs, []tea.Msg{CopyCurlMsg{ExchangeID: 4, Reveal: true, ToFile: true}}) {
		t.Fatalf("W y: %v", msgs)
	}
	m, _ = m.Update(CopiedMsg{Where: "/tmp/x/toggle-curl-1.sh"})
	if !strings.Contains(m.View(), "curl command written to /tmp/x/toggle-curl-1.sh") {
		t.Errorf("CopiedMsg not reported:\n%s", m.View())
	}
	// Outside the Requests tab the current request is the newest that carried a token.
	_, msgs = press(t, m, "1", "c")
	if !reflect.DeepEqual(msgs, []tea.Msg{CopyCurlMsg{ExchangeID: 6}}) {
		t.Fatalf("c on the Token tab: %v", msgs)
	}
}

func TestRefreshNow(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	_, msgs := press(t, m, "ctrl+f")
	if !reflect.DeepEqual(msgs, []tea.Msg{RefreshNowMsg{}}) {
		t.Fatalf("ctrl+f: %v", msgs)
	}
	f.creds = false // a pasted token: nothing to refresh with
	m = m.Refresh()
	if _, msgs = press(t, m, "ctrl+f"); len(msgs) != 0 {
		t.Fatalf("ctrl+f without credentials sent %v", msgs)
	}
	if !strings.Contains(m.View(), "no credentials held") {
		t.Errorf("no warning for a token that cannot be renewed:\n%s", m.View())
	}
}

func TestPasteToken(t *testing.T) {
	f, raw := fixture(t)
	m := newModel(f, 80, 24)
	m, _ = press(t, m, "p")
	if !m.CapturesKeys() {
		t.Fatal("paste input does not capture keys")
	}
	m, msgs := press(t, m, "3", "L", "q") // typed into the field, not acted on
	if len(msgs) != 0 || m.tab != tabToken || m.input.Value() != "3Lq" {
		t.Fatalf("keys leaked out of the input: msgs %v tab %v value %q", msgs, m.tab, m.input.Value())
	}
	m, msgs = press(t, m, "esc")
	if m.CapturesKeys() || len(msgs) != 0 || m.input.Value() != "" {
		t.Fatal("esc did not drop the pasted text")
	}
	m, _ = press(t, m, "p", "bad token")
	m, msgs = press(t, m, "enter")
	if len(msgs) != 0 || !m.CapturesKeys() || !strings.Contains(m.View(), "not a token: token contains whitespace") {
		t.Fatalf("an invalid token was sent (%v) or not explained:\n%s", msgs, m.View())
	}
	m.input.Reset()
	m, _ = press(t, m, "Bearer "+raw)
	m, msgs = press(t, m, "enter")
	if !reflect.DeepEqual(msgs, []tea.Msg{UseTokenMsg{Raw: "Bearer " + raw}}) {
		t.Fatalf("enter: %v", msgs)
	}
	if m.CapturesKeys() || m.input.Value() != "" {
		t.Fatal("the pasted token lingers in the input")
	}
}

func TestRefreshKeepsSelection(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	m, _ = press(t, m, "3", "j") // #5
	f.add(session.Exchange{ID: 7, Operation: "Cards", Status: 200, Started: base.Add(15 * time.Minute)})
	m = m.Refresh()
	if x, _ := m.selectedExchange(); x.ID != 5 {
		t.Fatalf("selection moved to #%d, want #5", x.ID)
	}
	m, _ = press(t, m, "home")
	f.add(session.Exchange{ID: 8, Operation: "Cards", Status: 200, Started: base.Add(16 * time.Minute)})
	m = m.Refresh()
	if x, _ := m.selectedExchange(); x.ID != 8 {
		t.Fatalf("a selection on the newest did not follow: #%d", x.ID)
	}
}

func TestDiffKey(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 100, 30)
	// d works from any tab: it goes to the requests and opens the diff there.
	m, _ = press(t, m, "d")
	if m.page != pageDiff || m.tab != tabRequests {
		t.Fatal("d did not open the diff on the requests tab")
	}
	view := m.View()
	for _, want := range []string{"≠ token sent      fp:1111aaaa2222", "≠ status", "  endpoint"} {
		if !strings.Contains(view, want) {
			t.Errorf("diff lacks %q:\n%s", want, view)
		}
	}
	_, msgs := press(t, m, "c")
	if !reflect.DeepEqual(msgs, []tea.Msg{CopyCurlMsg{ExchangeID: 4}}) {
		t.Fatalf("c on the diff copies %v, want the failing #4", msgs)
	}
}

func TestHelpFollowsState(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	enabled := func(m Model) map[string]bool {
		out := map[string]bool{}
		for _, group := range m.Help().FullHelp() {
			for _, b := range group {
				if b.Enabled() {
					out[b.Help().Desc] = true
				}
			}
		}
		return out
	}
	if e := enabled(m); !e["reveal token"] || !e["diff good/failing"] || e["yes"] {
		t.Fatalf("Token tab help: %v", e)
	}
	m, _ = press(t, m, "r")
	if !enabled(m)["hide token"] {
		t.Error("reveal's help does not offer to hide")
	}
	m, _ = press(t, m, "L")
	if e := enabled(m); !e["yes"] || e["open"] || e["copy as curl"] {
		t.Fatalf("confirmation help: %v", e)
	}
}
