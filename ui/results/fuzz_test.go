package results

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// FuzzPrepare: Prepare never panics; valid JSON is indented exactly as
// json.Indent would; the line index always reassembles the text; and the
// whole document renders through View without panicking.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{
		sampleBody, `{}`, `[]`, `"s"`, `1e9`, `{"a":[{},[],{"b":null}]}`, "", "\n", "\r\n\r\n",
		"<html>\r\n502\r\n</html>", `{"a":`, "{\"a\":\"\xff\"}", "\x1b[2J\x1b]52;c;aGk=\x07",
		`{"s":"\u001b[2J"}`, "{\"c1\":\"\u009b\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		orig := bytes.Clone(body)
		d := Prepare(body, Meta{})
		if !bytes.Equal(body, orig) {
			t.Fatal("Prepare modified its input")
		}
		if json.Valid(body) != d.IsJSON() {
			t.Fatalf("IsJSON = %v, json.Valid = %v", d.IsJSON(), json.Valid(body))
		}
		if d.IsJSON() {
			var want bytes.Buffer
			if err := json.Indent(&want, body, "", "  "); err != nil {
				t.Fatal(err)
			}
			if maxIndent(want.Bytes()) <= 2*maxIndentDepth &&
				!bytes.Equal(d.Bytes(), bytes.TrimRight(want.Bytes(), " \t\r\n")) {
				t.Fatalf("pretty differs from json.Indent:\n%q\n%q", d.Bytes(), want.Bytes())
			}
		}
		// The lazy form of a large body shows the same lines.
		lazyAgrees(t, body, d)
		if d.IsJSON() && len(body) < 1<<12 {
			// Repeated past a checkpoint or two, so lines are found by walking.
			big := []byte("[" + strings.Repeat(string(body)+",", 2*lazyStride) + string(body) + "]")
			lazyAgrees(t, big, Prepare(big, Meta{}))
		}
		// Lines plus their separators give back the text.
		var joined []byte
		for i := range d.LineCount() {
			start, end := d.lineBounds(i)
			if i > 0 {
				joined = append(joined, '\n')
			}
			joined = append(joined, d.text[start:end]...)
			if !d.json && end < len(d.text) && d.text[end] == '\r' {
				joined = append(joined, '\r')
			}
		}
		// A final newline opens no line.
		text := bytes.TrimSuffix(d.Bytes(), []byte("\n"))
		if !bytes.Equal(joined, text) {
			t.Fatalf("lines reassemble to %q, want %q", joined, text)
		}
		checkStructure(t, d)
		m := New(asciiStyles(), DefaultKeyMap())
		m = m.SetSize(30, 8)
		m.Focus()
		m = m.SetDocument(d)
		m, _ = m.Update(uitest.Key("end"))
		m, _ = m.Update(uitest.Key("right"))
		_ = m.View()
	})
}

// maxIndent is the deepest indentation in json.Indent output, in spaces.
func maxIndent(pretty []byte) int {
	deepest := 0
	for line := range bytes.SplitSeq(pretty, []byte("\n")) {
		deepest = max(deepest, len(line)-len(bytes.TrimLeft(line, " ")))
	}
	return deepest
}

// checkStructure holds the fold index to what it claims: every opening
// line's closing line closes the same kind of bracket, further down, and
// containers nest.
func checkStructure(t *testing.T, d *Document) {
	s := d.structure()
	if !d.IsJSON() {
		if s != nil {
			t.Fatal("structure of a text body")
		}
		return
	}
	var stack []int
	for l, c := range s.close {
		for len(stack) > 0 && stack[len(stack)-1] < l {
			stack = stack[:len(stack)-1]
		}
		if c == 0 {
			if s.kids[l] != 0 {
				t.Fatalf("line %d: kids without a container", l)
			}
			continue
		}
		if int(s.depth[l]) != len(stack) {
			t.Fatalf("line %d: depth %d, nested in %d", l, s.depth[l], len(stack))
		}
		if int(c) <= l || (len(stack) > 0 && int(c) > stack[len(stack)-1]) {
			t.Fatalf("line %d closes at %d, outside its parent (%v)", l, c, stack)
		}
		open, closeLine := d.Line(l), bytes.TrimLeft(d.Line(int(c)), " ")
		want := byte('}')
		if open[len(open)-1] == '[' {
			want = ']'
		}
		if len(closeLine) == 0 || closeLine[0] != want {
			t.Fatalf("line %d %q closed by line %d %q", l, open, c, closeLine)
		}
		stack = append(stack, int(c))
	}
	// A document compared with itself has no differences, and every line has a path.
	if d := compareDocs(d, d); d.changed+d.added+d.removed != 0 {
		t.Fatalf("self-comparison: %+v", d)
	}
	for l := range min(d.LineCount(), 50) {
		if p := d.pathAt(s, l); p == "" {
			t.Fatalf("line %d has no path", l)
		}
		_ = d.valueBytes(s, l)
	}
}

// FuzzBuildTable: any list a server sends becomes a rectangular table or a
// clean error, and the table's CSV parses back to the same cells.
func FuzzBuildTable(f *testing.F) {
	for _, s := range []string{`[]`, `[1,"a",null]`, `[{"a":{"b":{"c":{"d":1}}},"e":[1,{}]},{"f":"\u001b[2J"}]`, `[{"a":1},{"a":{}}]`, `[{]`, `{"a":1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, list []byte) {
		tb, err := buildTable(list)
		if err != nil {
			return
		}
		// The line-based builder the pane uses agrees with the decoding one.
		if d := Prepare(list, Meta{}); d.IsJSON() && d.structure().isOpen(0) {
			got := tableOf(d, d.structure(), 0)
			if !slices.Equal(got.cols, tb.cols) || !slices.EqualFunc(got.rows, tb.rows, slices.Equal) {
				t.Fatalf("tableOf:\n%q\n%q\ndecoding:\n%q\n%q", got.cols, got.rows, tb.cols, tb.rows)
			}
		}
		for i, r := range tb.rows {
			if len(r) != len(tb.cols) {
				t.Fatalf("row %d has %d cells for %d columns", i, len(r), len(tb.cols))
			}
		}
		v := newTableView(tb, DefaultTableKeyMap(), new(asciiStyles()), nil)
		v = v.SetSize(40, 8)
		if out := v.View(); strings.ContainsRune(out, 0x1b) {
			t.Fatalf("escape in the table view: %q", out)
		}
		recs, err := csv.NewReader(strings.NewReader(v.text(','))).ReadAll()
		if err != nil || len(recs) != len(tb.rows)+1 && len(tb.cols) > 0 {
			t.Fatalf("CSV round trip: %d records, %v", len(recs), err)
		}
	})
}
