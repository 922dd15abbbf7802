package themes

import (
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"
)

// DefaultName is the name of the theme used when none is configured.
const DefaultName = "toggle-dark"

// Palette holds the semantic UI colours of a theme. Components map these
// slots to their own styles; they never hard-code colours.
type Palette struct {
	Foreground             lipgloss.Color // body text
	Muted                  lipgloss.Color // secondary text: labels, metadata
	Faint                  lipgloss.Color // hints, line numbers, truncation markers
	Background             lipgloss.Color // pane background
	Accent                 lipgloss.Color // titles, the focused element
	Border                 lipgloss.Color // borders of blurred panes
	BorderFocused          lipgloss.Color // border of the focused pane
	Success                lipgloss.Color // 2xx status, fresh token
	Warning                lipgloss.Color // nearly due, notices, diagnoses
	Error                  lipgloss.Color // errors, expired token
	Info                   lipgloss.Color // informational messages
	SelectionBackground    lipgloss.Color // selected row or error
	SelectionForeground    lipgloss.Color // text on SelectionBackground
	MatchBackground        lipgloss.Color // search matches
	CurrentMatchBackground lipgloss.Color // the current search match
	StatusBackground       lipgloss.Color // status bar
	StatusForeground       lipgloss.Color // status bar text
}

// Theme is a named palette plus the chroma style that goes with it.
//
// Treat a Theme as immutable once built: [Theme.TokenStyle] memoises its
// table on first use, so later edits to Palette or Chroma would not be seen.
// Share it by pointer; copying it copies the memo's lock.
type Theme struct {
	Name    string
	Dark    bool
	Palette Palette
	// Chroma highlights the editor and results panes. It may be nil, in which
	// case every token uses Palette.Foreground.
	Chroma *chroma.Style

	// once guards tokens: the table is built lazily because only the panes
	// that highlight need it, and building it walks every chroma token type.
	once   sync.Once
	tokens map[chroma.TokenType]lipgloss.Style
}

// Default returns a fresh copy of the dark default theme, "toggle-dark".
//
// It panics only if the embedded theme file is broken, which the package
// tests rule out (TestBuiltinsLoad).
func Default() *Theme {
	t, err := loadBuiltin(DefaultName)
	if err != nil {
		panic("themes: embedded default theme is invalid: " + err.Error())
	}
	return t
}

// TokenStyle returns the lipgloss style for a chroma token type.
//
// The table is built once per theme and is safe for concurrent use. A type
// the table does not know (a chroma type added later, or a custom one) falls
// back to its sub-category, then its category, then Text, the same order
// chroma itself uses when a style has no exact entry.
//
// The returned style carries foreground, bold, italic and underline; it sets
// a background only where the chroma entry's background differs from the
// style's own, so tokens sit on the pane background instead of painting
// blocks of chroma's.
func (t *Theme) TokenStyle(tt chroma.TokenType) lipgloss.Style {
	t.once.Do(t.buildTokens)
	for _, candidate := range [...]chroma.TokenType{tt, tt.SubCategory(), tt.Category(), chroma.Text} {
		if s, ok := t.tokens[candidate]; ok {
			return s
		}
	}
	// Unreachable: buildTokens always stores chroma.Text.
	return lipgloss.NewStyle().Foreground(t.Palette.Foreground)
}

// buildTokens fills t.tokens for every standard chroma token type.
func (t *Theme) buildTokens() {
	t.tokens = make(map[chroma.TokenType]lipgloss.Style, len(chroma.StandardTypes)+1)
	plain := lipgloss.NewStyle().Foreground(t.Palette.Foreground)
	if t.Chroma == nil {
		t.tokens[chroma.Text] = plain
		return
	}
	pageBG := t.Chroma.Get(chroma.Background).Background
	for tt := range chroma.StandardTypes {
		t.tokens[tt] = entryStyle(t.Chroma.Get(tt), pageBG, t.Palette.Foreground)
	}
	if _, ok := t.tokens[chroma.Text]; !ok {
		t.tokens[chroma.Text] = plain
	}
}

// entryStyle converts a resolved chroma entry into a lipgloss style.
func entryStyle(e chroma.StyleEntry, pageBG chroma.Colour, fallbackFG lipgloss.Color) lipgloss.Style {
	s := lipgloss.NewStyle()
	if e.Colour.IsSet() {
		s = s.Foreground(lipgloss.Color(e.Colour.String()))
	} else {
		s = s.Foreground(fallbackFG)
	}
	if e.Background.IsSet() && e.Background != pageBG {
		s = s.Background(lipgloss.Color(e.Background.String()))
	}
	if e.Bold == chroma.Yes {
		s = s.Bold(true)
	}
	if e.Italic == chroma.Yes {
		s = s.Italic(true)
	}
	if e.Underline == chroma.Yes {
		s = s.Underline(true)
	}
	return s
}

// Monochrome returns a theme with this one's name and no colours at all, for NO_COLOR: styles
// keep their bold, italic, underline and reverse video, so the cursor, the selection and the
// focused pane stay visible, but nothing sets a colour.
func (t *Theme) Monochrome() *Theme {
	return &Theme{Name: t.Name + " (no colour)", Dark: t.Dark}
}
