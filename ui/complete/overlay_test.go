package complete

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// grid returns h lines of w dots.
func grid(w, h int) string {
	row := strings.Repeat(".", w)
	rows := make([]string, h)
	for i := range rows {
		rows[i] = row
	}
	return strings.Join(rows, "\n")
}

// box returns an h-line popup of w cells: "+" corners on the first and last
// line, "P" in between, so a test can see which lines were kept.
func box(w, h int) string {
	rows := make([]string, h)
	for i := range rows {
		c := "P"
		if i == 0 || i == h-1 {
			c = "+"
		}
		rows[i] = strings.Repeat(c, w)
	}
	return strings.Join(rows, "\n")
}

// assertSameShape fails unless got has want's line count and line widths.
func assertSameShape(t *testing.T, got, want string) {
	t.Helper()
	g, w := lines(got), lines(want)
	if len(g) != len(w) {
		t.Fatalf("%d lines, want %d", len(g), len(w))
	}
	for i := range g {
		if a, b := ansi.StringWidth(g[i]), ansi.StringWidth(w[i]); a != b {
			t.Fatalf("line %d is %d cells, want %d: %q", i, a, b, g[i])
		}
	}
}

func TestOverlayPlacement(t *testing.T) {
	tests := []struct {
		name       string
		w, h       int
		x, y       int
		pw, ph     int
		want       string
		wantPopTop int
	}{
		{
			name: "below the cursor", w: 12, h: 8, x: 2, y: 1, pw: 4, ph: 3,
			want: "............\n" +
				"............\n" +
				"..++++......\n" +
				"..PPPP......\n" +
				"..++++......\n" +
				"............\n" +
				"............\n" +
				"............",
		},
		{
			name: "flipped above when there is no room below", w: 12, h: 8, x: 2, y: 6, pw: 4, ph: 3,
			want: "............\n" +
				"............\n" +
				"............\n" +
				"..++++......\n" +
				"..PPPP......\n" +
				"..++++......\n" +
				"............\n" +
				"............",
		},
		{
			name: "moved left at the right edge", w: 12, h: 5, x: 10, y: 0, pw: 4, ph: 3,
			want: "............\n" +
				"........++++\n" +
				"........PPPP\n" +
				"........++++\n" +
				"............",
		},
		{
			name: "fits neither side: below, cut at the bottom", w: 8, h: 6, x: 0, y: 2, pw: 3, ph: 5,
			want: "........\n" +
				"........\n" +
				"........\n" +
				"+++.....\n" +
				"PPP.....\n" +
				"PPP.....",
		},
		{
			name: "fits neither side: above, cut at the bottom", w: 8, h: 6, x: 0, y: 4, pw: 3, ph: 6,
			want: "+++.....\n" +
				"PPP.....\n" +
				"PPP.....\n" +
				"PPP.....\n" +
				"........\n" +
				"........",
		},
		{
			name: "wider than the base: cut at the right", w: 5, h: 4, x: 3, y: 0, pw: 8, ph: 3,
			want: ".....\n" +
				"+++++\n" +
				"PPPPP\n" +
				"+++++",
		},
		{
			name: "cursor scrolled out above: only what lands inside", w: 6, h: 4, x: 1, y: -2, pw: 3, ph: 3,
			want: ".PPP..\n" +
				".+++..\n" +
				"......\n" +
				"......",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := grid(tc.w, tc.h)
			got := Overlay(base, tc.x, tc.y, box(tc.pw, tc.ph))
			if got != tc.want {
				t.Fatalf("Overlay =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestOverlayEmptyPopupKeepsBase(t *testing.T) {
	base := grid(5, 3)
	if got := Overlay(base, 1, 1, ""); got != base {
		t.Fatalf("empty popup changed the base: %q", got)
	}
}

func TestOverlayShortBaseLinesArePadded(t *testing.T) {
	got := Overlay("abcdef\nab\n", 3, 0, box(3, 2))
	want := "abcdef\nab +++\n   +++"
	if got != want {
		t.Fatalf("Overlay = %q, want %q", got, want)
	}
}

// TestOverlayWideRunesAtTheEdges puts the popup's edges through the middle
// of wide characters: the halves left visible become blanks and every line
// keeps its width.
func TestOverlayWideRunesAtTheEdges(t *testing.T) {
	base := "名前名前名前\n名前名前名前\n名前名前名前"
	got := Overlay(base, 3, 0, box(4, 2))
	want := "名前名前名前\n名 ++++ 名前\n名 ++++ 名前"
	if got != want {
		t.Fatalf("Overlay =\n%s\nwant\n%s", got, want)
	}
	assertSameShape(t, got, base)
}

// TestOverlayStyledBase splices a popup into a coloured base and checks the
// text against the same overlay on the plain base, that widths hold, that
// the base's colour does not bleed into the popup, and that the text after
// the popup gets its colour back.
func TestOverlayStyledBase(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	red := r.NewStyle().Foreground(lipgloss.Color("1"))
	blue := r.NewStyle().Foreground(lipgloss.Color("4")).Bold(true)
	plainLines := []string{"query {", "  Cards(page: 1) {", "    total", "  }", "}"}
	styled := make([]string, len(plainLines))
	for i, l := range plainLines {
		// Colour changes in the middle of the line, and one style runs
		// through the cells the popup covers.
		half := len(l) / 2
		styled[i] = red.Render(l[:half]) + blue.Render(l[half:]+strings.Repeat(" ", 20-len(l)))
		plainLines[i] = l + strings.Repeat(" ", 20-len(l))
	}
	base, plain := strings.Join(styled, "\n"), strings.Join(plainLines, "\n")
	popup := r.NewStyle().Reverse(true).Render("abc") + "\n" + "def"

	got := Overlay(base, 4, 1, popup)
	if want := Overlay(plain, 4, 1, "abc\ndef"); ansi.Strip(got) != want {
		t.Fatalf("text of the styled overlay =\n%s\nwant\n%s", ansi.Strip(got), want)
	}
	assertSameShape(t, got, base)

	line := lines(got)[3] // "  }" with "def" over cells 4..6
	i := strings.Index(line, "def")
	if i < 0 {
		t.Fatalf("popup line missing: %q", line)
	}
	if !strings.HasSuffix(line[:i], reset) {
		t.Fatalf("base style not reset before the unstyled popup line: %q", line)
	}
	open := strings.Index(line, "\x1b[1;34m")
	if open < 0 {
		t.Fatalf("blue style of the base missing: %q", line)
	}
	if last := strings.LastIndex(line, "\x1b[1;34m"); last < i {
		t.Fatalf("the base's blue is not reopened after the popup: %q", line)
	}
}
