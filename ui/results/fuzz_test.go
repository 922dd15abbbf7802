package results

import (
	"bytes"
	"encoding/json"
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
