package editor

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Options configure New. The zero value is a plain-text editor with the
// default key map and styles.
type Options struct {
	// Language picks highlighting: GraphQL ("graphql") or JSON ("json").
	Language Language
	// Placeholder is shown, faint, while the document is empty.
	Placeholder string
	// Styles default to DefaultStyles(nil), the default theme, when zero.
	Styles Styles
	// KeyMap defaults to DefaultKeyMap() when left zero.
	KeyMap KeyMap
	// HistoryLimit bounds the undo steps kept; 0 means 1000.
	HistoryLimit int
}

// Model is the editor component. See the package documentation for how
// copies share state.
type Model struct {
	// KeyMap is exported, as in bubbles, so the app can enable, disable or
	// rebind keys at run time (and help follows).
	KeyMap KeyMap

	placeholder  string
	historyLimit int

	doc   *document
	hist  *history
	hl    *highlighter
	paint *painter

	cur      pos
	goal     int // display column kept across vertical moves; -1 when unset
	yoff     int // first visible line
	xoff     int // first visible display column of the text area
	width    int
	height   int
	focused  bool
	savedRev uint64
	diags    []Diagnostic
}

// New returns a blurred, empty editor of size zero; the parent sizes it with
// SetSize and focuses it with Focus.
func New(o Options) Model {
	if reflect.ValueOf(o.Styles).IsZero() {
		o.Styles = DefaultStyles(nil)
	}
	if reflect.ValueOf(o.KeyMap).IsZero() {
		o.KeyMap = DefaultKeyMap()
	}
	m := Model{
		KeyMap:       o.KeyMap,
		placeholder:  o.Placeholder,
		historyLimit: o.HistoryLimit,
		hl:           newHighlighter(o.Language),
		paint:        newPainter(o.Styles),
		goal:         -1,
	}
	return m.SetValue("")
}

// Language returns the language the editor highlights.
func (m Model) Language() Language { return m.hl.lang }

// SetStyles replaces the styles (after a theme change, say).
func (m Model) SetStyles(s Styles) Model {
	m.paint = newPainter(s)
	// Memoised line renders embed the old escape sequences.
	m.hl = newHighlighter(m.hl.lang)
	return m
}

// SetSize sets the outer size in cells, gutter included. The parent computes
// it from its layout (style.md R2); the editor never measures the terminal.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	return m.scrollToCursor()
}

// Width returns the width set by SetSize.
func (m Model) Width() int { return m.width }

// Height returns the height set by SetSize.
func (m Model) Height() int { return m.height }

// Focus lets the editor take keys and shows the cursor. The command is
// always nil (the cursor does not blink) but the signature matches bubbles so
// parents can batch it without special cases.
func (m Model) Focus() (Model, tea.Cmd) {
	m.focused = true
	return m, nil
}

// Blur stops the editor taking keys and hides the cursor.
func (m Model) Blur() Model {
	m.focused = false
	m.hist.seal()
	return m
}

// Focused reports whether the editor has focus.
func (m Model) Focused() bool { return m.focused }

// Value returns the text, lines joined by "\n".
func (m Model) Value() string { return m.doc.value() }

// SetValue replaces the text, puts the cursor at the start, clears undo
// history and diagnostics, and marks the new text as saved. CRLF and lone CR
// become LF.
func (m Model) SetValue(s string) Model {
	// A fresh document and history (not a reset of the shared ones) so a
	// copy made before SetValue keeps its own text.
	m.doc = newDocument(s, scanner(m.hl.lang))
	m.hist = newHistory(m.historyLimit)
	m.savedRev = m.doc.rev
	m.diags = nil
	m.cur, m.goal, m.yoff, m.xoff = pos{}, -1, 0, 0
	return m
}

// Lines returns the number of lines (at least 1).
func (m Model) Lines() int { return len(m.doc.lines) }

// Line returns the text of 1-based line n, or "" when out of range.
func (m Model) Line(n int) string {
	if n < 1 || n > len(m.doc.lines) {
		return ""
	}
	return m.doc.lines[n-1]
}

// Cursor returns the cursor's 1-based line and 1-based column. The column
// counts runes (characters), not bytes or cells, as GraphQL locations do.
func (m Model) Cursor() (line, col int) { return m.cur.row + 1, m.cur.col + 1 }

// CursorOffset returns the cursor's byte offset in Value(), to find the
// operation under the cursor.
func (m Model) CursorOffset() int { return m.doc.offset(m.cur) }

// GotoLine moves the cursor to 1-based line and column (clamped to the text)
// and scrolls it into view, centring it when it was off screen. Used to jump
// to an error location.
func (m Model) GotoLine(line, col int) Model {
	m.hist.seal()
	m.cur = m.doc.clamp(pos{line - 1, col - 1})
	m.goal = -1
	if m.cur.row < m.yoff || m.cur.row >= m.yoff+m.height {
		m.yoff = max(0, m.cur.row-m.height/2)
	}
	return m.scrollToCursor()
}

// Modified reports whether the text differs from the last save (or the last
// SetValue). Undoing back to the saved text clears it.
func (m Model) Modified() bool { return m.doc.rev != m.savedRev }

// MarkSaved records the current text as saved.
func (m Model) MarkSaved() Model {
	m.savedRev = m.doc.rev
	// Typing after a save starts a new undo step, so undo can return to
	// exactly the saved text.
	m.hist.seal()
	return m
}

// WordUnderCursor returns the identifier (letters, digits, _) the cursor is
// in or just after, or "" when there is none; for docs lookup.
func (m Model) WordUnderCursor() string {
	runes := []rune(m.doc.lines[m.cur.row])
	start, end := m.cur.col, m.cur.col
	for start > 0 && isWordRune(runes[start-1]) {
		start--
	}
	for end < len(runes) && isWordRune(runes[end]) {
		end++
	}
	return string(runes[start:end])
}

// ShortHelp returns the key map's short help, so the Model itself satisfies
// help.KeyMap as the component contract asks.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// FullHelp returns the key map's full help.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// Help returns the editor's bindings (the Model is itself a help.KeyMap).
func (m Model) Help() help.KeyMap { return m }

// The editor keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// isWordRune reports whether r belongs to an identifier for word motions.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// gutterWidth is the width of the line-number gutter: the digits of the
// largest line number (at least two, so small documents do not shift when
// they reach line 10) and one space.
func (m Model) gutterWidth() int {
	return max(2, digits(len(m.doc.lines))) + 1
}

// textWidth is the width left for text after the gutter, at least one cell.
func (m Model) textWidth() int { return max(1, m.width-m.gutterWidth()) }

// digits returns the number of decimal digits of n > 0.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// leadingSpace returns the leading spaces and tabs of s.
func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// runeCount is utf8.RuneCountInString, shortened for the edit code.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
