package complete

import (
	"testing"
	"unicode/utf8"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// FuzzDiagnosticsFor feeds arbitrary documents, as a user may type or paste
// them, through both the schema and the syntax-only paths: no panic, and
// every diagnostic must point inside the text (or just past a line's end)
// with a non-empty span.
func FuzzDiagnosticsFor(f *testing.F) {
	for _, seed := range []string{
		"",
		"{ Cards(page: \"two\") { total } }",
		"query {\n  Cards(page: 1 {\n}",
		"{ Cards(card_reference: \"630119 ) { total } }",
		"{ Cards(page: \"\"\"t \\\"\"\" o\"\"\") { total } }",
		"\"\"\"\nopen block\n{ x }",
		"{ Cards(id: $card) { total } }",
		"# €\n{ Cards { totl } }\r\n",
		"{ a(b: \"\\",
		"mutation { createOrder(account_id: \"x\", order_items: [{}]) { id } }",
		"fragment F on Card { id } { ...F ...G }",
		"{ \x00 }",
	} {
		f.Add(seed)
	}
	s := toggle(f)
	f.Fuzz(func(t *testing.T, text string) {
		lines := splitLines(text)
		for _, schema := range []*schema.Schema{nil, s} {
			for _, d := range DiagnosticsFor(schema, text) {
				if d.Line < 1 || d.Line > len(lines) {
					t.Fatalf("line %d outside 1..%d: %+v", d.Line, len(lines), d)
				}
				n := utf8.RuneCountInString(lines[d.Line-1])
				if d.Column < 1 || d.Column > n+1 {
					t.Fatalf("column %d outside 1..%d on line %q: %+v", d.Column, n+1, lines[d.Line-1], d)
				}
				if d.EndColumn <= d.Column || d.EndColumn > n+2 {
					t.Fatalf("span [%d, %d) empty or past the line (%d runes): %+v", d.Column, d.EndColumn, n, d)
				}
			}
		}
	})
}

// FuzzView renders items whose text comes from a server's schema (names
// are checked by the parser, descriptions are not): the box must stay a
// rectangle no wider than its cap, and no control character may reach the
// terminal.
func FuzzView(f *testing.F) {
	f.Add("Cards", "(page: Int): CardPage", "Cards of the accounts.", 60, uint8(0))
	f.Add("名前😀", "x\x1b[31my", "doc\twith\ttabs\r\n", 20, uint8(3))
	f.Add("", "", "", 1, uint8(200))
	f.Fuzz(func(t *testing.T, label, detail, doc string, maxWidth int, moves uint8) {
		its := []completion.Item{
			{Label: label, Detail: detail, Doc: doc, Kind: completion.Field},
			{Label: label + label, Detail: detail, Kind: completion.Argument, Deprecated: true},
		}
		for range int(moves) % 12 {
			its = append(its, completion.Item{Label: label, Detail: doc, Kind: completion.Kind(moves)})
		}
		m := newPopup().SetMaxWidth(maxWidth).Open("", its)
		for range int(moves) % 5 {
			m, _, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
		}
		v := m.View()
		if i := display.Unsafe(ansi.Strip(v), false); i >= 0 {
			t.Fatalf("control or bidi character in the view at %d: %q", i, v)
		}
		ls := lines(v)
		w := ansi.StringWidth(ls[0])
		if w > max(maxWidth, minWidth) {
			t.Fatalf("box %d wide, cap %d", w, maxWidth)
		}
		for i, l := range ls {
			if ansi.StringWidth(l) != w {
				t.Fatalf("line %d is %d cells, line 0 is %d: %q", i, ansi.StringWidth(l), w, v)
			}
		}
	})
}
