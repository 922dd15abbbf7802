package results

import (
	"strconv"
	"strings"
)

// A table is a list of JSON values laid out in rows and columns: objects
// give a column per key (nested objects flattened to "owner.name", up to
// maxFlattenDepth levels), lists and deeper objects show as their size, and
// a list of plain values is one "value" column. Key order is the order of
// first appearance, as the server sent it.

// maxFlattenDepth is how many levels of nested objects become columns.
const maxFlattenDepth = 2

// maxCellBytes bounds a cell's text; longer values are cut with "…".
const maxCellBytes = 200

// table is a list's rows as text cells. It is built in a command and then
// only read, apart from the row order a sort replaces.
type table struct {
	cols  []string
	rows  [][]string // rows[i][j] is column j of row i; "" when absent
	order []int32    // display order of rows (a permutation)
	title string     // the list's path, e.g. data.Cards.data
}

// sortKey orders cells: numbers numerically before text, text bytewise,
// empty (absent) cells last.
type sortKey struct {
	empty bool
	isNum bool
	num   float64
	text  string
}

func keyOf(s string) sortKey {
	if s == "" {
		return sortKey{empty: true}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return sortKey{isNum: true, num: f, text: s}
	}
	return sortKey{text: strings.ToLower(s)}
}

func (a sortKey) compare(b sortKey) int {
	switch {
	case a.empty || b.empty:
		return boolCmp(a.empty, b.empty)
	case a.isNum && b.isNum:
		if a.num != b.num {
			if a.num < b.num {
				return -1
			}
			return 1
		}
		return strings.Compare(a.text, b.text)
	case a.isNum != b.isNum:
		return boolCmp(b.isNum, a.isNum)
	}
	return strings.Compare(a.text, b.text)
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// cutCell bounds a cell's text.
func cutCell(s string) string {
	if len(s) <= maxCellBytes {
		return s
	}
	cut := maxCellBytes
	for cut > 0 && s[cut]&0xc0 == 0x80 {
		cut-- // not inside a UTF-8 sequence
	}
	return s[:cut] + "…"
}
