package results

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// naiveRows lists the document line shown on every row, by walking the
// lines and skipping what each outermost fold hides: the definition that
// folds.line and folds.row must agree with.
func naiveRows(s *structure, n int, folded []int32) []int {
	var rows []int
	for l := 0; l < n; l++ {
		rows = append(rows, l)
		if _, ok := slices.BinarySearch(folded, int32(l)); ok {
			l = int(s.close[l])
		}
	}
	return rows
}

func TestFoldMappingMatchesNaiveWalk(t *testing.T) {
	d := Prepare(benchBody(40), Meta{})
	s := d.structure()
	var openers []int32
	for l, c := range s.close {
		if c > 0 {
			openers = append(openers, int32(l))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var folded []int32
		for _, o := range openers {
			if rng.IntN(8) == 0 {
				folded = append(folded, o)
			}
		}
		f := newFolds(s, folded)
		want := naiveRows(s, d.LineCount(), folded)
		if got := f.rows(d.LineCount()); got != len(want) {
			t.Fatalf("trial %d: rows = %d, want %d", trial, got, len(want))
		}
		for r, line := range want {
			if got := f.line(r); got != line {
				t.Fatalf("trial %d: line(%d) = %d, want %d", trial, r, got, line)
			}
			if got := f.row(line); got != r {
				t.Fatalf("trial %d: row(%d) = %d, want %d", trial, line, got, r)
			}
		}
		// A hidden line maps to the row of the fold hiding it.
		for l := range d.LineCount() {
			r := f.row(l)
			if f.line(r) > l {
				t.Fatalf("trial %d: hidden line %d maps to row %d showing line %d", trial, l, r, f.line(r))
			}
		}
	}
}

// The structure's child counts agree with encoding/json's view of the same
// containers.
func TestStructureCountsChildren(t *testing.T) {
	d := Prepare([]byte(sampleBody), Meta{})
	var v struct {
		Errors []map[string]any `json:"errors"`
		Data   struct {
			GiftCards []map[string]any `json:"giftCards"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(sampleBody), &v); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		`"errors": [`:    len(v.Errors),
		`"giftCards": [`: len(v.Data.GiftCards),
		`"data": {`:      1,
	}
	for l := range d.LineCount() {
		text := strings.TrimSpace(string(d.Line(l)))
		if n, ok := want[text]; ok {
			if !d.structure().isOpen(l) || int(d.structure().kids[l]) != n {
				t.Errorf("%s: open=%v kids=%d, want %d", text, d.structure().isOpen(l), d.structure().kids[l], n)
			}
			delete(want, text)
		}
	}
	if len(want) > 0 {
		t.Errorf("lines not found: %v", want)
	}
	if root := d.structure(); int(root.kids[0]) != 2 || int(root.close[0]) != d.LineCount()-1 {
		t.Errorf("root: kids=%d close=%d", root.kids[0], root.close[0])
	}
}

// cursorTo moves the cursor down to the first row whose text contains s.
func cursorTo(t *testing.T, m Model, s string) Model {
	t.Helper()
	for range m.rowCount() {
		if strings.Contains(string(m.doc.Line(m.cursorLine())), s) {
			return m
		}
		m, _ = press(t, m, "down")
	}
	t.Fatalf("no line holds %q", s)
	return m
}

func TestFoldAtCursorShowsSize(t *testing.T) {
	m := newModel(t, sampleBody, Meta{Status: 200}, 100, 40)
	m = cursorTo(t, m, `"giftCards"`)
	before := m.rowCount()
	m, _ = press(t, m, "z")
	view := m.View()
	if !strings.Contains(view, `"giftCards": […] 2 items`) {
		t.Fatalf("folded row missing:\n%s", view)
	}
	if strings.Contains(view, `"gc_1"`) {
		t.Error("folded content still shown")
	}
	if m.rowCount() >= before {
		t.Errorf("rows %d → %d", before, m.rowCount())
	}
	// A line inside a container folds the container; the cursor lands on it.
	m, _ = press(t, m, "z") // unfold
	m = cursorTo(t, m, `"currency": "EUR"`)
	m, _ = press(t, m, "enter")
	if !strings.Contains(m.View(), "{…} 7 keys") {
		t.Errorf("the enclosing object was not folded:\n%s", m.View())
	}
	if got := string(m.doc.Line(m.cursorLine())); strings.TrimSpace(got) != "{" {
		t.Errorf("cursor on %q, want the folded object's row", got)
	}
	m, _ = press(t, m, "x")
	if m.folds != nil || m.rowCount() != m.doc.LineCount() {
		t.Errorf("x left folds: %v", m.folds)
	}
}

func TestFoldLevelAndAll(t *testing.T) {
	m := newModel(t, string(benchBody(30)), Meta{Status: 200}, 80, 20)
	m = cursorTo(t, m, `"gc_3"`)
	m, _ = press(t, m, "Z")
	if got := m.rowCount(); got != 30+9 {
		// { data { giftCards { totalCount, items [ 30 rows ] } } }: 4 opening rows, 4 closing,
		// totalCount, and one row per item.
		t.Errorf("after Z: %d rows, want 39", got)
	}
	if !strings.Contains(m.View(), "{…} 7 keys") {
		t.Errorf("items not folded:\n%s", m.View())
	}
	m, _ = press(t, m, "Z") // the cursor's item is folded: unfold the level
	if m.folds != nil {
		t.Errorf("second Z left %d folds", len(m.folds.folded))
	}
	m, _ = press(t, m, "X")
	if m.rowCount() != 1 || !strings.Contains(m.View(), "{…} 1 key") {
		t.Errorf("X: %d rows:\n%s", m.rowCount(), m.View())
	}
	// Unfolding the root keeps inner folds: one level opens at a time.
	m, _ = press(t, m, "z")
	if m.rowCount() != 3 {
		t.Errorf("after X z: %d rows, want 3", m.rowCount())
	}
}

// A search match inside a fold unfolds what hides it.
func TestSearchOpensFolds(t *testing.T) {
	m := newModel(t, string(benchBody(30)), Meta{Status: 200}, 80, 20)
	m, _ = press(t, m, "X")
	m, _ = press(t, m, "/", "g", "c", "_", "2", "5", "enter")
	line := m.doc.lineOf(int(m.matches[m.current]))
	if m.lineAt(m.rowOf(line)) != line {
		t.Fatalf("match line %d still hidden", line)
	}
	if !strings.Contains(m.View(), `"gc_25"`) {
		t.Errorf("match not on screen:\n%s", m.View())
	}
}

func TestGroupThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 12: "12", 999: "999", 1000: "1,000", 80000: "80,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := groupThousands(n); got != want {
			t.Errorf("groupThousands(%d) = %q, want %q", n, got, want)
		}
	}
}
