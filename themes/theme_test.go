package themes

import (
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"
)

func TestTokenStyleExactAndFallback(t *testing.T) {
	th := Default()
	fg := func(s lipgloss.Style) string { return string(s.GetForeground().(lipgloss.Color)) }

	if got := fg(th.TokenStyle(chroma.NameTag)); got != "#7dd3fc" {
		t.Errorf("NameTag fg = %q", got)
	}
	// LiteralStringDouble has no entry: chroma falls back to LiteralString.
	if got := fg(th.TokenStyle(chroma.LiteralStringDouble)); got != "#86efac" {
		t.Errorf("LiteralStringDouble fg = %q, want the LiteralString colour", got)
	}
	// LiteralNumberFloat -> sub-category LiteralNumber.
	if got := fg(th.TokenStyle(chroma.LiteralNumberFloat)); got != "#fbbf24" {
		t.Errorf("LiteralNumberFloat fg = %q", got)
	}
	// A type chroma does not define: falls back to its sub-category, then category.
	custom := chroma.LiteralString + 77
	if got := fg(th.TokenStyle(custom)); got != "#86efac" {
		t.Errorf("custom string sub-type fg = %q, want LiteralString colour", got)
	}
	unknownCategory := chroma.TokenType(987654)
	if got := fg(th.TokenStyle(unknownCategory)); got != "#e4e4e7" {
		t.Errorf("unknown type fg = %q, want Text colour", got)
	}
	if !th.TokenStyle(chroma.Comment).GetItalic() {
		t.Error("Comment should be italic")
	}
	// The page background is not repeated on every token.
	if _, ok := th.TokenStyle(chroma.Keyword).GetBackground().(lipgloss.NoColor); !ok {
		t.Errorf("Keyword has background %v", th.TokenStyle(chroma.Keyword).GetBackground())
	}
}

func TestTokenStyleNilChroma(t *testing.T) {
	th := &Theme{Name: "bare", Palette: Palette{Foreground: "#123456"}}
	if got := th.TokenStyle(chroma.Keyword).GetForeground(); got != lipgloss.Color("#123456") {
		t.Errorf("fg = %v", got)
	}
}

// TestTokenStyleConcurrent exercises the memo under -race.
func TestTokenStyleConcurrent(t *testing.T) {
	th, err := Load("dracula", "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = th.TokenStyle(chroma.TokenType(int(chroma.Keyword) + i))
		}()
	}
	wg.Wait()
	if got := th.TokenStyle(chroma.Keyword).GetForeground(); got != lipgloss.Color("#ff79c6") {
		t.Errorf("dracula Keyword fg = %v", got)
	}
}

func TestMonochromeSetsNoColour(t *testing.T) {
	mono := Default().Monochrome()
	if mono.Palette != (Palette{}) || mono.Chroma != nil {
		t.Fatalf("monochrome theme keeps colours: %+v", mono.Palette)
	}
	if s := mono.TokenStyle(chroma.Keyword); s.GetForeground() != (lipgloss.NoColor{}) && s.GetForeground() != lipgloss.Color("") {
		t.Fatalf("keyword style has a colour: %v", s.GetForeground())
	}
}
