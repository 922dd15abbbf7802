package results

import (
	"encoding/json"
	tea "github.com/charmbracelet/bubbletea"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

func TestBuildTableFlattens(t *testing.T) {
	list := `[{"id":1,"owner":{"name":"Ann","address":{"city":"Leeds","geo":{"lat":1}}},"tags":["a","b"],"note":null},` +
		`{"id":2,"extra":"late column","owner":{}},"plain"]`
	tb, err := buildTable([]byte(list))
	if err != nil {
		t.Fatal(err)
	}
	wantCols := []string{"id", "owner.name", "owner.address.city", "owner.address.geo", "tags", "note", "extra", "owner", "value"}
	if strings.Join(tb.cols, "|") != strings.Join(wantCols, "|") {
		t.Fatalf("cols = %q, want %q", tb.cols, wantCols)
	}
	want := [][]string{
		{"1", "Ann", "Leeds", "{…} 1 key", "[…] 2 items", "null", "", "", ""},
		{"2", "", "", "", "", "", "late column", "{}", ""},
		{"", "", "", "", "", "", "", "", "plain"},
	}
	for i, row := range want {
		if strings.Join(tb.rows[i], "|") != strings.Join(row, "|") {
			t.Errorf("row %d = %q, want %q", i, tb.rows[i], row)
		}
	}
	if _, err := buildTable([]byte(`{"a":1}`)); err == nil {
		t.Error("an object made a table")
	}
}

func TestSortedOrder(t *testing.T) {
	tb, _ := buildTable([]byte(`[{"v":10},{"v":"b"},{"v":9},{},{"v":"A"},{"v":-1.5}]`))
	got := func(desc bool) string {
		var s []string
		for _, i := range sortedOrder(tb, 0, desc) {
			s = append(s, tb.rows[i][0])
		}
		return strings.Join(s, ",")
	}
	// Numbers by value, then text without case, absent cells last either way.
	if g := got(false); g != "-1.5,9,10,A,b," {
		t.Errorf("ascending: %s", g)
	}
	if g := got(true); g != "b,A,10,9,-1.5," {
		t.Errorf("descending: %s", g)
	}
}

func TestTableAtCursorSortCopyClose(t *testing.T) {
	m := newModel(t, string(benchBody(5)), Meta{Status: 200}, 100, 20)
	rec := &clipRecorder{}
	m.SetClipboard(rec.write)
	m = cursorTo(t, m, `"u3@example.com"`) // inside the fourth item
	m, _ = press(t, m, "t")
	if !m.tableOn {
		t.Fatal("t did not open the table")
	}
	view := m.View()
	for _, want := range []string{"id", "balance.amount", "owner.email", "gc_4", "table data.giftCards.items", "row 1/5"} {
		if !strings.Contains(view, want) {
			t.Errorf("table view lacks %q:\n%s", want, view)
		}
	}
	// Sort by balance.amount descending: the last item comes first.
	m, _ = press(t, m, "l", "s", "s")
	if first := m.table.t.rows[m.table.order[0]][0]; first != "gc_4" {
		t.Errorf("first row after sorting down = %s", first)
	}
	_, msgs := press(t, m, "y")
	if len(rec.texts) != 1 || !strings.HasPrefix(rec.texts[0], "id,balance.amount,balance.currency,active,tags,owner.name") {
		t.Fatalf("copied %q", rec.texts)
	}
	if lines := strings.Split(strings.TrimSpace(rec.texts[0]), "\n"); len(lines) != 6 || !strings.HasPrefix(lines[1], "gc_4,") {
		t.Errorf("CSV in view order: %q", lines)
	}
	if info, ok := msgs[0].(common.InfoMsg); !ok || !strings.Contains(info.Text, "OSC 52") {
		t.Errorf("copy notice %v does not warn about OSC 52", msgs)
	}
	m, _ = press(t, m, "Y")
	if !strings.Contains(rec.texts[len(rec.texts)-1], "\t") {
		t.Error("Y did not copy TSV")
	}
	m, _ = press(t, m, "esc")
	if m.tableOn || !strings.Contains(m.View(), `"u3@example.com"`) {
		t.Error("esc did not return to the JSON at the same place")
	}
}

func TestTableNeedsAList(t *testing.T) {
	m := newModel(t, `{"a":{"b":1}}`, Meta{Status: 200}, 80, 10)
	m, msgs := press(t, m, "t")
	if m.tableOn || len(msgs) != 1 {
		t.Fatalf("tableOn=%v msgs=%v", m.tableOn, msgs)
	}
	if e, ok := msgs[0].(common.ErrorMsg); !ok || !strings.Contains(e.Err.Error(), "no list at the cursor") {
		t.Errorf("msg = %v", msgs[0])
	}
}

func TestCopyValueAndPath(t *testing.T) {
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 30)
	rec := &clipRecorder{}
	m.SetClipboard(rec.write)
	m = cursorTo(t, m, `9876543210987654321`)
	m, _ = press(t, m, "y", "p")
	if len(rec.texts) != 2 || rec.texts[0] != "9876543210987654321" || rec.texts[1] != "data.Cards.data[1].number" {
		t.Fatalf("copied %q", rec.texts)
	}
	// On an object: its JSON, indented from column 0.
	m, _ = press(t, m, "up", "up", "y", "p")
	var v map[string]any
	if err := json.Unmarshal([]byte(rec.texts[2]), &v); err != nil || !strings.HasPrefix(rec.texts[2], "{\n  \"id\": 2") {
		t.Errorf("object copied as %q (%v)", rec.texts[2], err)
	}
	if rec.texts[3] != "data.Cards.data[1]" {
		t.Errorf("path %q", rec.texts[3])
	}
	// A string is copied as its text; Y copies the whole response.
	m = newModel(t, `{"we ird":{"s":"a\"b"}}`, Meta{}, 80, 10)
	m.SetClipboard(rec.write)
	m, _ = press(t, m, "j", "j", "y", "p", "Y")
	if got := rec.texts[4:]; got[0] != `a"b` || got[1] != `["we ird"].s` || !strings.HasPrefix(got[2], "{\n") {
		t.Errorf("copied %q", got)
	}
}

func TestWriteAsksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	m, _ = press(t, m, "w")
	if !m.InputFocused() || !strings.Contains(m.View(), "write to: response.json") {
		t.Fatalf("no prompt:\n%s", m.View())
	}
	m, _ = press(t, m, "ctrl+u")
	m = typeText(t, m, path)
	m, msgs := press(t, m, "enter")
	if !strings.Contains(m.View(), "exists; replace it? y/n") || len(msgs) != 0 {
		t.Fatalf("no confirmation:\n%s", m.View())
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Fatal("replaced before the answer")
	}
	m, _ = press(t, m, "n") // back to the name
	m, _ = press(t, m, "enter", "y")
	if data, _ := os.ReadFile(path); string(data) != string(m.doc.Bytes()) {
		t.Fatalf("file holds %q", data)
	}
	if m.InputFocused() {
		t.Error("prompt still open")
	}
	// A new name writes at once.
	m, _ = press(t, m, "w", "ctrl+u")
	m = typeText(t, m, filepath.Join(dir, "new.json"))
	_, msgs = press(t, m, "enter")
	if info, ok := msgs[0].(common.InfoMsg); !ok || !strings.Contains(info.Text, "new.json") {
		t.Errorf("msgs = %v", msgs)
	}
}

func TestTableOfMatchesDecoding(t *testing.T) {
	for _, list := range []string{
		`[{"id":1,"owner":{"name":"Ann","address":{"city":"Leeds","geo":{"lat":1},"none":{}}},"tags":["a","b"],"note":null,"e":[]},` +
			`{"id":2,"extra":"late \"quoted\" column","owner":{}},"plain",[1,2],{},[],12345678901234567890]`,
		string(benchBody(7))[len(`{"data":{"giftCards":{"totalCount":7,"items":`) : len(benchBody(7))-3],
	} {
		want, err := buildTable([]byte(list))
		if err != nil {
			t.Fatal(err)
		}
		d := Prepare([]byte(list), Meta{})
		got := tableOf(d, d.structure(), 0)
		if strings.Join(got.cols, "|") != strings.Join(want.cols, "|") {
			t.Fatalf("cols %q, want %q", got.cols, want.cols)
		}
		for i := range want.rows {
			if strings.Join(got.rows[i], "|") != strings.Join(want.rows[i], "|") {
				t.Errorf("row %d: %q, want %q", i, got.rows[i], want.rows[i])
			}
		}
	}
}

// A key carrying terminal controls reaches the copy notice escaped.
func TestCopyNoticeEscapesKeys(t *testing.T) {
	m := newModel(t, `{"a\u009b31mb":1}`, Meta{}, 80, 10) // C1 CSI: JSON quoting leaves it raw
	m.SetClipboard((&clipRecorder{}).write)
	_, msgs := press(t, m, "j", "p")
	info, ok := msgs[0].(common.InfoMsg)
	if !ok || strings.ContainsRune(info.Text, 0x9b) || !strings.Contains(info.Text, "31mb") {
		t.Errorf("notice %q", info.Text)
	}
}

// The wheel scrolls the table while it is on show.
func TestTableWheel(t *testing.T) {
	m := newModel(t, string(benchBody(20)), Meta{Status: 200}, 100, 10)
	m = cursorTo(t, m, `"gc_0"`)
	m, _ = press(t, m, "t")
	m, _ = m.Update(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if m.table.row != wheelLines || m.top != 0 {
		t.Errorf("row %d, JSON top %d", m.table.row, m.top)
	}
}

// While the write prompt is open its help names its own keys, not the pane's letters (which it
// types as text).
func TestWritePromptHelp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	helpText := func(m Model) (short, full string) {
		for _, b := range m.ShortHelp() {
			short += b.Help().Key + " " + b.Help().Desc + " · "
		}
		for _, col := range m.FullHelp() {
			for _, b := range col {
				full += b.Help().Key + " " + b.Help().Desc + " · "
			}
		}
		return short, full
	}
	m := newModel(t, cardsBody, Meta{Status: 200}, 80, 20)
	m, _ = press(t, m, "w")
	short, full := helpText(m)
	for _, s := range []string{short, full} {
		if !strings.Contains(s, "enter write") || !strings.Contains(s, "esc cancel") || strings.Contains(s, "/ search") {
			t.Errorf("name prompt help: %q", s)
		}
	}
	m, _ = press(t, m, "ctrl+u")
	m = typeText(t, m, path)
	m, _ = press(t, m, "enter")
	short, full = helpText(m)
	for _, s := range []string{short, full} {
		if !strings.Contains(s, "y replace") || !strings.Contains(s, "n/esc another name") {
			t.Errorf("replace question help: %q", s)
		}
	}
}
