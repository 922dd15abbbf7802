package editor

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// ref is the reference model for FuzzEdits: the whole text as runes and the
// cursor as a rune offset, edited with plain slice operations. It knows
// nothing of lines-as-strings, lexer states or history.
type ref struct {
	text   []rune
	cursor int
}

func (r *ref) lineStart() int {
	i := r.cursor
	for i > 0 && r.text[i-1] != '\n' {
		i--
	}
	return i
}

func (r *ref) lineEnd() int {
	i := r.cursor
	for i < len(r.text) && r.text[i] != '\n' {
		i++
	}
	return i
}

func (r *ref) replace(from, to int, s string) {
	r.text = slices.Concat(r.text[:from], []rune(s), r.text[to:])
	r.cursor = from + utf8.RuneCountInString(s)
}

// typeRune mirrors the editor's documented typing rules: tab inserts two
// spaces; a closing bracket typed into blank indentation dedents it.
func (r *ref) typeRune(c rune) {
	switch {
	case c == '\t':
		r.replace(r.cursor, r.cursor, "  ")
	case strings.ContainsRune("})]", c):
		before := string(r.text[r.lineStart():r.cursor])
		if before != "" && strings.TrimLeft(before, " \t") == "" {
			n := 1
			if strings.HasSuffix(before, "  ") {
				n = 2
			}
			r.replace(r.cursor-n, r.cursor, string(c))
			return
		}
		fallthrough
	default:
		r.replace(r.cursor, r.cursor, string(c))
	}
}

// enter mirrors auto-indent.
func (r *ref) enter() {
	before := string(r.text[r.lineStart():r.cursor])
	after := string(r.text[r.cursor:r.lineEnd()])
	indent := before[:len(before)-len(strings.TrimLeft(before, " \t"))]
	trimmed := strings.TrimRight(before, " \t")
	pairs := map[byte]byte{'{': '}', '(': ')', '[': ']'}
	if trimmed != "" {
		if closer, ok := pairs[trimmed[len(trimmed)-1]]; ok {
			inner := "\n" + indent + "  "
			if a := strings.TrimLeft(after, " \t"); a != "" && a[0] == closer {
				at := r.cursor
				r.replace(at, at, inner+"\n"+indent)
				r.cursor = at + utf8.RuneCountInString(inner)
				return
			}
			r.replace(r.cursor, r.cursor, inner)
			return
		}
	}
	r.replace(r.cursor, r.cursor, "\n"+indent)
}

func isWord(c rune) bool { return isWordRune(c) }

// deleteWordBack mirrors ctrl+w: within the line, skip non-word then word
// runes; at the start of a line, join with the previous one.
func (r *ref) deleteWordBack() {
	ls := r.lineStart()
	if r.cursor == ls {
		if r.cursor > 0 {
			r.replace(r.cursor-1, r.cursor, "")
		}
		return
	}
	i := r.cursor
	for i > ls && !isWord(r.text[i-1]) {
		i--
	}
	for i > ls && isWord(r.text[i-1]) {
		i--
	}
	r.replace(i, r.cursor, "")
}

