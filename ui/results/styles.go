package results

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"

	"github.com/toggle-explorer/toggle-explorer/themes"
)

// JSONStyles colour the body. Only foreground, background, bold, italic and
// underline are used: they are turned into ANSI prefixes once.
type JSONStyles struct {
	Plain   lipgloss.Style // whitespace and text bodies
	Key     lipgloss.Style
	String  lipgloss.Style
	Number  lipgloss.Style
	Literal lipgloss.Style // true, false, null
	Punct   lipgloss.Style
}

// Styles is everything the results pane draws with. Build it with
// [DefaultStyles] or [NewStyles]; it is plain data, and [New] and
// [Model.SetStyles] derive the body's ANSI tables from it.
type Styles struct {
	Title         lipgloss.Style // the status line
	StatusOK      lipgloss.Style // 2xx status
	StatusError   lipgloss.Style // 4xx and 5xx status
	Muted         lipgloss.Style // separators and metadata
	ErrorCount    lipgloss.Style // "2 errors"
	Note          lipgloss.Style // "not valid JSON …", notices
	Diagnosis     lipgloss.Style // the Unauthorized diagnosis
	ErrorItem     lipgloss.Style // one line of the errors block
	ErrorSelected lipgloss.Style // the error chosen with e/E
	ErrorLocation lipgloss.Style // "at 3:5"
	Hint          lipgloss.Style // empty and loading states
	LineNumber    lipgloss.Style // gutter
	Marker        lipgloss.Style // "…" where a line is cut
	Footer        lipgloss.Style // position and search status
	SearchPrompt  lipgloss.Style // the "/" prompt
	Match         lipgloss.Style // its background marks search matches
	CurrentMatch  lipgloss.Style // its background marks the current match
	Cursor        lipgloss.Style // the cursor's mark in the gutter
	JSON          JSONStyles
}

// DefaultStyles derives the pane's styles from a theme using lipgloss's
// default renderer (the terminal's colour profile).
func DefaultStyles(t *themes.Theme) Styles {
	return NewStyles(t, lipgloss.DefaultRenderer())
}

// NewStyles derives the pane's styles from a theme for a given renderer,
// which fixes the colour profile (tests and benchmarks pass their own).
func NewStyles(t *themes.Theme, r *lipgloss.Renderer) Styles {
	p := t.Palette
	ns := r.NewStyle
	// TokenStyle is bound to the default renderer; Inherit copies its
	// colours and attributes onto a style of ours.
	token := func(tt chroma.TokenType) lipgloss.Style { return ns().Inherit(t.TokenStyle(tt)) }
	return Styles{
		Title:         ns().Foreground(p.Foreground).Bold(true),
		StatusOK:      ns().Foreground(p.Success).Bold(true),
		StatusError:   ns().Foreground(p.Error).Bold(true),
		Muted:         ns().Foreground(p.Muted),
		ErrorCount:    ns().Foreground(p.Error),
		Note:          ns().Foreground(p.Warning),
		Diagnosis:     ns().Foreground(p.Warning).Bold(true),
		ErrorItem:     ns().Foreground(p.Error),
		ErrorSelected: ns().Foreground(p.SelectionForeground).Background(p.SelectionBackground),
		ErrorLocation: ns().Foreground(p.Info),
		Hint:          ns().Foreground(p.Faint).Italic(true),
		LineNumber:    ns().Foreground(p.Faint),
		Marker:        ns().Foreground(p.Faint),
		Footer:        ns().Foreground(p.Muted),
		SearchPrompt:  ns().Foreground(p.Accent).Bold(true),
		Match:         ns().Background(p.MatchBackground),
		CurrentMatch:  ns().Background(p.CurrentMatchBackground).Bold(true),
		Cursor:        ns().Foreground(p.Accent).Bold(true),
		JSON: JSONStyles{
			Plain:   ns().Foreground(p.Foreground),
			Key:     token(chroma.NameTag),
			String:  token(chroma.LiteralStringDouble),
			Number:  token(chroma.LiteralNumber),
			Literal: token(chroma.KeywordConstant),
			Punct:   token(chroma.Punctuation),
		},
	}
}

// compileSGR turns the body styles into ANSI prefixes by rendering a probe
// character through lipgloss and keeping what comes before it. This honours
// the renderer's colour profile exactly (true colour, 256, 16 or none)
// without re-implementing lipgloss's colour conversion.
func compileSGR(s Styles) *sgrTable {
	t := &sgrTable{}
	classes := [numClasses]lipgloss.Style{
		classPlain: s.JSON.Plain, classKey: s.JSON.Key, classString: s.JSON.String,
		classNumber: s.JSON.Number, classLiteral: s.JSON.Literal, classPunct: s.JSON.Punct,
	}
	for cls, st := range classes {
		for hl := range numHL {
			withHL := st
			switch hl {
			case hlMatch:
				withHL = st.Background(s.Match.GetBackground()).Bold(s.Match.GetBold() || st.GetBold())
			case hlCurrent:
				withHL = st.Background(s.CurrentMatch.GetBackground()).Bold(s.CurrentMatch.GetBold() || st.GetBold())
			}
			t.prefix[styleKey(tokenClass(cls), hl)] = sgrProbe(withHL, &t.reset)
		}
	}
	t.prefix[keyMarker] = sgrProbe(s.Marker, &t.reset)
	t.prefix[keyLineNo] = sgrProbe(s.LineNumber, &t.reset)
	t.off = true
	for _, p := range t.prefix {
		if p != "" {
			t.off = false
		}
	}
	return t
}

// sgrProbe returns the escape sequence lipgloss puts before styled text and
// records the one it puts after (the reset) in *reset.
func sgrProbe(st lipgloss.Style, reset *string) string {
	const probe = "X"
	out := st.Inline(true).Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return ""
	}
	if after := out[i+len(probe):]; after != "" {
		*reset = after
	}
	return out[:i]
}
