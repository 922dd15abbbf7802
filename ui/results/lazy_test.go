package results

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// lazyAgrees holds the lazy form of body (as Prepare keeps a large one) to d, the indented one:
// same line count, the same line bytes, the same longest line, and the same whole text once
// built.
func lazyAgrees(t *testing.T, body []byte, d *Document) {
	t.Helper()
	lz := prepare(body, Meta{}, 0)
	if lz.IsJSON() != d.IsJSON() {
		t.Fatalf("lazy IsJSON = %v, indented %v", lz.IsJSON(), d.IsJSON())
	}
	if !d.IsJSON() || len(body) == 0 {
		return
	}
	if lz.hasText() {
		t.Fatal("a lazy document has its indented text before anything asked for it")
	}
	if lz.LineCount() != d.LineCount() {
		t.Fatalf("lazy has %d lines, indented %d", lz.LineCount(), d.LineCount())
	}
	for i := range d.LineCount() {
		if got, want := lz.Line(i), d.Line(i); !bytes.Equal(got, want) {
			t.Fatalf("line %d: lazy %q, indented %q", i, got, want)
		}
	}
	if lz.maxLine != d.maxLine {
		t.Fatalf("lazy longest line %d, indented %d", lz.maxLine, d.maxLine)
	}
	if !bytes.Equal(lz.Bytes(), d.Bytes()) || !lz.hasText() {
		t.Fatalf("lazy text once built:\n%q\nindented:\n%q", lz.Bytes(), d.Bytes())
	}
}

func TestLazyLinesMatchIndented(t *testing.T) {
	deep := strings.Repeat("[", maxIndentDepth+3) + strings.Repeat("]", maxIndentDepth+3)
	for _, body := range []string{
		sampleBody, `{}`, `[]`, `"s"`, `1e9`, ` null `, `{"a":[{},[],{"b":null}]}`,
		"{ \"a\" : [ 1 ,\n\t2 ] ,\r\n \"b\":{ } , \"c\" : [ ] }\n",
		`{"k: v":"a, b : c","e":"q\"uo{te}","u":"\u00e9"}`,
		`[[[1,[2]],{"x":{"y":{"z":[true,false,null]}}}]]`, deep,
		// Many checkpoints: lines found by walking from one, across depths and empty containers.
		string(benchBody(40)), strings.Repeat(`[{"a":{},"b":[ ],"c":[[1],{"d":[]}]},`, 3*lazyStride) + `0]`,
		strings.Repeat("[", 3*lazyStride) + "\n\t1 , [ ] , { }\n" + strings.Repeat("]", 3*lazyStride),
	} {
		t.Run(fmt.Sprintf("%.20q", body), func(t *testing.T) {
			lazyAgrees(t, []byte(body), Prepare([]byte(body), Meta{}))
		})
	}
}

// A large body that is not JSON is text either way, with Prepare's reason.
func TestLazyInvalidIsText(t *testing.T) {
	body := []byte(`{"a":[1,2}`)
	lz, d := prepare(body, Meta{}, 0), Prepare(body, Meta{})
	if lz.IsJSON() || lz.Note() != d.Note() || !bytes.Equal(lz.Bytes(), body) {
		t.Fatalf("lazy: json %v, note %q, text %q; want note %q", lz.IsJSON(), lz.Note(), lz.Bytes(), d.Note())
	}
}

// Search, folding and filters work on a lazy document as on an indented one.
func TestLazyDocumentFeatures(t *testing.T) {
	body := []byte(sampleBody)
	lz, d := prepare(body, Meta{}, 0), Prepare(body, Meta{})
	gotM, _ := lz.findAll("a", 100)
	wantM, _ := d.findAll("a", 100)
	if fmt.Sprint(gotM) != fmt.Sprint(wantM) {
		t.Fatalf("search: lazy %v, indented %v", gotM, wantM)
	}
	ls, ds := lz.structure(), d.structure()
	if fmt.Sprint(ls.close, ls.kids) != fmt.Sprint(ds.close, ds.kids) {
		t.Fatal("structure differs")
	}
	if lz.jqInput() == nil {
		t.Fatal("no jq input")
	}
}

// The pane draws a lazy document exactly as the indented one, scrolled anywhere, in colour.
func TestLazyViewMatchesIndented(t *testing.T) {
	body := []byte(sampleBody)
	views := func(d *Document) []string {
		m := New(trueColorStyles(), DefaultKeyMap())
		m = m.SetSize(80, 12)
		m.Focus()
		m = m.SetDocument(d)
		var out []string
		for range d.LineCount() {
			out = append(out, m.View())
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
		}
		return out
	}
	lz := prepare(body, Meta{Status: 200}, 0)
	got, want := views(lz), views(Prepare(body, Meta{Status: 200}))
	if lz.hasText() {
		t.Fatal("drawing built the indented text")
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("view after %d steps:\n%s\nwant:\n%s", i, got[i], want[i])
		}
	}
}
