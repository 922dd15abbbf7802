package docs

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// clean makes one line of server text safe for the terminal (see display.Line): control and bidi
// characters, escape sequences included, become visible text.
func clean(s string) string { return display.Line(s) }

// cleanLines splits server text into its lines and sanitises each. Line breaks are kept as
// breaks (display.Line alone would show them as "\n"); a CR before a LF is dropped with it.
func cleanLines(s string) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = clean(strings.TrimSuffix(l, "\r"))
	}
	return lines
}

// firstLine is a description's first paragraph, sanitised and joined into one line, for
// one-line summaries (cut to the width by the caller).
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if end := strings.Index(s, "\n\n"); end >= 0 {
		s = s[:end] // only the first paragraph is needed: do not clean the rest
	}
	return reflow(cleanLines(s))[0]
}

// wrapText wraps server text to width cells, each line prefixed by indent (which counts
// toward the width). Descriptions are often hard-wrapped at the author's editor width, so the
// lines of a paragraph are joined before wrapping; blank lines, list items and indented lines
// keep their breaks. Words longer than the width are cut.
func wrapText(s string, width int, indent string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	avail := max(1, width-ansi.StringWidth(indent))
	var out []string
	for _, para := range reflow(cleanLines(s)) {
		if strings.TrimSpace(para) == "" {
			out = append(out, "")
			continue
		}
		wrapped := ansi.Wrap(para, avail, "")
		for _, w := range strings.Split(wrapped, "\n") {
			w = strings.TrimRight(w, " ")
			if ansi.StringWidth(w) > avail {
				// ansi.Wrap lets a trailing hyphen overhang by a cell; cut such lines hard.
				for _, h := range strings.Split(ansi.Hardwrap(w, avail, true), "\n") {
					out = append(out, indent+h)
				}
				continue
			}
			out = append(out, indent+w)
		}
	}
	return out
}

// reflow joins each line to the one before it unless either is blank or the line starts a
// list item or is indented (preformatted text, a continued list item).
func reflow(lines []string) []string {
	var out []string
	for i, l := range lines {
		if i > 0 && !breaksLine(l) && strings.TrimSpace(out[len(out)-1]) != "" {
			out[len(out)-1] = strings.TrimRight(out[len(out)-1], " ") + " " + strings.TrimSpace(l)
			continue
		}
		out = append(out, l)
	}
	return out
}

// breaksLine reports whether a description line must start a new line of its own.
func breaksLine(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || t != strings.TrimLeft(l, " ") || strings.HasPrefix(l, " ") {
		return true
	}
	switch t[0] {
	case '-', '*', '+', '#', '|', '>':
		return true
	}
	if strings.HasPrefix(t, "```") {
		return true
	}
	if strings.HasPrefix(t, "•") {
		return true
	}
	// "1." or "2)" numbered items.
	digits := len(t) - len(strings.TrimLeft(t, "0123456789"))
	return digits > 0 && digits < len(t) && (t[digits] == '.' || t[digits] == ')')
}

// wrapHanging wraps a line we built (a signature) to width, breaking after the commas between
// arguments; continuation lines are indented by hang cells so they read as part of the first.
// A piece wider than a whole line is cut hard.
func wrapHanging(s string, width, hang int) []string {
	if ansi.StringWidth(s) <= width {
		return []string{s}
	}
	hang = min(hang, width/2)
	var out []string
	line, avail := "", width
	flush := func() {
		if line != "" {
			out = append(out, strings.TrimRight(line, " "))
		}
		line, avail = strings.Repeat(" ", hang), width
	}
	for _, piece := range strings.SplitAfter(s, ", ") {
		if ansi.StringWidth(line)+ansi.StringWidth(strings.TrimRight(piece, " ")) > avail && strings.TrimSpace(line) != "" {
			flush()
		}
		for ansi.StringWidth(line)+ansi.StringWidth(strings.TrimRight(piece, " ")) > avail {
			room := max(1, avail-ansi.StringWidth(line))
			line += ansi.Cut(piece, 0, room)
			piece = ansi.Cut(piece, room, ansi.StringWidth(piece))
			flush()
		}
		line += piece
	}
	if strings.TrimSpace(line) != "" {
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// fit cuts a line to width cells with an ellipsis.
func fit(s string, width int) string { return ansi.Truncate(s, width, "…") }

// pad fills s with spaces to width cells (it never cuts).
func pad(s string, width int) string {
	if w := ansi.StringWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
