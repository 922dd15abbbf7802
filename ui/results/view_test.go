package results

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	"github.com/charmbracelet/x/exp/golden"
)

func TestViewGolden(t *testing.T) {
	unauthorized := Meta{
		Status: 401, Duration: 1_240_000_000, ContentType: "text/html; charset=utf-8",
		Diagnosis: "Unauthorized: the token sent (fp 3f9a1c) expired 4m12s ago",
		Notice:    "token refreshed by re-login; the query was not retried",
	}
	cases := []struct {
		name string
		body string
		meta Meta
		w, h int
		keys []string
	}{
		{"80x24", sampleBody, sampleMeta(), 80, 24, nil},
		{"120x40", sampleBody, sampleMeta(), 120, 40, nil},
		{"80x24_error_selected_scrolled", sampleBody, sampleMeta(), 80, 24, []string{"e", "G", "l"}},
		{"80x24_html_unauthorized", "<html>\r\n<head><title>401</title></head>\r\n<body>\tUnauthorized</body>\r\n</html>\r\n", unauthorized, 80, 24, nil},
		{"120x40_search", sampleBody, sampleMeta(), 120, 40, []string{"/", "g", "c", "_", "enter", "n"}},
		// Cursor to the first card, fold it, then fold the errors list.
		{"80x24_fold", sampleBody, sampleMeta(), 80, 24, append(slices.Repeat([]string{"j"}, 24), "z", "g", "j", "z")},
		// A filter being typed (its output shown), then one kept with enter.
		{"80x24_filter", sampleBody, sampleMeta(), 80, 24, append([]string{"|"}, strings.Split(".data.giftCards[] | {id, tags}", "")...)},
		{"120x40_filter_kept", sampleBody, sampleMeta(), 120, 40, append(append([]string{"|"}, strings.Split(".data.giftCards | map(.balance)", "")...), "enter")},
		{"80x24_filter_error", sampleBody, sampleMeta(), 80, 24, append([]string{"|"}, strings.Split(".data | keys[", "")...)},
		// The cards as a table, sorted by balance (descending), one column scrolled.
		{"80x24_table", sampleBody, sampleMeta(), 80, 24, append(slices.Repeat([]string{"j"}, 25), "t", "l", "s", "s")},
		{"120x40_table", string(benchBody(30)), Meta{Status: 200, Duration: 43_000_000, Page: PageInfo{Current: 2, Pages: 7}}, 120, 40, []string{"j", "j", "j", "j", "j", "t", "l", "s", "j", "j"}},
		{"120x40_write_prompt", sampleBody, sampleMeta(), 120, 40, []string{"w"}},
		{"120x40_fold_level", string(benchBody(12)), Meta{Status: 200}, 120, 40, []string{"j", "j", "j", "j", "j", "Z"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newModel(t, c.body, c.meta, c.w, c.h)
			m, _ = press(t, m, c.keys...)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// Server text carrying a clear-screen and an OSC 52 clipboard write must
// reach the screen as visible text, wherever it appears.
func TestViewEscapesServerText(t *testing.T) {
	const clear, osc52 = "\x1b[2J", "\x1b]52;c;cm0gLXJmIH4=\x07"
	const c1 = "\u009b31m" // 8-bit CSI, valid UTF-8, valid inside a JSON string
	const bidi = "\u202e\u2066"
	hostile := "boom" + clear + osc52 + c1 + bidi
	meta := Meta{
		Status: 400, ContentType: "text/plain" + clear,
		Diagnosis: "diag" + osc52, Notice: "notice" + clear,
		Errors: []ErrorItem{{
			Message: hostile, Line: 1, Column: 1, Path: "p" + clear,
			Validation: map[string][]string{"field" + osc52: {"msg" + clear}},
		}},
	}
	bodies := map[string]string{
		"text": "line one\n" + hostile + "\nline three",
		"json": `{"x":"` + c1 + bidi + `","y":"\u001b[2J"}`,
	}
	for name, body := range bodies {
		for _, styles := range []struct {
			name string
			s    Styles
		}{{"ascii", asciiStyles()}, {"truecolor", trueColorStyles()}} {
			t.Run(name+"/"+styles.name, func(t *testing.T) {
				m := New(styles.s, DefaultKeyMap())
				m = m.SetSize(200, 12)
				m.Focus()
				m = m.SetDocument(Prepare([]byte(body), meta))
				m, _ = press(t, m, "e", "/", "b", "o", "o", "m") // selected error + search line
				assertNoRawControls(t, m.View(), styles.name == "ascii")
			})
		}
	}
}

// sgrPattern matches the colour sequences the pane itself emits.
var sgrPattern = regexp.MustCompile("\x1b\\[[0-9;]*m")

func assertNoRawControls(t *testing.T, view string, ascii bool) {
	t.Helper()
	if ascii && strings.ContainsRune(view, 0x1b) {
		t.Errorf("ESC in an Ascii-profile view: %q", view)
	}
	rest := sgrPattern.ReplaceAllString(view, "")
	if i := display.Unsafe(rest, false); i >= 0 {
		t.Errorf("raw %q reached the view: %q", rest[i:min(len(rest), i+4)], rest)
	}
	if !strings.Contains(rest, `\x1b[2J`) || !strings.Contains(rest, `\u202e\u2066`) {
		t.Errorf("escaped form of the clear-screen sequence not shown: %q", rest)
	}
}
