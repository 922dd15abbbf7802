package results

import (
	"strconv"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"strings"
	"testing"
)

const prevCards = `{"data":{"Cards":{"total":2,"data":[{"id":1,"number":1234567890123456789,"balance":25.5,"tags":["a"]},{"id":2,"number":9876543210987654321,"balance":0}]}}}`

// The second response: card 1's balance changed, a digit of card 2's
// 19-digit number changed (exactness matters), a tag and a card added, a
// field removed.
const nextCards = `{"data":{"Cards":{"total":3,"data":[{"id":1,"number":1234567890123456789,"balance":20,"tags":["a","b"]},{"id":2,"number":9876543210987654322},{"id":3,"number":1,"balance":5}]}}}`

func TestCompareWithPreviousResponse(t *testing.T) {
	m := newModel(t, prevCards, Meta{Status: 200}, 100, 40)
	m = m.SetDocument(Prepare([]byte(nextCards), Meta{Status: 200}))
	m, _ = press(t, m, "D")
	if m.diff == nil {
		t.Fatal("D did not compare")
	}
	// changed: total, data[0].balance, data[1].number; added: tags[1], data[2].{id,number,balance}.
	if d := m.diff; d.changed != 3 || d.added != 4 || d.removed != 1 || d.firstRemoved != ".data.Cards.data[1].balance" || !strings.Contains(m.View(), "(e.g. data.Cards.data[1].balance)") {
		t.Fatalf("diff = %d changed, %d added, %d removed (%s)", d.changed, d.added, d.removed, d.firstRemoved)
	}
	view := m.View()
	if !strings.Contains(view, "Δ 3 changed · 4 added · 1 removed") {
		t.Errorf("no summary:\n%s", view)
	}
	marked := map[string]string{`"balance": 20,`: "~", `"number": 9876543210987654322`: "~", `"b"`: "+", `"id": 3,`: "+", `"id": 1,`: " "}
	for _, line := range strings.Split(view, "\n") {
		for text, mark := range marked {
			if strings.HasSuffix(line, text) {
				if gutter := strings.Fields(line)[0]; !strings.HasSuffix(gutter, mark) && mark != " " || mark == " " && strings.ContainsAny(gutter, "~+") {
					t.Errorf("%q marked %q, want %q", text, gutter, mark)
				}
				delete(marked, text)
			}
		}
	}
	if len(marked) > 0 {
		t.Errorf("lines not found: %v\n%s", marked, view)
	}
	m, _ = press(t, m, "D")
	if m.diff != nil || strings.Contains(m.View(), "Δ") {
		t.Error("second D did not end the comparison")
	}
}

func TestCompareNeedsTwoJSONResponses(t *testing.T) {
	m := newModel(t, prevCards, Meta{Status: 200}, 80, 20)
	if m, _ = press(t, m, "D"); m.diff != nil {
		t.Error("compared without a previous response")
	}
	m = m.SetDocument(Prepare([]byte("<html>502</html>"), Meta{Status: 502}))
	if m, _ = press(t, m, "D"); m.diff != nil {
		t.Error("compared an HTML page")
	}
	// The HTML page is not kept as "previous": the next JSON compares with the JSON before it.
	m = m.SetDocument(Prepare([]byte(prevCards), Meta{Status: 200}))
	if m, _ = press(t, m, "D"); m.diff == nil || m.diff.changed+m.diff.added+m.diff.removed != 0 {
		t.Errorf("identical responses: %+v", m.diff)
	}
	if !strings.Contains(m.View(), "no differences") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestCompareGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(strconv.Itoa(size.w)+"x"+strconv.Itoa(size.h), func(t *testing.T) {
			m := newModel(t, prevCards, Meta{Status: 200}, size.w, size.h)
			m = m.SetDocument(Prepare([]byte(nextCards), Meta{Status: 200, Duration: 12_000_000}))
			m, _ = press(t, m, "D", "j", "j", "j", "j", "j", "j", "j", "j")
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// Duplicate keys are valid JSON: a document still equals itself.
func TestCompareDuplicateKeys(t *testing.T) {
	d := Prepare([]byte(`{"a":1,"a":2,"b":[{"a":1,"a":1}]}`), Meta{})
	if r := compareDocs(d, d); r.changed+r.added+r.removed != 0 {
		t.Errorf("self-comparison: %+v", r)
	}
}

// A response from elsewhere (the history) is compared the way D compares the previous one, the
// summary names it, and D ends that comparison too.
func TestCompareWithAnEarlierResponse(t *testing.T) {
	m := newModel(t, nextCards, Meta{Status: 200}, 100, 40)
	if m.keys.Compare.Enabled() {
		t.Fatal("D enabled with nothing to compare with")
	}
	if _, _, ok := m.CompareWith(Prepare([]byte("<html>502</html>"), Meta{Status: 502}), "x"); ok {
		t.Error("compared with an HTML page")
	}
	m, cmd, ok := m.CompareWith(Prepare([]byte(prevCards), Meta{Status: 200}), "GetCards at 03:12:05\x1b[2J")
	if !ok || cmd == nil {
		t.Fatal("CompareWith refused two JSON responses")
	}
	for _, msg := range uitest.Messages(cmd) {
		m, _ = m.Update(msg)
	}
	if d := m.diff; d == nil || d.changed != 3 || d.added != 4 || d.removed != 1 {
		t.Fatalf("diff = %+v", m.diff)
	}
	if v := m.View(); !strings.Contains(v, "Δ 3 changed · 4 added · 1 removed") || !strings.Contains(v, `vs GetCards at 03:12:05\x1b[2J`) {
		t.Errorf("summary missing or unescaped:\n%s", v)
	}
	if !m.keys.Compare.Enabled() {
		t.Fatal("D cannot end the comparison")
	}
	if m, _ = press(t, m, "D"); m.diff != nil || m.keys.Compare.Enabled() {
		t.Error("D did not end the comparison")
	}
	// A comparison that finishes after another response arrived is dropped.
	m, cmd, _ = m.CompareWith(Prepare([]byte(prevCards), Meta{Status: 200}), "old")
	m = m.SetDocument(Prepare([]byte(prevCards), Meta{Status: 200}))
	for _, msg := range uitest.Messages(cmd) {
		m, _ = m.Update(msg)
	}
	if m.diff != nil {
		t.Error("a stale comparison was shown over a new response")
	}
}
