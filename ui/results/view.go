package results

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Empty-state texts. ctrl+r is the app's fixed "run" key (architecture.md).
const (
	hintEmpty   = "Run a query with ctrl+r"
	hintLoading = "Running…"
)

// View renders exactly height lines, none wider than width. Only the
// visible body lines are rendered, so its cost does not depend on the size
// of the response.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	// Body cells plus generous room for SGR sequences.
	b.Grow(m.height * (m.width + 16) * 4)
	rows := 0
	addLine := func(s string) {
		if rows >= m.height {
			return
		}
		if rows > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
		rows++
	}

	if m.doc == nil {
		hint := hintEmpty
		if m.loading {
			hint = hintLoading
		}
		addLine(m.styles.Hint.Render(ansi.Truncate(hint, m.width, "…")))
	} else if m.tableOn {
		if !m.titleInFrame {
			addLine(m.titleLine())
		}
		for _, l := range strings.Split(m.table.View(), "\n") {
			addLine(l)
		}
		if m.save != saveOff {
			addLine(ansi.Truncate(m.saveLine(), m.width, "…"))
		}
	} else {
		if !m.titleInFrame {
			addLine(m.titleLine())
		}
		if m.doc.note != "" {
			addLine(m.styles.Note.Render(ansi.Truncate(display.Line(m.doc.note), m.width, "…")))
		}
		if m.filterErr != "" {
			addLine(m.styles.ErrorItem.Render(ansi.Truncate(display.Line(m.filterErr), m.width, "…")))
		}
		for _, s := range m.wrapMessage(m.doc.meta.Notice) {
			addLine(m.styles.Note.Render(s))
		}
		for _, s := range m.wrapMessage(m.doc.meta.Diagnosis) {
			addLine(m.styles.Diagnosis.Render(s))
		}
		for _, s := range m.errorLines() {
			addLine(s)
		}
		bodyRows := m.bodyRows()
		for r := range bodyRows {
			if rows > 0 {
				b.WriteByte('\n')
			}
			m.bodyLine(&b, m.top+r)
			rows++
		}
		if rows < m.height {
			addLine(m.footerLine())
		}
	}
	for rows < m.height {
		addLine("")
	}
	return b.String()
}

// titleLine is "200 OK · 43ms · 1.2 MiB · 2 errors" (or "Running…").
func (m Model) titleLine() string {
	st := m.styles
	if m.loading {
		return st.Hint.Render(ansi.Truncate(hintLoading, m.width, "…"))
	}
	meta := m.doc.meta
	var parts []string
	if meta.Status > 0 {
		status := st.Muted
		switch {
		case meta.Status >= 200 && meta.Status < 300:
			status = st.StatusOK
		case meta.Status >= 400:
			status = st.StatusError
		}
		parts = append(parts, status.Render(statusText(meta.Status)))
	}
	if meta.Duration > 0 {
		parts = append(parts, st.Title.Render(display.Duration(meta.Duration)))
	}
	if meta.Status > 0 || meta.Size > 0 {
		parts = append(parts, st.Title.Render(display.Size(meta.Size)))
	}
	if n := len(meta.Errors); n > 0 {
		parts = append(parts, st.ErrorCount.Render(plural(n, "error")))
	}
	if p := meta.Page.String(); p != "" {
		parts = append(parts, st.Title.Render(p))
	}
	if !m.doc.json && meta.ContentType != "" {
		parts = append(parts, st.Muted.Render(display.Line(meta.ContentType)))
	}
	return ansi.Truncate(strings.Join(parts, st.Muted.Render(" · ")), m.width, "…")
}

// errorLines renders the errors block: a window of errors that keeps the
// selected one visible, and a "+N more" line when they do not all fit.
func (m Model) errorLines() []string {
	rows := m.errorRows()
	if rows == 0 {
		return nil
	}
	all, firstOf := m.errorBlock()
	if len(all) <= rows {
		return all
	}
	// Too many lines: a window that starts at the selected error, and a last line saying how
	// much is hidden.
	shown := max(1, rows-1)
	start := 0
	if m.errIndex >= 0 && m.errIndex < len(firstOf) {
		start = min(firstOf[m.errIndex], len(all)-shown)
	}
	out := append([]string{}, all[start:start+shown]...)
	text := "+" + strconv.Itoa(len(all)-shown) + " more lines · e/E to cycle"
	if rows == 1 { // a one-line block: say it on the same line
		out[0] = ansi.Truncate(out[0]+m.styles.Muted.Render("  ("+text+")"), m.width, "…")
	} else {
		out = append(out, m.styles.Muted.Render(ansi.Truncate(text, m.width, "…")))
	}
	return out
}

