package editor

import (
	"strings"
	"unicode/utf8"
)

// pos is a position in the buffer: a 0-based line and a 0-based rune index
// within that line. Columns are runes, not bytes, so that a cursor can never
// sit inside a multi-byte character.
type pos struct {
	row, col int
}

// less reports whether p comes before q in the document.
func (p pos) less(q pos) bool {
	return p.row < q.row || (p.row == q.row && p.col < q.col)
}

// document is the text and the per-line lexer states. Lines are immutable
// strings: an edit replaces whole line values, which makes extracting the
// removed text for undo trivial and lets the highlight cache key on the line
// string itself.
type document struct {
	lines []string
	// starts[i] is the lexer state at the start of line i; starts[len(lines)]
	// is the state after the last line. Kept in step with lines by replace.
	starts []string
	scan   scanFunc
	// rev identifies the current content: every edit takes a fresh value from
	// nextRev, undo and redo restore the value recorded with the step, so
	// "modified since save" is a plain comparison that survives undo.
	rev, nextRev uint64
}

// newDocument builds a document from text. Carriage returns before newlines
// are dropped so that a file saved on Windows round-trips as plain lines.
func newDocument(text string, scan scanFunc) *document {
	text = normalizeNewlines(text)
	d := &document{lines: strings.Split(text, "\n"), scan: scan}
	d.starts = make([]string, len(d.lines)+1)
	for i, l := range d.lines {
		d.starts[i+1] = scan(d.starts[i], l)
	}
	return d
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// value returns the whole text, lines joined by LF.
func (d *document) value() string { return strings.Join(d.lines, "\n") }

// runeLen returns the number of runes in line row.
func (d *document) runeLen(row int) int { return utf8.RuneCountInString(d.lines[row]) }

// byteIndex converts rune index col of s to a byte index, clamped to len(s).
func byteIndex(s string, col int) int {
	if col <= 0 {
		return 0
	}
	i := 0
	for b := range s {
		if i == col {
			return b
		}
		i++
	}
	return len(s)
}

// clamp returns p moved inside the document.
func (d *document) clamp(p pos) pos {
	p.row = max(0, min(p.row, len(d.lines)-1))
	p.col = max(0, min(p.col, d.runeLen(p.row)))
	return p
}

// text returns the text between from and to (from must not be after to).
func (d *document) text(from, to pos) string {
	if from.row == to.row {
		l := d.lines[from.row]
		return l[byteIndex(l, from.col):byteIndex(l, to.col)]
	}
	var b strings.Builder
	first := d.lines[from.row]
	b.WriteString(first[byteIndex(first, from.col):])
	for r := from.row + 1; r < to.row; r++ {
		b.WriteByte('\n')
		b.WriteString(d.lines[r])
	}
	b.WriteByte('\n')
	last := d.lines[to.row]
	b.WriteString(last[:byteIndex(last, to.col)])
	return b.String()
}

// endOf returns the position just after text when it is inserted at from.
func endOf(from pos, text string) pos {
	nl := strings.LastIndexByte(text, '\n')
	if nl < 0 {
		return pos{from.row, from.col + utf8.RuneCountInString(text)}
	}
	return pos{from.row + strings.Count(text, "\n"), utf8.RuneCountInString(text[nl+1:])}
}

// replace swaps the text between from and to for text (which must already
// use LF newlines) and returns the position just after the inserted text.
// Only the touched lines are rebuilt; the lexer states are then refreshed
// from the first touched line down, stopping as soon as a line's end state
// matches what was stored before, so typing costs one line scan and only an
// edit that opens or closes a multi-line construct walks further.
func (d *document) replace(from, to pos, text string) pos {
	first, last := d.lines[from.row], d.lines[to.row]
	joined := first[:byteIndex(first, from.col)] + text + last[byteIndex(last, to.col):]
	removed := to.row - from.row + 1
	var added []string
	if strings.IndexByte(text, '\n') < 0 {
		added = []string{joined}
	} else {
		added = strings.Split(joined, "\n")
	}
	d.lines = splice(d.lines, from.row, removed, added)

	// starts[from.row] (state entering the first line) is unchanged. The old
	// starts[to.row+1] is the state expected by the first untouched line; keep
	// it at its new index so the refresh loop below can stop when it matches.
	fill := make([]string, len(added)-1)
	d.starts = splice(d.starts, from.row+1, removed-1, fill)
	d.refreshStates(from.row, len(added))

	d.nextRev++
	d.rev = d.nextRev
	return endOf(from, text)
}

// refreshStates recomputes lexer end states from line row on. The first n
// lines were rewritten and are always rescanned; after them the walk stops at
// the first line whose end state is unchanged.
func (d *document) refreshStates(row, n int) {
	for i := row; i < len(d.lines); i++ {
		s := d.scan(d.starts[i], d.lines[i])
		if i >= row+n-1 && d.starts[i+1] == s {
			return
		}
		d.starts[i+1] = s
	}
}

// splice replaces s[at:at+del] with ins, in place when capacity allows.
func splice(s []string, at, del int, ins []string) []string {
	delta := len(ins) - del
	switch {
	case delta > 0:
		s = append(s, make([]string, delta)...)
		copy(s[at+len(ins):], s[at+del:len(s)-delta])
	case delta < 0:
		copy(s[at+len(ins):], s[at+del:])
		clear(s[len(s)+delta:]) // let the dropped strings be collected
		s = s[:len(s)+delta]
	}
	copy(s[at:], ins)
	return s
}

// offset returns the byte offset of p in value().
func (d *document) offset(p pos) int {
	n := 0
	for r := 0; r < p.row; r++ {
		n += len(d.lines[r]) + 1
	}
	return n + byteIndex(d.lines[p.row], p.col)
}
