package editor

import "strings"

// Editing commands. Each goes through apply, which records one undo step,
// moves the cursor and keeps it in view.

// indentUnit is one level of automatic indentation.
const indentUnit = "  "

// apply replaces the text between from and to with text, records the step
// in the history (merged into the previous one when kind allows), and puts
// the cursor at the end of the inserted text, or at cursor if non-nil.
func (m Model) apply(kind editKind, from, to pos, text string, cursor *pos) Model {
	if to.less(from) {
		from, to = to, from
	}
	removed := m.doc.text(from, to)
	if removed == "" && text == "" {
		return m
	}
	e := edit{kind: kind, from: from, removed: removed, inserted: text, before: m.cur, revBefore: m.doc.rev}
	end := m.doc.replace(from, to, text)
	if cursor != nil {
		end = *cursor
	}
	m.cur, m.goal = end, -1
	e.after, e.revAfter = m.cur, m.doc.rev
	m.hist.push(e)
	return m.scrollToCursor()
}

// insertText inserts s at the cursor as its own undo step (paste).
func (m Model) insertText(s string) Model {
	return m.apply(editOther, m.cur, m.cur, s, nil)
}

// typeRune inserts a typed rune. A tab becomes spaces; a closing bracket
// typed into blank indentation removes one indent level, so a block typed by
// hand lines up with its opening line.
func (m Model) typeRune(r rune) Model {
	if r == '\t' {
		return m.apply(editTyping, m.cur, m.cur, indentUnit, nil)
	}
	if r == '}' || r == ')' || r == ']' {
		line := m.doc.lines[m.cur.row]
		before := line[:byteIndex(line, m.cur.col)]
		if before != "" && strings.TrimLeft(before, " \t") == "" {
			n := 1
			if strings.HasSuffix(before, indentUnit) {
				n = len(indentUnit)
			}
			from := pos{m.cur.row, m.cur.col - n}
			return m.apply(editOther, from, m.cur, string(r), nil)
		}
	}
	return m.apply(editTyping, m.cur, m.cur, string(r), nil)
}

// newline splits the line at the cursor. The new line gets the current
// line's indentation, one level more after an opening bracket; when the
// cursor sits between a bracket pair the closer moves to its own line at the
// original indentation, with the cursor on the indented line in between.
func (m Model) newline() Model {
	line := m.doc.lines[m.cur.row]
	b := byteIndex(line, m.cur.col)
	before, after := line[:b], line[b:]
	indent := leadingSpace(before)
	text := "\n" + indent
	if opener, ok := lastNonBlank(before); ok && closerOf(opener) != 0 {
		text += indentUnit
		if c, ok := firstNonBlank(after); ok && c == closerOf(opener) {
			p := endOf(m.cur, text)
			return m.apply(editOther, m.cur, m.cur, text+"\n"+indent, &p)
		}
	}
	return m.apply(editOther, m.cur, m.cur, text, nil)
}

// closerOf returns the bracket closing opener, or 0.
func closerOf(opener byte) byte {
	switch opener {
	case '{':
		return '}'
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return 0
}

// lastNonBlank returns the last byte of s that is not a space or tab.
func lastNonBlank(s string) (byte, bool) {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return 0, false
	}
	return s[len(s)-1], true
}

// firstNonBlank returns the first byte of s that is not a space or tab.
func firstNonBlank(s string) (byte, bool) {
	s = strings.TrimLeft(s, " \t")
	if s == "" {
		return 0, false
	}
	return s[0], true
}

// deleteBack deletes the rune before the cursor, joining with the previous
// line at column 0.
func (m Model) deleteBack() Model {
	return m.apply(editDeleteBack, m.left(m.cur), m.cur, "", nil)
}

// deleteForward deletes the rune under the cursor, joining the next line at
// the end of a line.
func (m Model) deleteForward() Model {
	return m.apply(editOther, m.cur, m.right(m.cur), "", nil)
}

// deleteWordBack deletes back to the start of the previous word.
func (m Model) deleteWordBack() Model {
	return m.apply(editOther, m.wordLeft(m.cur), m.cur, "", nil)
}

// deleteWordForward deletes up to the end of the next word.
func (m Model) deleteWordForward() Model {
	return m.apply(editOther, m.cur, m.wordRight(m.cur), "", nil)
}

// deleteToLineEnd deletes to the end of the line; at the end of a line it
// joins the next one, as emacs does, so repeated ctrl+k keeps working.
func (m Model) deleteToLineEnd() Model {
	end := pos{m.cur.row, m.doc.runeLen(m.cur.row)}
	if m.cur == end {
		end = m.right(m.cur)
	}
	return m.apply(editOther, m.cur, end, "", nil)
}

// deleteToLineStart deletes from the start of the line to the cursor.
func (m Model) deleteToLineStart() Model {
	return m.apply(editOther, pos{m.cur.row, 0}, m.cur, "", nil)
}

// undo reverts the last step.
func (m Model) undo() Model {
	e, ok := m.hist.undo()
	if !ok {
		return m
	}
	m.doc.replace(e.from, endOf(e.from, e.inserted), e.removed)
	m.doc.rev = e.revBefore
	m.cur, m.goal = e.before, -1
	return m.scrollToCursor()
}

// redo re-applies the last undone step.
func (m Model) redo() Model {
	e, ok := m.hist.redo()
	if !ok {
		return m
	}
	m.doc.replace(e.from, endOf(e.from, e.removed), e.inserted)
	m.doc.rev = e.revAfter
	m.cur, m.goal = e.after, -1
	return m.scrollToCursor()
}
