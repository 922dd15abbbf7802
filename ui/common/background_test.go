package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// The theme's background covers every cell of the frame, including after styled spans and on
// short or empty lines; spans with a background of their own keep it.
func TestPaintBackgroundCoversTheFrame(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.TrueColor)
	red := r.NewStyle().Foreground(lipgloss.Color("#ff0000")).Render("red")
	status := r.NewStyle().Background(lipgloss.Color("#00ff00")).Render("status")
	view := red + " tail\n\n" + status
	got := PaintBackground(view, termenv.TrueColor, lipgloss.Color("#fafafa"), lipgloss.Color("#27272a"), 12)
	bg := termenv.CSI + termenv.TrueColor.Color("#fafafa").Sequence(true) + ";" + termenv.TrueColor.Color("#27272a").Sequence(false) + "m"
	lines := strings.Split(got, "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, line := range lines {
		if !strings.HasPrefix(line, bg) {
			t.Errorf("line %d does not start on the background: %q", i, line)
		}
		if w := ansi.StringWidth(line); w != 12 {
			t.Errorf("line %d is %d cells wide, want 12", i, w)
		}
	}
	// After the red span's reset, " tail" is on the background again.
	if !strings.Contains(lines[0], resetSeq+bg+" tail") {
		t.Errorf("the background does not resume after a styled span: %q", lines[0])
	}
	if !strings.Contains(lines[2], "\x1b[48;2;0;255;0m") {
		t.Errorf("the status span lost its own background: %q", lines[2])
	}
	// No colours: nothing changes.
	if got := PaintBackground(view, termenv.Ascii, lipgloss.Color("#fafafa"), lipgloss.Color("#27272a"), 12); got != view {
		t.Errorf("Ascii profile changed the view: %q", got)
	}
}

// BenchmarkPaintBackground is the cost per frame of painting a 120×40 screen of styled text.
func BenchmarkPaintBackground(b *testing.B) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.TrueColor)
	span := r.NewStyle().Foreground(lipgloss.Color("#7c3aed")).Render("Cards") + " { data { id } } "
	line := strings.Repeat(span, 5)
	view := strings.TrimSuffix(strings.Repeat(line+"\n", 40), "\n")
	b.ReportAllocs()
	for b.Loop() {
		_ = PaintBackground(view, termenv.TrueColor, lipgloss.Color("#fafafa"), lipgloss.Color("#27272a"), 120)
	}
}
