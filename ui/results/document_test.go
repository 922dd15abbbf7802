package results

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrepareJSON(t *testing.T) {
	body := []byte(` {"a":[1,2.5e3,{}],"b":{"c":"x\"y","d":[]},"e":null,"f":true} ` + "\n")
	d := Prepare(body, Meta{Status: 200})
	if !d.IsJSON() || d.Note() != "" {
		t.Fatalf("IsJSON=%v note=%q", d.IsJSON(), d.Note())
	}
	var want bytes.Buffer
	if err := json.Indent(&want, body, "", "  "); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); got != strings.TrimRight(want.String(), " \n") {
		t.Errorf("pretty =\n%s\nwant\n%s", got, want.String())
	}
	lines := strings.Split(string(d.Bytes()), "\n")
	if d.LineCount() != len(lines) {
		t.Fatalf("LineCount = %d, want %d", d.LineCount(), len(lines))
	}
	for i, l := range lines {
		if got := string(d.Line(i)); got != l {
			t.Errorf("Line(%d) = %q, want %q", i, got, l)
		}
	}
	if d.Meta().Size != int64(len(body)) {
		t.Errorf("Size = %d, want len(body) %d", d.Meta().Size, len(body))
	}
	if got := d.Meta(); got.Status != 200 {
		t.Errorf("Meta lost: %+v", got)
	}
}

func TestPrepareKeepsGivenSize(t *testing.T) {
	if d := Prepare([]byte(`{}`), Meta{Size: 12345}); d.Meta().Size != 12345 {
		t.Errorf("Size = %d", d.Meta().Size)
	}
}

func TestPrepareNotJSON(t *testing.T) {
	cases := []struct {
		name, body, note string
		lines            []string
	}{
		{"html 502", "<html>\r\n<body>Bad Gateway</body>\r\n</html>\r\n", "invalid character '<'",
			[]string{"<html>", "<body>Bad Gateway</body>", "</html>"}},
		{"truncated", `{"data":{"items":[1,2`, "unexpected end of JSON input", []string{`{"data":{"items":[1,2`}},
		{"two values", `{} {}`, "invalid character '{' after top-level value", []string{`{} {}`}},
		{"control bytes", "boom\x1b[2J\nnext", "invalid character", []string{"boom\x1b[2J", "next"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Prepare([]byte(c.body), Meta{Status: 502})
			if d.IsJSON() {
				t.Fatal("IsJSON = true")
			}
			if !strings.Contains(d.Note(), c.note) || !strings.Contains(d.Note(), "shown as text") {
				t.Errorf("Note = %q, want it to contain %q", d.Note(), c.note)
			}
			if string(d.Bytes()) != c.body {
				t.Error("text body was modified")
			}
			var got []string
			for i := range d.LineCount() {
				got = append(got, string(d.Line(i)))
			}
			if strings.Join(got, "|") != strings.Join(c.lines, "|") {
				t.Errorf("lines = %q, want %q", got, c.lines)
			}
		})
	}
}

func TestPrepareEmpty(t *testing.T) {
	for _, body := range [][]byte{nil, {}} {
		d := Prepare(body, Meta{Status: 204})
		if d.LineCount() != 0 || d.IsJSON() || d.Note() != "empty body" {
			t.Errorf("Prepare(%q): lines=%d json=%v note=%q", body, d.LineCount(), d.IsJSON(), d.Note())
		}
	}
}

// Invalid UTF-8 inside a JSON string is accepted by encoding/json; it must
// survive indenting untouched and be shown escaped, never as a raw byte.
func TestPrepareInvalidUTF8(t *testing.T) {
	d := Prepare([]byte("{\"a\":\"x\xffy\xc3\"}"), Meta{})
	if !d.IsJSON() {
		t.Fatalf("not JSON: %s", d.Note())
	}
	if !bytes.Contains(d.Bytes(), []byte("x\xffy\xc3")) {
		t.Errorf("bytes changed: %q", d.Bytes())
	}
	m := New(asciiStyles(), DefaultKeyMap())
	m = m.SetSize(40, 6)
	m = m.SetDocument(d)
	v := m.View()
	if !strings.Contains(v, `x\xffy\xc3`) {
		t.Errorf("View does not show the invalid bytes escaped:\n%s", v)
	}
	if !utf8.ValidString(v) {
		t.Errorf("raw invalid bytes in View: %q", v)
	}
}

