package editor

import (
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// TestCellsAgreesWithTheRenderer checks every printable rune: a width that
// differs from what lipgloss and Bubble Tea measure (x/ansi) puts the cursor
// in the wrong cell and breaks the pane's border.
func TestCellsAgreesWithTheRenderer(t *testing.T) {
	bad := 0
	for r := rune(0xa0); r <= unicode.MaxRune; r++ {
		if !unicode.IsPrint(r) {
			continue
		}
		if got, want := cellsAt(r, 0), ansi.StringWidth(string(r)); got != want {
			if bad++; bad <= 5 {
				t.Errorf("cellsAt(%U) = %d, the renderer measures %d", r, got, want)
			}
		}
	}
	if bad > 5 {
		t.Errorf("... %d runes in all", bad)
	}
}