// FuzzEdits runs random key sequences against the editor and the reference
// model. After every step the texts and cursors must agree, the incremental
// lexer states must equal a full rescan and undo must land on a text seen
// before; at the end, undoing everything restores the original and redoing
// everything returns to the newest state.
func FuzzEdits(f *testing.F) {
	f.Add("query {\n  a\n}", []byte{0, 1, 2, 3, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29})
	f.Add("", []byte{5, 5, 5, 20, 6, 6, 30, 31, 32, 33, 40, 41})
	f.Add("a\tb\n世界\n\"\"\"\nx\n\"\"\"", []byte{3, 3, 11, 12, 13, 14, 26, 27, 28, 1, 2, 40, 40, 41, 42, 43, 44})
	f.Add("{ ( [ ] ) }", []byte{10, 10, 10, 20, 20, 23, 24, 25, 16, 29, 40, 41, 40})
	// alphabet is what typing ops insert: brackets (auto-indent, dedent),
	// spaces and tabs, a wide rune, a combining-free accented letter, quotes
	// (block strings) and a comment sign.
	alphabet := []rune{'a', 'b', '_', ' ', '\t', '{', '}', '(', ')', '[', ']', '"', '#', 'é', '世', ':', ','}
	// pastes are inserted as bracketed pastes.
	pastes := []string{"x", "\"\"\"", "a\nb", "{\r\n  c\r\n}", "\n\n", "世界\n😀", "\t\"\"\" #\n\"\"\""}
	f.Fuzz(func(t *testing.T, start string, ops []byte) {
		if len(ops) > 300 || len(start) > 2000 || !utf8.ValidString(start) {
			// The reference works on runes, which cannot hold invalid
			// UTF-8; the editor keeps such bytes as they are, and FuzzView
			// covers rendering them.
			return
		}
		m := New(Options{Language: GraphQL, HistoryLimit: 10000}).SetSize(30, 6).SetValue(start)
		m, _ = m.Focus()
		original := m.Value()
		r := &ref{text: []rune(original)}
		seen := map[string]bool{original: true}
		for i := 0; i < len(ops); i++ {
			op := ops[i] % 50
			arg := 0
			if i+1 < len(ops) {
				arg = int(ops[i+1])
			}
			switch {
			case op < 10: // motions: the reference adopts the editor's cursor
				names := []string{"left", "right", "up", "down", "home", "end", "alt+left", "alt+right", "pgdown", "ctrl+home"}
				m = press(t, m, names[op])
				r.cursor = utf8.RuneCountInString(m.Value()[:m.CursorOffset()])
			case op < 20:
				c := alphabet[arg%len(alphabet)]
				i++
				m = typeText(t, m, string(c))
				r.typeRune(c)
			case op == 20:
				m = press(t, m, "enter")
				r.enter()
			case op == 21:
				m = press(t, m, "backspace")
				if r.cursor > 0 {
					r.replace(r.cursor-1, r.cursor, "")
				}
			case op == 22:
				m = press(t, m, "delete")
				if r.cursor < len(r.text) {
					r.replace(r.cursor, r.cursor+1, "")
				}
			case op == 23:
				m = press(t, m, "ctrl+w")
				r.deleteWordBack()
			case op == 24:
				m = press(t, m, "ctrl+k")
				if end := r.lineEnd(); end > r.cursor {
					r.replace(r.cursor, end, "")
				} else if end < len(r.text) {
					r.replace(r.cursor, end+1, "")
				}
			case op == 25:
				m = press(t, m, "ctrl+u")
				r.replace(r.lineStart(), r.cursor, "")
			case op < 30:
				s := pastes[arg%len(pastes)]
				i++
				m = paste(m, s)
				r.replace(r.cursor, r.cursor, normalizeNewlines(s))
			case op < 40:
				m = press(t, m, "ctrl+z")
				if !seen[m.Value()] {
					t.Fatalf("undo produced a text never seen before: %q", m.Value())
				}
				r.text = []rune(m.Value())
				r.cursor = utf8.RuneCountInString(m.Value()[:m.CursorOffset()])
			default:
				m = press(t, m, "ctrl+y")
				if !seen[m.Value()] {
					t.Fatalf("redo produced a text never seen before: %q", m.Value())
				}
				r.text = []rune(m.Value())
				r.cursor = utf8.RuneCountInString(m.Value()[:m.CursorOffset()])
			}
			if got, want := m.Value(), string(r.text); got != want {
				t.Fatalf("after op %d (%d): Value() = %q, reference %q", i, op, got, want)
			}
			if got, want := m.CursorOffset(), len(string(r.text[:r.cursor])); got != want {
				t.Fatalf("after op %d (%d): CursorOffset() = %d, reference %d", i, op, got, want)
			}
			fresh := newDocument(m.Value(), scanGraphQL)
			if !slices.Equal(fresh.starts, m.doc.starts) {
				t.Fatalf("after op %d (%d): lexer states %q, full rescan %q", i, op, m.doc.starts, fresh.starts)
			}
			seen[m.Value()] = true
		}
		// Undos in the sequence may have left redo steps: the newest state is
		// the one after redoing them all.
		for range len(ops) + 1 {
			m = press(t, m, "ctrl+y")
		}
		final := m.Value()
		for range len(ops) + 1 {
			m = press(t, m, "ctrl+z")
		}
		if m.Value() != original || m.Modified() {
			t.Fatalf("undo all: %q (modified %v), want original %q", m.Value(), m.Modified(), original)
		}
		for range len(ops) + 1 {
			m = press(t, m, "ctrl+y")
		}
		if m.Value() != final {
			t.Fatalf("redo all: %q, want %q", m.Value(), final)
		}
	})
}

