package results

import (
	"bytes"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Compare: the response against the previous one of the same pane. Both are
// read line by line from their pretty text (no decoding): every scalar gets
// its path, and values are compared as text, so numbers compare exactly.
// Lines of the current response whose value changed or is new are marked;
// values only the previous one had are counted.

// maxPrevBytes bounds the previous response kept for comparing: keeping a
// 20 MB body alive for a key press that may never come would double the
// pane's memory.
const maxPrevBytes = 8 << 20

// Change kinds of a line.
const (
	diffNone uint8 = iota
	diffChanged
	diffAdded
)

// diffResult is the outcome of a comparison.
type diffResult struct {
	kinds                   map[int32]uint8 // current document's line → kind
	changed, added, removed int
	firstRemoved            string // the path of a removed value, for the summary
	against                 string // what it was compared with: "" for the previous response
}

// diffReadyMsg carries a comparison from its command.
type diffReadyMsg struct {
	doc, prev *Document
	res       *diffResult
}

// CompareWith compares the response on show with base, an earlier response
// (such as one kept in the history) that against names in the summary, e.g.
// "GetCards at 03:12:05". It shows the highlighted changes the way D does
// with the previous response; ok is false (and nothing starts) when either
// is not a JSON response. The comparison runs in the returned command.
func (m Model) CompareWith(base *Document, against string) (_ Model, _ tea.Cmd, ok bool) {
	cur := m.doc
	if cur == nil || base == nil || !cur.json || !base.json || m.orig != nil {
		return m, nil, false
	}
	m.diff, m.base = nil, base
	return m, func() tea.Msg {
		res := compareDocs(cur, base)
		res.against = against
		return diffReadyMsg{doc: cur, prev: base, res: res}
	}, true
}

// walkLeaves reads d's pretty text and calls fn for every scalar value
// (empty containers included) with its path and line.
func walkLeaves(d *Document, fn func(path string, value []byte, line int)) {
	type frame struct {
		path  string
		array bool
		idx   int
	}
	d.full() // every line is read: the indented text beats indenting each line on the fly
	var stack []frame
	for i := range d.LineCount() {
		line := bytes.TrimLeft(d.Line(i), " ")
		if len(line) == 0 {
			continue
		}
		if line[0] == '}' || line[0] == ']' {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		path := ""
		rest := line
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.array {
				path = top.path + "[" + strconv.Itoa(top.idx) + "]"
				top.idx++
			} else if k, ok := lineKey(line); ok {
				if seg := keySegment(k); seg[0] == '[' {
					path = top.path + seg
				} else {
					path = top.path + "." + seg
				}
				end := stringEnd(line, 0)
				rest = bytes.TrimLeft(line[end:], " :")
			}
		}
		rest = trimComma(rest)
		if n := len(rest); n == 1 && (rest[0] == '{' || rest[0] == '[') {
			stack = append(stack, frame{path: path, array: rest[0] == '['})
			continue
		}
		fn(path, rest, i)
	}
}

// compareDocs diffs cur against prev.
func compareDocs(cur, prev *Document) *diffResult {
	// A path can repeat (duplicate keys are valid JSON): values queue per path, in order.
	old := map[string][][]byte{}
	walkLeaves(prev, func(path string, value []byte, _ int) { old[path] = append(old[path], value) })
	res := &diffResult{kinds: map[int32]uint8{}}
	walkLeaves(cur, func(path string, value []byte, line int) {
		queue := old[path]
		switch {
		case len(queue) == 0:
			res.kinds[int32(line)] = diffAdded
			res.added++
			return
		case !bytes.Equal(queue[0], value):
			res.kinds[int32(line)] = diffChanged
			res.changed++
		}
		if len(queue) == 1 {
			delete(old, path)
		} else {
			old[path] = queue[1:]
		}
	})
	for p, queue := range old {
		res.removed += len(queue)
		if res.firstRemoved == "" || p < res.firstRemoved {
			res.firstRemoved = p
		}
	}
	return res
}

// toggleCompare starts a comparison with the previous response, or ends
// the one on show.
func (m *Model) toggleCompare() tea.Cmd {
	if m.diff != nil {
		m.diff = nil
		return nil
	}
	cur, prev := m.doc, m.prev
	if cur == nil || prev == nil || !cur.json || !prev.json {
		return nil
	}
	m.base = prev
	return func() tea.Msg { return diffReadyMsg{doc: cur, prev: prev, res: compareDocs(cur, prev)} }
}

// diffSummary is "Δ 3 changed · 1 added · 2 removed vs the previous response"
// (or vs what CompareWith named).
func (d *diffResult) summary() string {
	against := "the previous response"
	if d.against != "" {
		against = display.Line(d.against)
	}
	if d.changed+d.added+d.removed == 0 {
		return "Δ no differences from " + against
	}
	s := "Δ " + groupThousands(d.changed) + " changed · " + groupThousands(d.added) + " added · " +
		groupThousands(d.removed) + " removed"
	if d.removed > 0 {
		s += " (e.g. " + display.Line(strings.TrimPrefix(d.firstRemoved, ".")) + ")"
	}
	return s + " vs " + against
}
