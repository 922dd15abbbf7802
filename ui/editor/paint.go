package editor

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"
)

// sgr is a style reduced to the escape sequences that open and close it.
// Rendering a cell run is then two string appends instead of a lipgloss
// Render call, which matters when View paints thousands of cells per frame.
type sgr struct {
	open, close string
}

// sentinel is rendered through a style to find its escape sequences. Any
// printable rune without special meaning to lipgloss works.
const sentinel = "x"

// toSGR renders the sentinel with s and splits the output around it. Styles
// whose output does not contain the sentinel verbatim (a Transform, say) fall
// back to plain text rather than emitting something malformed.
func toSGR(s lipgloss.Style) sgr {
	out := s.Render(sentinel)
	i := strings.Index(out, sentinel)
	if i < 0 || strings.Contains(out, "\n") {
		return sgr{}
	}
	return sgr{open: out[:i], close: out[i+len(sentinel):]}
}

// painter holds the escape sequences of one Styles value. Token sequences
// are computed on first use and memoised: chroma has hundreds of token types
// and a document uses a dozen.
type painter struct {
	text, lineNumber, currentLineNumber, errorLineNumber sgr
	cursor, placeholder, err                             sgr

	tokenStyle func(chroma.TokenType) lipgloss.Style
	tokens     map[chroma.TokenType]sgr
}

// newPainter precomputes the fixed sequences of st.
func newPainter(st Styles) *painter {
	return &painter{
		text:              toSGR(st.Text),
		lineNumber:        toSGR(st.LineNumber),
		currentLineNumber: toSGR(st.CurrentLineNumber),
		errorLineNumber:   toSGR(st.ErrorLineNumber),
		cursor:            toSGR(st.Cursor),
		placeholder:       toSGR(st.Placeholder),
		err:               toSGR(st.Error),
		tokenStyle:        st.Token,
		tokens:            make(map[chroma.TokenType]sgr),
	}
}

// token returns the sequences for token type tt.
func (p *painter) token(tt chroma.TokenType) sgr {
	if p.tokenStyle == nil {
		return p.text
	}
	if s, ok := p.tokens[tt]; ok {
		return s
	}
	s := toSGR(p.tokenStyle(tt))
	p.tokens[tt] = s
	return s
}

// runWriter writes cells, emitting escape sequences only when the style
// changes between neighbouring cells.
type runWriter struct {
	b    *strings.Builder
	cur  sgr
	open bool
}

// style switches to s for the following cells.
func (w *runWriter) style(s sgr) {
	if w.open && s == w.cur {
		return
	}
	w.end()
	w.b.WriteString(s.open)
	w.cur, w.open = s, true
}

// end closes the current style.
func (w *runWriter) end() {
	if w.open {
		w.b.WriteString(w.cur.close)
		w.open = false
	}
}

// spaces writes n blank cells in style s.
func (w *runWriter) spaces(s sgr, n int) {
	if n <= 0 {
		return
	}
	w.style(s)
	for range n {
		w.b.WriteByte(' ')
	}
}