// FuzzView feeds arbitrary text (a file from disk, a paste) through the
// lexer-state scanners, the highlighter and View. The tokens of each line
// must spell the line, the view must keep its exact shape, and no raw
// control character may reach the terminal.
func FuzzView(f *testing.F) {
	f.Add("query {\n  a(s: \"\"\"x\n\"\"\")\n}", uint8(0), uint8(0))
	f.Add("{\"a\": [1, {\"b\": null}],\n \"c\": \"\\\"\"}", uint8(1), uint8(3))
	f.Add("\x1b[31m\t世界😀\u0301\xff\"\"\"", uint8(0), uint8(9))
	f.Add(strings.Repeat("[", 200)+"\n]", uint8(1), uint8(0))
	f.Fuzz(func(t *testing.T, text string, langPick, col uint8) {
		if len(text) > 8192 {
			return // long lines are covered by maxHighlightBytes; keep execs fast
		}
		lang := []Language{GraphQL, JSON, "plain"}[int(langPick)%3]
		m := New(Options{Language: lang}).SetSize(24, 5).SetValue(text)
		m, _ = m.Focus()
		m = m.GotoLine(2, int(col))
		for i, l := range m.doc.lines {
			var b strings.Builder
			for _, tk := range m.hl.entry(m.doc.starts[i], l).toks {
				b.WriteString(tk.text)
			}
			if got := b.String(); got != l && utf8.ValidString(l) {
				t.Fatalf("tokens of line %d spell %q, line is %q", i, got, l)
			}
			if lang == GraphQL {
				checkSegments(t, m.doc.starts[i], l)
			}
		}
		v := m.View()
		assertRuneShape(t, v, 24, 5)
		for _, c := range v {
			if c < 0x20 && c != '\n' || c == 0x7f || (c >= 0x80 && c < 0xa0) {
				t.Fatalf("control character %U in view", c)
			}
		}
	})
}

// checkSegments verifies that GraphQL segments tile the line in order and
// that only block segments are ever left open.
func checkSegments(t *testing.T, state, line string) {
	t.Helper()
	at := 0
	for _, s := range graphqlSegments(state, line) {
		if s.start != at || s.end < s.start || s.end > len(line) {
			t.Fatalf("segments of %q do not tile it: %+v", line, graphqlSegments(state, line))
		}
		at = s.end
	}
	if at != len(line) {
		t.Fatalf("segments of %q stop at %d", line, at)
	}
}

// assertRuneShape is assertShape measured rune by rune, the editor's own
// contract. Arbitrary text holds grapheme clusters (ZWJ emoji, prepend marks,
// VS16) that x/ansi measures as one unit and the editor, which places its
// cursor on runes, measures per rune; those differ by design (see doc.go).
func assertRuneShape(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		x := 0
		for _, r := range ansi.Strip(l) {
			x += cellsAt(r, x)
		}
		if x != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, x, w, l)
		}
	}
}