// errorBlock renders every error: a line with message, location, audience and path, then one
// indented line per validation field, so Toggle's validation map is never cut off the end of the
// line. firstOf[i] is the index of error i's first line.
func (m Model) errorBlock() (lines []string, firstOf []int) {
	for i, e := range m.doc.meta.Errors {
		firstOf = append(firstOf, len(lines))
		lines = append(lines, m.errorLines1(e, i == m.errIndex)...)
		for _, v := range validationLines(e.Validation) {
			lines = append(lines, m.styles.Note.Render(ansi.Truncate("    "+v, m.width, "…")))
		}
	}
	return lines, firstOf
}

// errorLines1 is one error's header: message, location, audience and path on one line, or, when
// that is wider than the pane, wrapped onto further lines indented under the message (in one
// colour) rather than cut with "…".
func (m Model) errorLines1(e ErrorItem, selected bool) []string {
	line, plain := m.errorLine(e, selected)
	if m.width <= 4 || ansi.StringWidth(plain) <= m.width {
		return []string{line}
	}
	style := m.styles.ErrorItem
	if selected {
		style = m.styles.ErrorSelected
	}
	first, _, _ := strings.Cut(ansi.Wrap(plain, m.width, " "), "\n")
	// The rest is wrapped once, at the indented width: re-wrapping the lines of a wrap at the
	// full width would leave two-cell orphans of every word broken there.
	rest, ok := strings.CutPrefix(plain, first)
	if !ok {
		rest = ansi.TruncateLeft(plain, ansi.StringWidth(first), "")
	}
	out := []string{style.Render(first)}
	for _, part := range strings.Split(ansi.Wrap(strings.TrimLeft(rest, " "), m.width-2, " "), "\n") {
		out = append(out, style.Render("  "+part))
	}
	return out
}

// errorLine is one error's first line: message, location, audience and path, all server text
// escaped; plain is the same text without styles.
func (m Model) errorLine(e ErrorItem, selected bool) (line, plain string) {
	st := m.styles
	type part struct {
		text  string
		style func(...string) string
	}
	// The selected error is marked by a glyph as well as by colour, so it
	// shows without colours too.
	bullet := "✗ "
	if selected {
		bullet = "▸ "
	}
	parts := []part{{bullet + display.Line(e.Message), st.ErrorItem.Render}}
	if e.Line > 0 {
		parts = append(parts, part{"at " + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column), st.ErrorLocation.Render})
	}
	if e.CustomerFacing != nil {
		audience := "internal"
		if *e.CustomerFacing {
			audience = "customer-facing"
		}
		parts = append(parts, part{audience, st.Muted.Render})
	}
	if e.Path != "" {
		parts = append(parts, part{"path " + display.Line(e.Path), st.Muted.Render})
	}
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.text
	}
	plain = strings.Join(texts, " · ")
	if selected {
		// One style for the whole line: nested styles would reset the
		// selection background between segments.
		return st.ErrorSelected.Render(ansi.Truncate(plain, m.width, "…")), plain
	}
	styled := make([]string, len(parts))
	for i, p := range parts {
		styled[i] = p.style(p.text)
	}
	return ansi.Truncate(strings.Join(styled, st.Muted.Render(" · ")), m.width, "…"), plain
}

