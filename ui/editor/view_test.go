package editor

import (
	"io"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestViewGolden(t *testing.T) {
	sizes := []struct {
		name string
		w, h int
	}{{"40x10", 40, 10}, {"80x24", 80, 24}}
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			m := newEditor(t, GraphQL, graphqlDoc(60), sz.w, sz.h).GotoLine(22, 40)
			m = m.SetDiagnostics([]Diagnostic{{Line: 24, Column: 5, Message: "unknown field"}})
			v := m.View()
			uitest.CheckBlock(t, v, sz.w, sz.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestViewGoldenJSONWideRunes(t *testing.T) {
	m := newEditor(t, JSON, "{\n\t\"名前\": \"😀 gift\",\n  \"esc\": \"a\x1bb\"\n}", 40, 10).GotoLine(2, 6)
	v := m.View()
	uitest.CheckBlock(t, v, 40, 10)
	golden.RequireEqual(t, []byte(v))
}

func TestViewPlaceholder(t *testing.T) {
	m := newEditor(t, GraphQL, "", 30, 3)
	v := m.View()
	uitest.CheckBlock(t, v, 30, 3)
	if first := strings.Split(v, "\n")[0]; first != " 1 Type a query…"+strings.Repeat(" ", 14) {
		t.Fatalf("placeholder line = %q", first)
	}
	m = typeText(t, m, "q")
	if strings.Contains(m.View(), "Type a query") {
		t.Fatal("placeholder still shown after typing")
	}
}

func TestViewGutterGrowsWithLineCount(t *testing.T) {
	m := newEditor(t, GraphQL, graphqlDoc(1000), 40, 5).GotoLine(1000, 1)
	lines := strings.Split(m.View(), "\n")
	if !strings.HasPrefix(lines[4], "1000 ") || !strings.HasPrefix(lines[0], " 996 ") {
		t.Fatalf("gutter not 4 digits wide:\n%s", strings.Join(lines, "\n"))
	}
	uitest.CheckBlock(t, m.View(), 40, 5)
}

func TestViewNeverEmitsControlCharacters(t *testing.T) {
	m := newEditor(t, GraphQL, "a\x1b[2Jb\x07c\x00d\x7fe\u202ef\u009b", 60, 2)
	v := m.View()
	if i := display.Unsafe(v, false); i >= 0 {
		t.Fatalf("raw control or bidi character at %d in view %q", i, v)
	}
	if !strings.Contains(v, `a\x1b[2Jb\x07c\x00d\x7fe\u202ef\u009b`) {
		t.Fatalf("escaped control characters missing: %q", v)
	}
}

// ansiStyles returns styles bound to a renderer that always emits ANSI
// colours, to check escape sequences while the global profile is ASCII.
func ansiStyles() Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	return Styles{
		Text:              r.NewStyle(),
		LineNumber:        r.NewStyle().Foreground(lipgloss.Color("8")),
		CurrentLineNumber: r.NewStyle().Foreground(lipgloss.Color("15")),
		ErrorLineNumber:   r.NewStyle().Foreground(lipgloss.Color("1")),
		Cursor:            r.NewStyle().Reverse(true),
		Placeholder:       r.NewStyle().Faint(true),
		Error:             r.NewStyle().Underline(true),
	}
}

func TestViewCursorIsReverseVideoWhenFocused(t *testing.T) {
	m := New(Options{Language: GraphQL, Styles: ansiStyles()}).SetSize(20, 3).SetValue("ab\ncd").GotoLine(2, 2)
	m, _ = m.Focus()
	rev := ansiStyles().Cursor.Render("d")
	if !strings.Contains(m.View(), rev) {
		t.Fatalf("cursor cell %q not found in %q", rev, m.View())
	}
	m = press(t, m, "end")
	if !strings.Contains(m.View(), ansiStyles().Cursor.Render(" ")) {
		t.Fatal("cursor at end of line not drawn as a reverse blank")
	}
	if strings.Contains(m.Blur().View(), "\x1b[7m") {
		t.Fatal("blurred editor shows a cursor")
	}
}

func TestViewDiagnosticMarksSpanAndGutter(t *testing.T) {
	st := ansiStyles()
	m := New(Options{Language: GraphQL, Styles: st}).SetSize(30, 3).SetValue("{ giftCard(id: 1) }\n{")
	m = m.SetDiagnostics([]Diagnostic{
		{Line: 1, Column: 3, Message: "unknown field"},
		{Line: 2, Column: 2, Message: "expected }"},
	})
	lines := strings.Split(m.View(), "\n")
	// lipgloss underlines rune by rune; the editor opens the style once per
	// run, so compare against the style's own open and close sequences.
	e := toSGR(st.Error)
	if !strings.Contains(lines[0], " "+e.open+"giftCard"+e.close+"(") {
		t.Fatalf("exactly the word at the diagnostic should be underlined: %q", lines[0])
	}
	if !strings.HasPrefix(lines[0], st.ErrorLineNumber.Render(" 1")) {
		t.Fatalf("gutter not in error colour: %q", lines[0])
	}
	if !strings.Contains(lines[1], "{"+e.open+" "+e.close) {
		t.Fatalf("diagnostic past the end of line not marked: %q", lines[1])
	}
	if d, ok := m.GotoLine(1, 5).DiagnosticAtCursor(); !ok || d.Message != "unknown field" {
		t.Fatalf("DiagnosticAtCursor = %v, %v", d, ok)
	}
	if _, ok := m.GotoLine(1, 14).DiagnosticAtCursor(); ok {
		t.Fatal("DiagnosticAtCursor outside the span")
	}
}

func TestViewZeroSizeIsEmpty(t *testing.T) {
	if v := New(Options{}).View(); v != "" {
		t.Fatalf("unsized editor rendered %q", v)
	}
}

func TestDefaultStylesFollowTheTheme(t *testing.T) {
	th := themes.Default()
	st := DefaultStyles(th)
	for _, tt := range []chroma.TokenType{chroma.Keyword, chroma.KeywordDeclaration, chroma.LiteralString, chroma.Comment} {
		if got, want := st.Token(tt).GetForeground(), th.TokenStyle(tt).GetForeground(); got != want {
			t.Errorf("token %v: foreground %v, theme says %v", tt, got, want)
		}
	}
	if got := st.ErrorLineNumber.GetForeground(); got != th.Palette.Error {
		t.Errorf("error gutter %v, want the palette's Error %v", got, th.Palette.Error)
	}
	if !st.Error.GetUnderline() || !st.Cursor.GetReverse() {
		t.Error("diagnostics must be underlined and the cursor reverse video")
	}
}

// A placeholder wider than the pane wraps onto the empty rows below it rather than being cut: the
// workspace's "# f6 builds a query from the schema; or type one, ctrl+r runs it" lost its end at
// 120 columns and half of it at 80.
func TestViewPlaceholderWraps(t *testing.T) {
	const hint = "# f6 builds a query from the schema; or type one, ctrl+r runs it"
	m := New(Options{Language: GraphQL, Placeholder: hint}).SetSize(30, 4)
	m, _ = m.Focus()
	v := m.View()
	uitest.CheckBlock(t, v, 30, 4)
	if got := strings.Join(strings.Fields(strings.TrimPrefix(v, " 1 ")), " "); got != hint {
		t.Errorf("placeholder shows %q:\n%s", got, v)
	}
	if lines := strings.Split(v, "\n"); !strings.HasPrefix(lines[1], "   ") {
		t.Errorf("a continuation row has a line number: %q", lines[1])
	}
	// Too few rows: what fits, never more rows than the pane has.
	short := New(Options{Language: GraphQL, Placeholder: hint}).SetSize(30, 1)
	uitest.CheckBlock(t, short.View(), 30, 1)
}
