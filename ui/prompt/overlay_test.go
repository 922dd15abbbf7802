package prompt

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestOverlayPlain(t *testing.T) {
	bg := strings.Join([]string{"abcdefghij", "klmnopqrst", "uvwxyz", "0123456789"}, "\n")
	got := Overlay(bg, "XX\nYY", 10, 5)
	// Centred: x = (10-2)/2, y = (5-2)/2. Row 2 is shorter than the box's right edge and stays
	// short; the missing fifth row is added empty.
	want := strings.Join([]string{"abcdefghij", "klmnXXqrst", "uvwxYY", "0123456789", ""}, "\n")
	if got != want {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
	// A background row shorter than the box's left edge is padded, never shifted.
	if got := Overlay("a", "XX", 6, 1); got != "a XX" {
		t.Fatalf("short row: %q", got)
	}
}

func TestOverlayStyledBackground(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	red := r.NewStyle().Foreground(lipgloss.Color("#ff0000")).Background(lipgloss.Color("#000080"))
	row := red.Render("abcdefghij")
	bg := strings.Join([]string{row, row, row}, "\n")
	got := Overlay(bg, "[]", 10, 3)
	lines := strings.Split(got, "\n")
	if ansi.Strip(lines[1]) != "abcd[]ghij" || ansi.Strip(lines[0]) != "abcdefghij" {
		t.Fatalf("visible text wrong: %q", ansi.Strip(got))
	}
	// The box must start after a reset, so the background's colours do not bleed into it.
	if i := strings.Index(lines[1], "[]"); i < 0 || !strings.HasSuffix(lines[1][:i], "\x1b[0m") {
		t.Fatalf("no reset before the box: %q", lines[1])
	}
	// The right part is drawn in its own colour again.
	if !strings.Contains(lines[1][strings.Index(lines[1], "[]")+2:], "38;2;255;0;0") {
		t.Fatalf("right part lost its style: %q", lines[1])
	}
}

func TestOverlayKeepsSize(t *testing.T) {
	box := NewChoice(uitest.NewContext(time.Time{}), "q", "Quit with unsaved changes?", []Option{{Key: "s", Label: "Save"}, {Key: "d", Label: "Discard"}, {Key: CancelKey, Label: "Cancel"}}).SetSize(80, 24).Box()
	bg := strings.Repeat(strings.Repeat("·", 80)+"\n", 23) + strings.Repeat("·", 80)
	uitest.CheckBlock(t, Overlay(bg, box, 80, 24), 80, 24)
	// A screen smaller than the box: the box is cut, the size still holds.
	small := strings.Repeat(strings.Repeat("·", 20)+"\n", 4) + strings.Repeat("·", 20)
	got := Overlay(small, box, 20, 5)
	for i, l := range strings.Split(got, "\n") {
		if w := lipgloss.Width(l); w > 20 || i >= 5 {
			t.Fatalf("line %d is %d cells wide (of %d lines)", i, w, len(strings.Split(got, "\n")))
		}
	}
}
