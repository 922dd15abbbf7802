package query

import "unicode/utf8"

// TextIndex converts between the three ways positions are expressed: gqlparser
// counts offsets in code points, Go slices strings by byte, and people and
// editors speak in 1-based line:col (col in code points). It is built once per
// text and only read afterwards.
type TextIndex struct {
	text string
	// runeByte[i] is the byte offset of code point i (with one extra entry for
	// the end); nil when the text is one byte per code point, the common case.
	runeByte []int
	// lineStart[i] is the byte offset where line i+1 begins.
	lineStart []int
}

// NewTextIndex indexes text. Line terminators are \n, \r\n and a lone \r, as
// in the GraphQL lexer, so line numbers agree with gqlparser's.
func NewTextIndex(text string) *TextIndex {
	ix := &TextIndex{text: text, lineStart: []int{0}}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			ix.lineStart = append(ix.lineStart, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			ix.lineStart = append(ix.lineStart, i+1)
		}
	}
	// Invalid UTF-8 bytes count as one code point each both here and in the
	// lexer, so equal counts mean the mapping is the identity.
	if utf8.RuneCountInString(text) != len(text) {
		ix.runeByte = make([]int, 0, len(text)+1)
		for i := range text {
			ix.runeByte = append(ix.runeByte, i)
		}
		ix.runeByte = append(ix.runeByte, len(text))
	}
	return ix
}

// ByteOffset converts a code-point offset to a byte offset, clamped to the text.
func (ix *TextIndex) ByteOffset(runeOff int) int {
	if runeOff < 0 {
		return 0
	}
	if ix.runeByte == nil {
		return min(runeOff, len(ix.text))
	}
	if runeOff >= len(ix.runeByte) {
		return len(ix.text)
	}
	return ix.runeByte[runeOff]
}

// lineCount is the number of lines; an empty text has one (empty) line.
func (ix *TextIndex) lineCount() int { return len(ix.lineStart) }

// lineBounds returns the byte range of line (1-based) without its terminator.
func (ix *TextIndex) lineBounds(line int) (start, end int) {
	start = ix.lineStart[line-1]
	end = len(ix.text)
	if line < len(ix.lineStart) {
		end = ix.lineStart[line]
	}
	for end > start && (ix.text[end-1] == '\n' || ix.text[end-1] == '\r') {
		end--
	}
	return start, end
}

// lineLen is the length in code points of line (1-based).
func (ix *TextIndex) lineLen(line int) int {
	start, end := ix.lineBounds(line)
	return utf8.RuneCountInString(ix.text[start:end])
}

// offsetAt converts 1-based line:col to a byte offset. A column past the end
// of the line lands on the end of the line (where the cursor would sit); a
// line outside the text reports false.
func (ix *TextIndex) offsetAt(line, col int) (int, bool) {
	if line < 1 || line > ix.lineCount() || col < 1 {
		return 0, false
	}
	start, end := ix.lineBounds(line)
	off := start
	for n := 1; n < col && off < end; n++ {
		_, w := utf8.DecodeRuneInString(ix.text[off:end])
		off += w
	}
	return off, true
}

// lineColAt converts a byte offset to 1-based line:col.
func (ix *TextIndex) lineColAt(off int) (line, col int) {
	off = max(0, min(off, len(ix.text)))
	lo, hi := 0, len(ix.lineStart)-1
	for lo < hi { // last line start <= off
		mid := (lo + hi + 1) / 2
		if ix.lineStart[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, utf8.RuneCountInString(ix.text[ix.lineStart[lo]:off]) + 1
}

// ClampLineCol moves a reported position into the text: a line within it and a
// column no further than just past the line's last character. gqlparser can
// report a position past the end for some unterminated tokens; callers are
// promised positions they can put a cursor on.
func (ix *TextIndex) ClampLineCol(line, col int) (int, int) {
	line = max(1, min(line, ix.lineCount()))
	col = max(1, min(col, ix.lineLen(line)+1))
	return line, col
}

// lineBreaks counts the line terminators in s (\n, \r\n or a lone \r).
func lineBreaks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n++
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			n++
		}
	}
	return n
}
