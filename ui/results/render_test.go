package results

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// escaped is what a line of a body must look like on screen: display.Line's escapes, with tabs
// as spaces (the pane's own layout choice).
func escaped(s string) string {
	parts := strings.Split(s, "\t")
	for i, p := range parts {
		parts[i] = display.Line(p)
	}
	return strings.Join(parts, tabText)
}

func TestRenderEscapes(t *testing.T) {
	plain := compileSGR(asciiStyles())
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"clear\x1b[2Jscreen", `clear\x1b[2Jscreen`},
		{"osc\x1b]52;c;aGk=\x07end", `osc\x1b]52;c;aGk=\x07end`},
		{"cr\r", `cr\r`},
		{"tab\there", "tab    here"},
		{"del\x7f", `del\x7f`},
		{"c1 csi \u009b2J", `c1 csi \u009b2J`},
		{"bidi \u202eevil\u2066", `bidi \u202eevil\u2066`},
		{"bad \xff utf8 \xc3", `bad \xff utf8 \xc3`},
		{"ünïcödé 漢字 ✓", "ünïcödé 漢字 ✓"},
	}
	for _, c := range cases {
		got := strings.TrimRight(ansi.Strip(render(plain, c.in, false, 0, 60, nil)), " ")
		if got != c.want {
			t.Errorf("render(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// render is renderLine into a fresh string.
func render(t *sgrTable, line string, isJSON bool, x0, width int, spans []hlSpan) string {
	var b strings.Builder
	renderLine(&b, t, []byte(line), isJSON, x0, width, spans)
	return b.String()
}

func TestRenderWindow(t *testing.T) {
	plain := compileSGR(asciiStyles())
	const line = `  "key": "value",`
	cases := []struct {
		x0, w int
		want  string
	}{
		{0, 40, line},
		{0, len(line), line},      // fits exactly: no marker
		{0, 10, `  "key": …`},     // cut on the right
		{3, 40, `…ey": "value",`}, // scrolled: marker replaces column 3
		{3, 6, `…ey":…`},          // both ends
		{17, 10, ``},              // entirely left of the window
		{16, 10, `…`},             // only the last column remains
		{0, 1, `…`},               // tiny window
		{0, 0, ``},                // no window
		{5, 1, `…`},
	}
	for _, c := range cases {
		if got := render(plain, line, true, c.x0, c.w, nil); got != c.want {
			t.Errorf("x0=%d w=%d: got %q, want %q", c.x0, c.w, got, c.want)
		}
	}
}

func TestRenderWideRunes(t *testing.T) {
	plain := compileSGR(asciiStyles())
	// 漢 and 字 are two cells each.
	cases := []struct {
		x0, w int
		want  string
	}{
		{0, 10, "a漢字b"},
		{0, 6, "a漢字b"},
		{0, 5, "a漢 …"}, // 字 does not fit before the marker column
		{0, 4, "a漢…"},
		{1, 10, "… 字b"}, // the marker covers half of 漢; the other half is blank
		{2, 10, "…字b"},
	}
	for _, c := range cases {
		got := render(plain, "a漢字b", false, c.x0, c.w, nil)
		if got != c.want {
			t.Errorf("x0=%d w=%d: got %q, want %q", c.x0, c.w, got, c.want)
		}
		if cells := cellCount(got); cells > c.w {
			t.Errorf("x0=%d w=%d: %d cells", c.x0, c.w, cells)
		}
	}
}

// cellCount measures with the same per-rune widths the renderer uses.
func cellCount(s string) int {
	n := 0
	for _, r := range s {
		n += runeCells(r)
	}
	return n
}

func TestColouriserClasses(t *testing.T) {
	line := []byte(`    "id": "gc_1", "n": -12.5e3, "ok": true, "no": null, "x": [], bad`)
	lx := jsonLexer{line: line}
	var got []string
	for start := 0; ; {
		end, cls, ok := lx.next()
		if !ok {
			break
		}
		if cls != classPlain {
			got = append(got, [...]string{"plain", "key", "str", "num", "lit", "punct"}[cls]+":"+string(line[start:end]))
		}
		start = end
	}
	want := `key:"id" punct:: str:"gc_1" punct:, key:"n" punct:: num:-12.5e3 punct:, key:"ok" punct:: lit:true punct:, key:"no" punct:: lit:null punct:, key:"x" punct:: punct:[ punct:] punct:,`
	if strings.Join(got, " ") != want {
		t.Errorf("tokens:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestStringEndEscapes(t *testing.T) {
	for in, want := range map[string]int{
		`"abc" x`:     5,
		`"a\"b" x`:    6,
		`"a\\" x`:     5,
		`"a\\\"b" x`:  8,
		`"unterminat`: 11,
		`"`:           1,
	} {
		if got := stringEnd([]byte(in), 0); got != want {
			t.Errorf("stringEnd(%s) = %d, want %d", in, got, want)
		}
	}
}

func TestRenderColoursAndHighlights(t *testing.T) {
	tc := compileSGR(trueColorStyles())
	if tc.off {
		t.Fatal("true-colour table is off")
	}
	out := render(tc, `"k": "v", 1`, true, 0, 40, []hlSpan{{start: 5, end: 8, kind: hlCurrent}})
	if ansi.Strip(out) != `"k": "v", 1` {
		t.Errorf("stripped = %q", ansi.Strip(out))
	}
	for _, want := range []string{
		tc.prefix[styleKey(classKey, hlNone)] + `"k"`,
		tc.prefix[styleKey(classString, hlCurrent)] + `"v"`,
		tc.prefix[styleKey(classNumber, hlNone)] + `1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	if !strings.HasSuffix(out, tc.reset) {
		t.Errorf("style left open: %q", out)
	}
	if tc.prefix[styleKey(classString, hlCurrent)] == tc.prefix[styleKey(classString, hlMatch)] {
		t.Error("current match looks like any other match")
	}
}

// FuzzColourLine: never panics; with a window wide enough, the output with
// ANSI stripped is exactly the escaped input line; with any window it never
// exceeds the width and never lets a control byte through.
func FuzzColourLine(f *testing.F) {
	for _, s := range []string{
		`    "key": "value",`, `"a\"b": [1, -2.5e3, true, false, null]`, "\x1b[2J\x1b]52;c;aGk=\x07",
		"漢字 ünï \xff\xfe \u009b \t tab", `"unterminated`, `{}[],:`, "e\u0301 combining",
	} {
		f.Add([]byte(s), 0, 200)
		f.Add([]byte(s), 3, 7)
	}
	tc := compileSGR(trueColorStyles())
	plain := compileSGR(asciiStyles())
	f.Fuzz(func(t *testing.T, line []byte, x0, width int) {
		x0, width = abs(x0)%300, abs(width)%300
		for _, isJSON := range []bool{true, false} {
			full := render(tc, string(line), isJSON, 0, 4*len(line)+8, nil)
			if got, want := strings.TrimRight(ansi.Strip(full), " "), strings.TrimRight(escaped(string(line)), " "); got != want {
				t.Fatalf("json=%v: stripped %q != escaped %q", isJSON, got, want)
			}
			for _, table := range []*sgrTable{tc, plain} {
				out := ansi.Strip(render(table, string(line), isJSON, x0, width, []hlSpan{{1, 3, hlMatch}}))
				if n := cellCount(out); n > width {
					t.Fatalf("x0=%d width=%d: %d cells: %q", x0, width, n, out)
				}
				if !utf8.ValidString(out) {
					t.Fatalf("invalid UTF-8 out: %q", out)
				}
				for _, r := range out {
					if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
						t.Fatalf("control %U reached the output: %q", r, out)
					}
				}
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // math.MinInt
			return 0
		}
		return -n
	}
	return n
}