// validationLines shows a validation map plainly, one field a line, sorted by field:
// "currency: This field is required".
func validationLines(v map[string][]string) []string {
	fields := make([]string, 0, len(v))
	for f := range v {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	lines := make([]string, 0, len(fields))
	for _, f := range fields {
		msgs := make([]string, len(v[f]))
		for i, msg := range v[f] {
			msgs[i] = display.Line(msg)
		}
		lines = append(lines, display.Line(f)+": "+strings.Join(msgs, ", "))
	}
	return lines
}

// bodyLine writes body row r (or nothing past the end) with its gutter: the
// line number, and a marker on the cursor's row.
func (m Model) bodyLine(b *strings.Builder, r int) {
	if r >= m.rowCount() {
		return
	}
	i := m.lineAt(r)
	if g := m.gutterWidth(); g > 0 {
		var num [24]byte
		digits := strconv.AppendInt(num[:0], int64(i+1), 10)
		if !m.sgr.off {
			b.WriteString(m.sgr.prefix[keyLineNo])
		}
		for range g - 1 - len(digits) {
			b.WriteByte(' ')
		}
		b.Write(digits)
		if !m.sgr.off {
			b.WriteString(m.sgr.reset)
		}
		kind := m.diffKind(i)
		switch {
		case r == m.cur && m.focused:
			b.WriteString(m.styles.Cursor.Render(cursorMark))
		case kind == diffChanged:
			b.WriteString(m.styles.ErrorCount.Render("~"))
		case kind == diffAdded:
			b.WriteString(m.styles.StatusOK.Render("+"))
		default:
			b.WriteByte(' ')
		}
	}
	if !m.doc.hasText() {
		// A large body kept as received: the row is indented here, for this frame only. No
		// search has run (it builds the text) and nothing is folded (folding builds it too).
		line := m.doc.Line(i)
		var spans []hlSpan
		if m.diffKind(i) != diffNone {
			spans = []hlSpan{{start: 0, end: len(line), kind: hlMatch}}
		}
		renderLine(b, m.sgr, line, true, m.x0, m.contentWidth(), spans)
		return
	}
	start, end := m.doc.lineBounds(i)
	if m.folds.isFolded(i) {
		// The opening line, then "…} 12 keys": built per visible row, so a
		// fold costs a few bytes of rendering, never a re-indent.
		line := make([]byte, 0, end-start+24)
		line = append(line, m.doc.text[start:end]...)
		line = append(line, foldSummary(m.doc.text[end-1], m.doc.structure().kids[i])...)
		renderLine(b, m.sgr, line, true, m.x0, m.contentWidth(), nil)
		return
	}
	var spanBuf [16]hlSpan
	spans := m.matchSpans(spanBuf[:0], start, end)
	if m.diffKind(i) != diffNone && len(spans) == 0 {
		spans = append(spans, hlSpan{start: 0, end: end - start, kind: hlMatch})
	}
	renderLine(b, m.sgr, m.doc.text[start:end], m.doc.json, m.x0, m.contentWidth(), spans)
}

// cursorMark replaces the gutter's separator on the cursor's row, so the
// cursor shows without colours too.
const cursorMark = "▸"

// footerLine shows the search input or status on the left and the
// position on the right.
func (m Model) footerLine() string {
	st := m.styles
	var left string
	switch {
	case m.save != saveOff:
		return ansi.Truncate(m.saveLine(), m.width, "…")
	case m.filtering:
		left = m.inputs.Get().filter.View()
		if c := m.filterCount(); c != "" {
			left = strings.TrimRight(left, " ") + "  " + st.Footer.Render(c)
		}
	case m.searching:
		left = m.inputs.Get().search.View()
		if c := m.counter(); c != "" && m.query == m.inputs.Get().search.Value() {
			left += "  " + st.Footer.Render(c)
		}
	case m.query != "":
		left = st.SearchPrompt.Render("/") + st.Footer.Render(display.Line(m.query)+"  "+m.counter())
	case m.diff != nil:
		left = st.Footer.Render(m.diff.summary())
	case m.tableBusy:
		left = st.Footer.Render("building the table…")
	case m.filterCount() != "":
		left = st.SearchPrompt.Render("| ") + st.Footer.Render(display.Line(m.filterExpr)+"  "+m.filterCount())
	}
	right := st.Footer.Render(m.position())
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return ansi.Truncate(left, m.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// counter is "3/17", "3/100000+" or "no matches".
func (m Model) counter() string {
	switch {
	case m.query == "":
		return ""
	case len(m.matches) == 0:
		return "no matches"
	}
	s := strconv.Itoa(m.current+1) + "/" + strconv.Itoa(len(m.matches))
	if m.capped {
		s += "+"
	}
	return s
}

// position is "41–80/40838 0%", or a word when there is nothing to scroll.
func (m Model) position() string {
	n := m.doc.LineCount()
	if n == 0 {
		return ""
	}
	first := m.lineAt(m.top) + 1
	last := n
	if bottom := m.top + m.bodyRows() - 1; bottom < m.rowCount()-1 {
		last = m.lineAt(bottom) + 1
	}
	pct := 100
	if mt := m.maxTop(); mt > 0 {
		pct = m.top * 100 / mt
	}
	s := strconv.Itoa(first) + "–" + strconv.Itoa(last) + "/" + strconv.Itoa(n) + " " + strconv.Itoa(pct) + "%"
	if m.x0 > 0 {
		s = "col " + strconv.Itoa(m.x0+1) + " · " + s
	}
	return s
}

// Summary is the response's status line as plain text ("200 OK · 43ms · 1.2 MiB · 2 errors"), for
// a parent that shows it in the pane's frame (see SetTitleInFrame); "" before any response.
func (m Model) Summary() string {
	if m.doc == nil {
		return ""
	}
	meta := m.doc.meta
	var parts []string
	if meta.Status > 0 {
		parts = append(parts, statusText(meta.Status))
	}
	if meta.Duration > 0 {
		parts = append(parts, display.Duration(meta.Duration))
	}
	if meta.Status > 0 || meta.Size > 0 {
		parts = append(parts, display.Size(meta.Size))
	}
	if n := len(meta.Errors); n > 0 {
		parts = append(parts, plural(n, "error"))
	}
	if p := meta.Page.String(); p != "" {
		parts = append(parts, p)
	}
	if !m.doc.json && meta.ContentType != "" {
		parts = append(parts, display.Line(meta.ContentType))
	}
	return strings.Join(parts, " · ")
}

// diffKind is how line i changed since the previous response, when
// comparing.
func (m Model) diffKind(i int) uint8 {
	if m.diff == nil {
		return diffNone
	}
	return m.diff.kinds[int32(i)]
}
