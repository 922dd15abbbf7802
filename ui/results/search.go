package results

import (
	"bytes"

	tea "github.com/charmbracelet/bubbletea"
)

// MaxMatches caps the stored matches of one search. A one-letter query on a
// 20 MB body would otherwise store millions of offsets; past the cap the
// counter reads "100000+".
const MaxMatches = 100_000

// findAll returns the offsets of non-overlapping occurrences of query in
// the document, at most limit of them, and whether it stopped at the limit.
//
// Smart case: a query without upper-case ASCII letters matches any case
// (against the lower-cased copy, built once per document); one with an
// upper-case letter matches exactly.
func (d *Document) findAll(query string, limit int) (matches []int32, capped bool) {
	d.full()
	if query == "" || len(d.text) == 0 {
		return nil, false
	}
	hay, needle := d.text, []byte(query)
	if !hasUpperASCII(needle) {
		hay = d.lowered()
	}
	for pos := 0; pos < len(hay); {
		i := bytes.Index(hay[pos:], needle)
		if i < 0 {
			break
		}
		if len(matches) == limit {
			return matches, true
		}
		matches = append(matches, int32(pos+i))
		pos += i + len(needle)
	}
	return matches, false
}

func hasUpperASCII(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// searchCmd runs a search off the UI goroutine. Its inputs are captured
// here, so the closure reads no model state when it runs.
func searchCmd(doc *Document, query string, id int) tea.Cmd {
	return func() tea.Msg {
		m, capped := doc.findAll(query, MaxMatches)
		return SearchFinishedMsg{id: id, doc: doc, query: query, matches: m, capped: capped}
	}
}

// matchSpans appends the line-relative highlight spans of the matches that
// overlap bytes [start, end) of the document.
func (m *Model) matchSpans(dst []hlSpan, start, end int) []hlSpan {
	n := len(m.query)
	if n == 0 || len(m.matches) == 0 {
		return dst
	}
	// First match that ends after start.
	lo, hi := 0, len(m.matches)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(m.matches[mid])+n <= start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for i := lo; i < len(m.matches) && int(m.matches[i]) < end; i++ {
		kind := hlMatch
		if i == m.current {
			kind = hlCurrent
		}
		off := int(m.matches[i])
		dst = append(dst, hlSpan{start: max(off, start) - start, end: min(off+n, end) - start, kind: kind})
	}
	return dst
}
