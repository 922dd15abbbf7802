package results

import (
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// TestRuneCellsAgreesWithTheRenderer checks every printable rune: a width
// that differs from what lipgloss and Bubble Tea measure (x/ansi) shifts
// everything after it on the line and breaks the pane's border.
func TestRuneCellsAgreesWithTheRenderer(t *testing.T) {
	bad := 0
	for r := rune(0xa0); r <= unicode.MaxRune; r++ {
		if !unicode.IsPrint(r) {
			continue
		}
		if got, want := runeCells(r), ansi.StringWidth(string(r)); got != want {
			if bad++; bad <= 5 {
				t.Errorf("runeCells(%U) = %d, the renderer measures %d", r, got, want)
			}
		}
	}
	if bad > 5 {
		t.Errorf("... %d runes in all", bad)
	}
}