func TestLineOf(t *testing.T) {
	d := Prepare([]byte("ab\ncd\n\nef"), Meta{})
	for off, want := range []int{0, 0, 0, 1, 1, 1, 2, 3, 3} {
		if got := d.lineOf(off); got != want {
			t.Errorf("lineOf(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestAppendIndentMatchesStdlib(t *testing.T) {
	for _, in := range []string{
		`1`, `"s"`, `[]`, `{}`, `[ ]`, `{ }`, `[[[]]]`, `{"a":{"b":{"c":[1,[2,[3]]]}}}`,
		`{"k\"ey":"v\\","e":"\\\"","u":"\u001b"}`, " [ 1 , 2 ] ", `[true,false,null,-0.5e-7]`,
		deepJSON(maxIndentDepth),
	} {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(in), "", "  "); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		got, ok := appendIndent(nil, []byte(in))
		if !ok || string(got) != strings.TrimRight(want.String(), " ") {
			t.Errorf("appendIndent(%s) = %v,\n%s\nwant\n%s", in, ok, got, want.String())
		}
	}
}

// The indenter is also the validator: it must agree with json.Valid.
func TestIndenterValidatesLikeStdlib(t *testing.T) {
	for _, in := range []string{
		``, ` `, `{`, `}`, `[1,]`, `[,1]`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{,}`, `{1:2}`, `[1 2]`,
		`01`, `-`, `-0`, `1.`, `.5`, `1e`, `1e+`, `1E-2`, `-0.0e0`, `2x`, `tru`, `truex`, `nul`, `nulll`,
		`"\u12G4"`, `"\u00e9"`, `"\x"`, "\"tab\there\"", "\"del\x7f\"", "\"\xff\"", `"\/"`,
		`"unterminated`, `"\`, `[}`, `{]`, `[[]]]`, `{} {}`, `1 2`, "\ufeff{}", `{"a":[1,{"b":null}],"c":true}`,
		deepJSON(maxDepth), deepJSON(maxDepth + 1),
	} {
		_, ok := appendIndent(nil, []byte(in))
		if want := json.Valid([]byte(in)); ok != want {
			t.Errorf("indenter valid(%.40q) = %v, json.Valid = %v", in, ok, want)
		}
	}
}

// deepJSON nests arrays depth levels deep.
func deepJSON(depth int) string {
	return strings.Repeat("[", depth) + "1" + strings.Repeat("]", depth)
}

// A large body that breaks off at the end (a truncated download) is only
// found invalid after most of it was indented; it must still come out as
// text with the reason.
func TestPrepareLargeInvalid(t *testing.T) {
	valid := benchBody(2_000) // about 500 KB
	if d := Prepare(valid, Meta{}); !d.IsJSON() {
		t.Fatalf("valid large body not JSON: %s", d.Note())
	}
	truncated := valid[:len(valid)-100]
	d := Prepare(truncated, Meta{})
	if d.IsJSON() || !strings.Contains(d.Note(), "unexpected end of JSON input") {
		t.Errorf("truncated large body: json=%v note=%q", d.IsJSON(), d.Note())
	}
	if !bytes.Equal(d.Bytes(), truncated) {
		t.Error("text body differs from the input")
	}
}

func TestIndentationIsCapped(t *testing.T) {
	in := deepJSON(maxDepth)
	out, ok := appendIndent(nil, []byte(in))
	if !ok {
		t.Fatal("depth 10000 is valid JSON")
	}
	if deepest := maxIndent(out); deepest != 2*maxIndentDepth {
		t.Errorf("deepest indent = %d, want %d", deepest, 2*maxIndentDepth)
	}
	if len(out) > 2*maxDepth*(2*maxIndentDepth+2) {
		t.Errorf("output of %d bytes for a %d-byte input", len(out), len(in))
	}
}

// A body nested past encoding/json's limit is shown as text with "too deep" as the reason, not as
// a syntax error.
func TestPrepareTooDeep(t *testing.T) {
	d := Prepare([]byte(strings.Repeat("[", 100_000)), Meta{})
	if d.IsJSON() || !strings.Contains(d.Note(), "levels deep") {
		t.Errorf("note = %q", d.Note())
	}
}
