package display

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerminalAndLine(t *testing.T) {
	cases := []struct{ in, term, line string }{
		{"plain text", "plain text", "plain text"},
		{"", "", ""},
		{"a\nb\tc", "a\nb\tc", `a\nb\tc`},
		{"title\x1b]0;pwned\x07", `title\x1b]0;pwned\x07`, `title\x1b]0;pwned\x07`},
		{"\x1b[2J", `\x1b[2J`, `\x1b[2J`},
		{"clip\x1b]52;c;aGk=\x1b\\", `clip\x1b]52;c;aGk=\x1b\`, `clip\x1b]52;c;aGk=\x1b\`},
		{"csi\u009b31m", `csi\u009b31m`, `csi\u009b31m`},
		{"del\x7f", `del\x7f`, `del\x7f`},
		{"nul\x00", `nul\x00`, `nul\x00`},
		{"abc\u202edcba", `abc\u202edcba`, `abc\u202edcba`},
		{"\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c",
			`\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c`,
			`\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c`},
		{"bad \xff\xfe byte", `bad \xff\xfe byte`, `bad \xff\xfe byte`},
		{"cut \xe2\x80", `cut \xe2\x80`, `cut \xe2\x80`},
		{"crlf\r\nnext", "crlf\r\nnext", `crlf\r\nnext`},
		{"over\rwrite", `over\rwrite`, `over\rwrite`},
		{"café ünïcode 日本 🎁", "café ünïcode 日本 🎁", "café ünïcode 日本 🎁"},
		{"line\u2028sep", `line\u2028sep`, `line\u2028sep`},
	}
	for _, c := range cases {
		if got := Terminal(c.in); got != c.term {
			t.Errorf("Terminal(%q) = %q, want %q", c.in, got, c.term)
		}
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

func TestNothingToEscapeDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("Cards(card_reference: \"6280…\") { balance } 日本 ", 20)
	if n := testing.AllocsPerRun(100, func() { _ = Line(s); _ = Terminal(s) }); n != 0 {
		t.Errorf("escaping clean text allocated %v times", n)
	}
	b := []byte(`{"data":{"name":"Café ☕","n":[1,2]}}`)
	if n := testing.AllocsPerRun(100, func() { _ = JSON(b) }); n != 0 {
		t.Errorf("JSON on clean text allocated %v times", n)
	}
}

func TestUnsafe(t *testing.T) {
	if got := Unsafe("ok\nok", false); got != -1 {
		t.Errorf("newline in a block reported at %d", got)
	}
	if got := Unsafe("ok\nok", true); got != 2 {
		t.Errorf("newline in a line at %d, want 2", got)
	}
	if got := Unsafe("ab\u202e", false); got != 2 {
		t.Errorf("bidi at %d, want 2", got)
	}
	if got := Unsafe("x\r\ny", false); got != -1 {
		t.Errorf("CRLF reported at %d", got)
	}
}

func TestJSON(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"a":"plain"}`, `{"a":"plain"}`},
		{"{\"a\":\"\u009b2J\"}", `{"a":"\u009b2J"}`},
		{"{\"a\":\"\u202eevil\"}", `{"a":"\u202eevil"}`},
		{"{\"a\":\"del\x7f\"}", `{"a":"del\u007f"}`},
		{"{\"a\":\"bad\xff\"}", `{"a":"bad\ufffd"}`},
		{"{\"k\u202e\":1}", `{"k\u202e":1}`},
		{`{"q":"say \"\u001b\" \\"}`, `{"q":"say \"\u001b\" \\"}`},
		{"{\n\t\"a\": 1\r\n}", "{\n\t\"a\": 1\r\n}"},
		{"{\"a\":1}\r", "{\"a\":1} "},
		{"[\"\\\\\", \"\u202e\"]", `["\\", "\u202e"]`},
	}
	for _, c := range cases {
		if got := string(JSON([]byte(c.in))); got != c.want {
			t.Errorf("JSON(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := Writer(&buf)
	n, err := w.Write([]byte("error: \x1b]52;c;x\x07\n"))
	if err != nil || n != len("error: \x1b]52;c;x\x07\n") {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if got, want := buf.String(), "error: \\x1b]52;c;x\\x07\n"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[2J", "\u009b", "\u202e", "\xff", "a\r\nb", "\xe2\x80", "\\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		term, line := Terminal(s), Line(s)
		if i := Unsafe(term, false); i >= 0 {
			t.Fatalf("Terminal(%q) = %q keeps an unsafe rune at %d", s, term, i)
		}
		if i := Unsafe(line, true); i >= 0 {
			t.Fatalf("Line(%q) = %q keeps an unsafe rune at %d", s, line, i)
		}
		if strings.ContainsAny(line, "\n\t\r") {
			t.Fatalf("Line(%q) = %q is not one line", s, line)
		}
		if Line(line) != line || Terminal(term) != term {
			t.Fatalf("escaping %q twice changed it", s)
		}
		if Unsafe(s, true) < 0 && line != s {
			t.Fatalf("Line changed safe text %q to %q", s, line)
		}
		if !utf8.ValidString(term) {
			t.Fatalf("Terminal(%q) is not UTF-8", s)
		}
	})
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{`{"a":"\u009b"}`, "{\"a\":\"\u009b\u202e\x7f\"}", `[1,"x",{"y":null}]`, "\"\xff\"", `"\\"`, "{\"a\":1}\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out := JSON(b)
		if clean(b) != bytes.Equal(escapeJSON(b), b) {
			t.Fatalf("clean(%q) = %v, but the slow path gives %q", b, clean(b), escapeJSON(b))
		}
		if i := Unsafe(string(out), false); i >= 0 {
			t.Fatalf("JSON(%q) = %q keeps an unsafe rune at %d", b, out, i)
		}
		if !json.Valid(b) {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("JSON(%q) = %q is not valid JSON", b, out)
		}
		var before, after any
		if json.Unmarshal(b, &before) != nil || json.Unmarshal(out, &after) != nil {
			return // too deep for encoding/json: nothing to compare
		}
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("JSON(%q) = %q changed the value: %#v vs %#v", b, out, before, after)
		}
	})
}

func BenchmarkJSON(b *testing.B) {
	body := bytes.Repeat([]byte(`{"card_reference":"6280000000000000001","product_name":"Gift Café ☕","balance":3250},`), 1<<20/85)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		_ = JSON(body)
	}
}

func BenchmarkLine(b *testing.B) {
	s := strings.Repeat("Cannot query field \"x\" on type \"Query\". 日本 ", 4)
	b.ReportAllocs()
	for b.Loop() {
		_ = Line(s)
	}
}
