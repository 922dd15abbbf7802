package historyview

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func ops(es []history.Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Operation
	}
	return out
}

func TestFilterIsSubstringOfOperationEndpointDocument(t *testing.T) {
	m := New(uitest.NewContext(now), sample(), nil).SetSize(120, 40)
	cases := []struct {
		filter string
		want   []string
	}{
		{"", []string{"GetCards", "AdjustBalance", "", "Orders"}},
		{"cards", []string{"GetCards"}},               // operation, any case
		{"staging", []string{""}},                     // endpoint
		{"adjustbalance(", []string{"AdjustBalance"}}, // document text
		{"email", []string{""}},                       // document only
		{"ID", []string{"GetCards", "AdjustBalance", "", "Orders"}},
		{"nothing like this", []string{}},
	}
	for _, c := range cases {
		got := m
		got, _ = press(t, got, "ctrl+u")
		got = typeText(t, got, c.filter)
		if g := ops(got.Visible()); !slices.Equal(g, c.want) {
			t.Errorf("filter %q: %q, want %q", c.filter, g, c.want)
		}
	}
	m = typeText(t, m, "zzz")
	if !strings.Contains(m.View(), `No entry matches "zzz"`) || m.KeyMap().Rerun.Enabled() {
		t.Fatalf("no match state:\n%s", m.View())
	}
	if _, msgs := press(t, m, "enter", "ctrl+l", "ctrl+t"); len(msgs) != 0 {
		t.Fatalf("actions without a selection sent %#v", msgs)
	}
}

func TestSelectionAndMessages(t *testing.T) {
	m := New(uitest.NewContext(now), sample(), nil).SetSize(120, 40)
	m, _ = press(t, m, "up")
	if e, _ := m.Selected(); e.Operation != "GetCards" {
		t.Fatalf("up at the top moved: %q", e.Operation)
	}
	m, _ = press(t, m, "down", "ctrl+n", "pgdown", "down")
	if e, _ := m.Selected(); e.Operation != "Orders" {
		t.Fatalf("down past the end: %q", e.Operation)
	}
	m, _ = press(t, m, "ctrl+p", "ctrl+p")
	want := sample()[1]
	cases := []struct {
		key  string
		want tea.Msg
	}{
		{"enter", RerunMsg{Entry: want}},
		{"ctrl+l", LoadMsg{Entry: want}},
		{"ctrl+t", SaveAsMsg{Entry: want}},
		{"esc", CloseMsg{}},
	}
	for _, c := range cases {
		_, msgs := press(t, m, c.key)
		if len(msgs) != 1 || !sameMsg(msgs[0], c.want) {
			t.Errorf("%s sent %#v, want %#v", c.key, msgs, c.want)
		}
	}
	// Letters are filter text, never shortcuts.
	if !m.CapturesKeys() {
		t.Fatal("CapturesKeys is false with the filter focused")
	}
	m, msgs := press(t, m, "q")
	if len(msgs) != 0 || m.Filter() != "q" {
		t.Fatalf("q: %#v, filter %q", msgs, m.Filter())
	}
}

// sameMsg compares messages by type and entry (entries hold maps, so == does not apply).
func sameMsg(a, b tea.Msg) bool {
	entry := func(m tea.Msg) (history.Entry, string) {
		switch m := m.(type) {
		case RerunMsg:
			return m.Entry, "rerun"
		case LoadMsg:
			return m.Entry, "load"
		case SaveAsMsg:
			return m.Entry, "saveas"
		case CloseMsg:
			return history.Entry{}, "close"
		}
		return history.Entry{}, "?"
	}
	ea, ka := entry(a)
	eb, kb := entry(b)
	return ka == kb && ea.Time.Equal(eb.Time) && ea.Operation == eb.Operation && ea.Document == eb.Document && len(ea.Variables) == len(eb.Variables)
}

func TestScrollKeepsSelectionVisible(t *testing.T) {
	var many []history.Entry
	for i := range 50 {
		many = append(many, history.Entry{Time: now.Add(-time.Duration(i) * time.Minute), Operation: "Op" + string(rune('A'+i%26)) + string(rune('a'+i/26)), Document: "{ a }", Outcome: history.OutcomeOK, Status: 200})
	}
	m := New(uitest.NewContext(now), many, nil).SetSize(80, 24)
	for range 30 {
		m, _ = press(t, m, "down")
	}
	e, _ := m.Selected()
	selectedLine := ""
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.Contains(l, "▸") {
			selectedLine = l
		}
	}
	if e.Operation != many[30].Operation || !strings.Contains(selectedLine, e.Operation) {
		t.Fatalf("selected %q not drawn:\n%s", e.Operation, m.View())
	}
}

func TestLoadCmdAgainstARealHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	h := history.New(path, 0)
	for i, e := range sample() {
		e.Time = now.Add(time.Duration(i) * time.Second) // appended oldest first
		if i == 1 {
			e.Variables = map[string]any{"id": "gc_1", "password": "hunter2"}
		}
		if err := h.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	// A writer that died mid-line.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"time":"2025-03-14T15:1`); err != nil {
		t.Fatal(err)
	}
	f.Close()

	msg, ok := LoadCmd(h, 3)().(LoadedMsg)
	if !ok || msg.Err != nil || len(msg.Entries) != 3 || len(msg.Warnings) == 0 {
		t.Fatalf("LoadCmd: %#v", msg)
	}
	if got := ops(msg.Entries); !slices.Equal(got, []string{"Orders", "", "AdjustBalance"}) {
		t.Fatalf("not newest first: %q", got)
	}
	// A model opened while loading shows the entries, the warnings, and never the password.
	m := New(uitest.NewContext(now), nil, nil).SetSize(120, 40)
	if !strings.Contains(m.View(), "Loading…") {
		t.Fatalf("no loading state:\n%s", m.View())
	}
	m, _ = m.Update(msg)
	m, _ = press(t, m, "down", "down")
	v := m.View()
	if !strings.Contains(v, "⚠ history line 5 is damaged") || !strings.Contains(v, "AdjustBalance") {
		t.Fatalf("after load:\n%s", v)
	}
	if strings.Contains(v, "hunter2") || !strings.Contains(v, `"id": "gc_1"`) {
		t.Fatalf("variables not as masked:\n%s", v)
	}

	missing := history.New(filepath.Join(t.TempDir(), "none.jsonl"), 0)
	if msg := LoadCmd(missing, 0)().(LoadedMsg); msg.Err != nil || len(msg.Entries) != 0 {
		t.Fatalf("missing history: %#v", msg)
	}
}

func TestLoadErrorAndEmptyStates(t *testing.T) {
	m := New(uitest.NewContext(now), nil, nil).SetSize(80, 24)
	m, _ = m.Update(LoadedMsg{Err: os.ErrPermission})
	if !strings.Contains(m.View(), "✗ cannot read the history: permission denied") {
		t.Fatalf("load error:\n%s", m.View())
	}
	m, _ = m.Update(LoadedMsg{Entries: []history.Entry{}})
	if !strings.Contains(m.View(), "No history yet") {
		t.Fatalf("empty:\n%s", m.View())
	}
}

func TestManyWarningsAreSummarised(t *testing.T) {
	ws := []string{"history line 1 is damaged", "history line 2 is damaged", "history line 3 is damaged", "history line 4 is damaged", "moved to x"}
	v := New(uitest.NewContext(now), sample(), ws).SetSize(80, 24).View()
	ls := uitest.CheckBlock(t, v, 80, 24)
	if !strings.HasPrefix(ls[0], "⚠ history line 1") || !strings.HasPrefix(ls[2], "⚠ … and 3 more warnings") {
		t.Fatalf("warnings:\n%s", v)
	}
}

func TestHostileEntryIsSanitised(t *testing.T) {
	evil := history.Entry{Time: now, Endpoint: "https://x/\x1b]52;c;aGk=\x07", Operation: "Op\x1b[2J", Document: "{ a(s: \"\x1b[31m\") }\r\n\x9b1m",
		Variables: map[string]any{"k\x1b": "v\x1b[0m"}, ErrorSummary: "bad\x1b[H", TokenFingerprint: "ab\x07", Outcome: "ok\x1b"}
	v := New(uitest.NewContext(now), []history.Entry{evil}, []string{"warn\x1b[2J"}).SetSize(120, 40).View()
	if strings.ContainsRune(v, 0x1b) || strings.ContainsRune(v, 0x07) || strings.ContainsRune(v, 0x9b) {
		t.Fatalf("raw control characters reached the view: %q", v)
	}
}

func TestFormatting(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	local := now.In(paris)
	cases := []struct{ got, want string }{
		{formatWhen(now.Add(-time.Hour), now), "14:09:26"},
		{formatWhen(now.Add(-16*time.Hour), now), "2025-03-13"}, // yesterday evening
		{formatWhen(now.Add(-16*time.Hour), now.Add(-24*time.Hour)), "23:09:26"},
		// The clock's zone decides the day: 23:30 UTC is already tomorrow in Paris.
		{formatWhen(time.Date(2025, 3, 14, 23, 30, 0, 0, time.UTC), local), "2025-03-15"},
		{formatWhen(time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC), local), "11:00:00"},
		{formatWhen(now, time.Time{}), "2025-03-14"},
		{formatStatus(history.Entry{Status: 401, Outcome: "unauthorized"}), "401 unauthorized"},
		{formatStatus(history.Entry{Outcome: "failed"}), "— failed"},
		{formatStatus(history.Entry{Status: 200}), "200"},
		{operationLabel(history.Entry{OperationKind: "mutation", Operation: "Pay"}), "Pay · mutation"},
		{operationLabel(history.Entry{OperationKind: "query"}), "(anonymous)"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
}

// ctrl+d asks to compare with the selected entry's kept response; it is offered, and said in the
// preview, only for an entry that has one. Without one ctrl+d stays the filter's.
func TestCompareOnlyWithAKeptResponse(t *testing.T) {
	entries := sample()
	entries[1].Response = "0000000000000000001-0000abcd.json"
	m := New(uitest.NewContext(now), entries, nil).SetSize(120, 40)
	if m.KeyMap().Compare.Enabled() || strings.Contains(m.View(), "response kept") {
		t.Error("compare offered for an entry without a kept response")
	}
	m, msgs := press(t, m, "ctrl+d")
	for _, msg := range msgs {
		if _, ok := msg.(CompareMsg); ok {
			t.Error("ctrl+d compared without a kept response")
		}
	}
	m, _ = press(t, m, "down")
	if v := m.View(); !m.KeyMap().Compare.Enabled() || !strings.Contains(v, "response kept") {
		t.Fatalf("compare not offered for an entry with a kept response:\n%s", v)
	}
	_, msgs = press(t, m, "ctrl+d")
	var got []history.Entry
	for _, msg := range msgs {
		if c, ok := msg.(CompareMsg); ok {
			got = append(got, c.Entry)
		}
	}
	if len(got) != 1 || got[0].Operation != entries[1].Operation {
		t.Errorf("ctrl+d sent %+v, want the selected entry", got)
	}
}
