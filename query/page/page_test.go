package page

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query"
)

func TestFind(t *testing.T) {
	body := `{"data":{"Products":[{"id":1}],"Cards":{"data":[{"n":1}],"total":23,"per_page":10}}}`
	info, ok := Find([]byte(body), 2)
	if !ok || info.Current != 2 || info.Pages != 3 || info.Total != 23 || strings.Join(info.Path, ".") != "data.Cards" {
		t.Fatalf("info = %+v, %v", info, ok)
	}
	if info.String() != "page 2 of 3" || info.Last() {
		t.Errorf("%s last=%v", info, info.Last())
	}
	with, _ := Find([]byte(`{"data":{"X":{"data":[],"total":0,"per_page":10,"current_page":1}}}`), 5)
	if with.Current != 1 || with.Pages != 1 || !with.Last() {
		t.Errorf("current_page / empty list: %+v", with)
	}
	for _, bad := range []string{`{"data":{"Cards":{"data":[],"total":"x","per_page":10}}}`, `{"errors":[]}`, `<html>`, `{"data":{"Cards":{"data":[],"total":3,"per_page":0}}}`} {
		if _, ok := Find([]byte(bad), 1); ok {
			t.Errorf("found a page in %s", bad)
		}
	}
}

func TestMergeKeepsOrderAndExactNumbers(t *testing.T) {
	pages := [][]byte{
		[]byte(`{"data":{"Cards":{"data":[{"n":1234567890123456789}],"total":3,"per_page":1,"current_page":1}}}`),
		[]byte(`{"data":{"Cards":{"data":[{"n":2}],"total":3,"per_page":1,"current_page":2}},"errors":[{"message":"x"}]}`),
		[]byte(`{"data":{"Cards":{"data":[{"n":3.5}],"total":3,"per_page":1,"current_page":3}}}`),
	}
	got, err := Merge(pages, []string{"data", "Cards"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"Cards":{"data":[{"n":1234567890123456789},{"n":2},{"n":3.5}],"per_page":1,"total":3}},"errors":[{"message":"x"}]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := Merge([][]byte{[]byte(`{"data":{}}`)}, []string{"data", "Cards"}); err == nil {
		t.Error("merged a page without the list")
	}
}

func TestVariableAndCurrent(t *testing.T) {
	doc, err := query.Parse(`query Q($page: Int = 3, $limit: Int) { Cards(page: $page, limit: $limit) { total } }`)
	if err != nil {
		t.Fatal(err)
	}
	op := doc.Operations[0]
	if !Variable(op) {
		t.Fatal("$page not seen")
	}
	if Current(op, nil) != 3 || Current(op, map[string]any{"page": 5}) != 5 || Current(op, map[string]any{"page": 2.0}) != 2 {
		t.Error("Current")
	}
	plain, _ := query.Parse(`{ Cards(page: 2) { total } }`)
	if Variable(plain.Operations[0]) {
		t.Error("a literal page: argument is not a variable")
	}
}

func TestLiteral(t *testing.T) {
	text := "# é comment\nquery Q { Accounts(limit: 2) { total } Cards(limit: 1, page: 3) { data { id } total per_page } }"
	doc, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	start, end, n, ok := Literal(text, doc.Operations[0])
	if !ok || n != 3 || text[start:end] != "3" {
		t.Fatalf("Literal = %d %d %d %v", start, end, n, ok)
	}
	next := SetLiteral(text, start, end, 12)
	if !strings.Contains(next, "page: 12)") {
		t.Errorf("SetLiteral: %s", next)
	}
	for _, src := range []string{`query Q($p: Int) { Cards(page: $p) { total } }`, `{ Cards(page: "2") { total } }`, `{ Cards { total } }`} {
		d, err := query.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, ok := Literal(src, d.Operations[0]); ok {
			t.Errorf("%s: found a literal", src)
		}
	}
}
