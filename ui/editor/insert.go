package editor

import "unicode/utf8"

// InsertCompletion replaces the prefixLen runes before the cursor with text,
// as accepting a completion does, and leaves the cursor cursorBack bytes
// before the end of text: completion.Item.CursorBack counts bytes, which
// puts the cursor inside the first required argument of an inserted field.
// The prefix never reaches past the start of the cursor's line, and a
// cursorBack that would land inside a multi-byte character is moved back to
// its start. The replacement is one undo step of its own: it does not merge
// with the typing before it, so one undo brings the typed prefix back.
func (m Model) InsertCompletion(prefixLen int, text string, cursorBack int) Model {
	text = normalizeNewlines(text)
	from := pos{m.cur.row, m.cur.col - max(0, min(prefixLen, m.cur.col))}
	at := max(0, len(text)-max(0, cursorBack))
	for at > 0 && at < len(text) && !utf8.RuneStart(text[at]) {
		at--
	}
	cursor := endOf(from, text[:at])
	if m.doc.text(from, m.cur) == text && cursor == m.cur {
		// The prefix already is the completion: nothing to record.
		return m
	}
	// editOther never merges with a neighbouring step, so the typing before
	// and after stay separate undo steps.
	return m.apply(editOther, from, m.cur, text, &cursor)
}

// Revision identifies the current text of the document: every edit yields a
// value not used before, and undo or redo restore the value the text had, so
// a caller can tell whether the text changed since it last looked (to
// re-validate, or re-query completion). SetValue starts a new document whose
// count starts again, so a caller that calls SetValue must treat it as a
// change on its own.
func (m Model) Revision() uint64 { return m.doc.rev }

// ReplaceAll replaces the whole text as one undo step (prettify uses it), keeping the cursor on
// the same line where it can. Unlike SetValue it keeps the undo history and the saved state, so
// the change can be undone and shows as unsaved.
func (m Model) ReplaceAll(text string) Model {
	text = normalizeNewlines(text)
	end := pos{len(m.doc.lines) - 1, runeCount(m.doc.lines[len(m.doc.lines)-1])}
	if m.doc.text(pos{}, end) == text {
		return m
	}
	row := m.cur.row
	m = m.apply(editOther, pos{}, end, text, nil)
	m.cur = pos{min(row, len(m.doc.lines)-1), 0}
	m.goal = -1
	return m.scrollToCursor()
}

// ReplaceRange replaces the bytes start:end of Value() with text as one undo step, as a
// generated edit does (the query builder's), and puts the cursor at byte offset cursor of the
// new text (or after the inserted text when cursor is negative). Offsets outside the text are
// clamped; an offset inside a multi-byte character moves to its start.
func (m Model) ReplaceRange(start, end int, text string, cursor int) Model {
	text = normalizeNewlines(text)
	from, to := m.doc.posAt(start), m.doc.posAt(end)
	if to.less(from) {
		from, to = to, from
	}
	if m.doc.text(from, to) == text {
		if cursor >= 0 {
			m.cur, m.goal = m.doc.posAt(cursor), -1
			return m.scrollToCursor()
		}
		return m
	}
	m = m.apply(editOther, from, to, text, nil)
	if cursor >= 0 {
		m.cur, m.goal = m.doc.posAt(cursor), -1
		m = m.scrollToCursor()
	}
	return m
}

// posAt converts a byte offset of value() to a position, clamped to the document.
func (d *document) posAt(off int) pos {
	if off <= 0 {
		return pos{}
	}
	for row, line := range d.lines {
		if off <= len(line) {
			col := 0
			for b := range line {
				if b >= off {
					break
				}
				col++
			}
			return pos{row, col}
		}
		off -= len(line) + 1
	}
	last := len(d.lines) - 1
	return pos{last, d.runeLen(last)}
}
