package results

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/jq"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Meta is what the app knows about a response besides its body. The app
// fills it from the session's decoded envelope; this package does not import
// session/ so it stays a plain UI component.
type Meta struct {
	Status      int           // HTTP status code; 0 if unknown
	Duration    time.Duration // request round-trip time
	Size        int64         // body size in bytes as received; 0 means len(body)
	ContentType string
	Errors      []ErrorItem // GraphQL errors, in response order
	Diagnosis   string      // why an Unauthorized happened, shown highlighted
	Notice      string      // anything else worth a line (e.g. "body truncated at 50 MiB")
	Page        PageInfo    // where the response sits in a paginated list; zero if it is not one
}

// PageInfo is a paginated response's place in its list, from the list's
// total and per_page. Pages is 0 when the response is not paginated (or the
// operation has no $page variable to step with).
type PageInfo struct {
	Current, Pages int
}

// String is "page 2 of 7", or "" when not paginated.
func (p PageInfo) String() string {
	if p.Pages <= 0 {
		return ""
	}
	return "page " + strconv.Itoa(p.Current) + " of " + strconv.Itoa(p.Pages)
}

// ErrorItem is one GraphQL error as the results pane shows it.
type ErrorItem struct {
	Message        string
	Line, Column   int   // first location in the query document; 0 if none
	CustomerFacing *bool // Toggle's customer_facing flag; nil if absent
	Validation     map[string][]string
	Path           string // e.g. "createOrder.items.0"
}

// maxDocBytes bounds a document so line offsets fit in int32. Responses are
// capped far below this by the session; the bound only keeps Prepare total.
const maxDocBytes = math.MaxInt32

// Document is a prepared response body: immutable after Prepare except for
// the lazily built lower-case copy used by search, which is guarded.
type Document struct {
	meta    Meta
	text    []byte  // pretty-printed JSON, or the body as received
	lines   []int32 // start offset of every line in text
	maxLine int     // longest line in bytes, bounds horizontal scrolling
	json    bool
	partial bool   // only the first lines (PrepareHead); the whole document follows
	note    string // why the body is shown as text, if it is

	stOnce  sync.Once
	st      *structure // nesting per line, for folding; nil unless JSON; built on first use
	stReady atomic.Bool

	jqOnce sync.Once
	jq     *jq.Input // the body decoded for filters; see jqInput

	lowerOnce sync.Once
	lower     []byte // ASCII-lower-cased copy of text, for case-insensitive search
}

// Prepare turns a response body into a Document. It is pure and may take
// tens of milliseconds on a 20 MB body, so call it from a tea.Cmd.
//
// Valid JSON is pretty-printed (two-space indent). Anything else (an HTML
// 502 page, a truncated body) is kept as text, with a note saying why;
// in that case the Document keeps a reference to body, which the caller must
// not modify afterwards.
func Prepare(body []byte, meta Meta) *Document {
	d := &Document{meta: meta}
	if d.meta.Size == 0 {
		d.meta.Size = int64(len(body))
	}
	switch {
	case len(body) == 0:
		// Status 0 means nothing arrived (a request stopped before sending, or a network
		// failure): the notice says why, and "empty body" would only mislead.
		if meta.Status > 0 {
			d.note = "empty body"
		}
		return d
	case len(body) > maxDocBytes/2:
		// Indenting could overflow the int32 line index; show the start.
		d.text = body[:maxDocBytes/2]
		d.note = fmt.Sprintf("body of %s shown as text, cut at %s", display.Size(int64(len(body))), display.Size(maxDocBytes/2))
	default:
		in, err := indent(body)
		switch {
		case err == nil && len(in.dst) > maxDocBytes:
			// Deep nesting can more than double the size; keep offsets in int32.
			d.text = body
			d.note = "JSON too large to indent; shown as received"
		case err == nil:
			d.text, d.json = in.dst, true
			d.lines, d.maxLine = in.lines, in.maxLine
			return d
		default:
			d.text = body
			d.note = "not valid JSON (" + err.Error() + "); shown as text"
		}
	}
	d.lines, d.maxLine = indexLines(d.text)
	return d
}

// headThreshold is the body size from which a caller should show PrepareHead's document first:
// under it, the whole of Prepare takes a few milliseconds.
const headThreshold = 1 << 20

// NeedsHead reports whether a body is large enough that its first screen should be drawn from
// PrepareHead while Prepare indexes the whole of it.
func NeedsHead(body []byte) bool { return len(body) >= headThreshold }

// PrepareHead is the first lines of what Prepare makes of a body already known to be valid JSON,
// in a fraction of a millisecond whatever the body's size, so the first screen of a 20 MB result
// shows while Prepare runs. The Document holds only those lines and says so in its note; the
// caller replaces it with Prepare's. A body that turns out not to be JSON gets Prepare's whole
// treatment instead.
func PrepareHead(body []byte, meta Meta, lines int) *Document {
	if len(body) > maxDocBytes/2 || lines < 1 {
		return Prepare(body, meta)
	}
	in := &indenter{dst: make([]byte, 0, 4096), lines: make([]int32, 1, lines+1), maxLines: lines + 1}
	if in.run(body) {
		return Prepare(body, meta) // it was small after all: this is the whole document
	}
	if len(in.lines) <= lines {
		return Prepare(body, meta) // stopped early: not JSON, let Prepare say why
	}
	// The last line was only just started (its indentation): leave it out.
	last := int(in.lines[lines])
	d := &Document{meta: meta, text: in.dst[:last-1], lines: in.lines[:lines], json: true, partial: true}
	if d.meta.Size == 0 {
		d.meta.Size = int64(len(body))
	}
	_, d.maxLine = indexLines(d.text)
	return d
}

// indent validates and pretty-prints JSON in one pass and indexes its
// lines (see indenter). Buffers are sized up front for typical compact API
// responses (about 2.5x the bytes, a line per 8 input bytes) so 20 MB is not
// copied through several doublings; untouched capacity costs address space,
// not resident memory.
func indent(body []byte) (*indenter, error) {
	in := &indenter{
		dst:   make([]byte, 0, len(body)/2*5+4096),
		lines: make([]int32, 1, len(body)/8+16), // line 0 starts at 0
	}
	if !in.run(body) {
		return nil, whyInvalid(body)
	}
	return in, nil
}

// whyInvalid explains why body is not JSON: Unmarshal into a RawMessage
// gives encoding/json's own message and position. It runs only on this
// already failed path.
func whyInvalid(body []byte) error {
	if session.JSONTooDeep(body) {
		// encoding/json would call it a syntax error ("exceeded max depth").
		return fmt.Errorf("nested more than %d levels deep", session.MaxJSONDepth)
	}
	var raw json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return err
	}
	return errors.New("invalid JSON")
}

// indexLines returns the start offset of every line and the longest line's
// length. bytes.Count and bytes.IndexByte are vectorised, so the two passes
// cost a few milliseconds on 30 MB and allow one exact allocation.
func indexLines(text []byte) (starts []int32, maxLen int) {
	if len(text) == 0 {
		return nil, 0
	}
	n := bytes.Count(text, []byte{'\n'}) + 1
	starts = make([]int32, 0, n)
	start := 0
	for {
		starts = append(starts, int32(start))
		i := bytes.IndexByte(text[start:], '\n')
		if i < 0 {
			maxLen = max(maxLen, len(text)-start)
			break
		}
		maxLen = max(maxLen, i)
		start += i + 1
		if start == len(text) {
			break // a final newline does not open an empty line
		}
	}
	return starts, maxLen
}

// Meta returns the response metadata.
func (d *Document) Meta() Meta { return d.meta }

// Partial reports whether the document holds only the first lines of the body (see PrepareHead).
func (d *Document) Partial() bool { return d.partial }

// IsJSON reports whether the body was valid JSON (and is shown indented).
func (d *Document) IsJSON() bool { return d.json }

// Note says why the body is shown as text ("" for JSON).
func (d *Document) Note() string { return d.note }

// Bytes returns the displayed text: the pretty JSON or the raw body. The
// caller must not modify it.
func (d *Document) Bytes() []byte { return d.text }

// LineCount returns the number of lines.
func (d *Document) LineCount() int { return len(d.lines) }

// Line returns line i without its newline (and without a trailing '\r' in
// text bodies). The caller must not modify it.
func (d *Document) Line(i int) []byte {
	start, end := d.lineBounds(i)
	return d.text[start:end]
}

// lineBounds returns the byte range of line i, excluding the line ending.
func (d *Document) lineBounds(i int) (start, end int) {
	start = int(d.lines[i])
	if i+1 < len(d.lines) {
		end = int(d.lines[i+1]) - 1
	} else {
		end = len(d.text)
		if end > start && d.text[end-1] == '\n' {
			end--
		}
	}
	if !d.json && end > start && d.text[end-1] == '\r' {
		end-- // CRLF text bodies
	}
	return start, end
}

// lineOf returns the line holding byte offset off (binary search).
func (d *Document) lineOf(off int) int {
	lo, hi := 0, len(d.lines)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if int(d.lines[mid]) <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// lowered returns the ASCII-lower-cased copy of the text, built once.
// ASCII-only folding keeps byte offsets identical to d.text, so match
// offsets found in the copy index the original.
func (d *Document) lowered() []byte {
	d.lowerOnce.Do(func() {
		d.lower = make([]byte, len(d.text))
		for i, c := range d.text {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			d.lower[i] = c
		}
	})
	return d.lower
}

// structure returns the nesting index, building it on first use (tens of
// milliseconds on 20 MB, so the pane asks for it from a tea.Cmd; see
// structureReady).
func (d *Document) structure() *structure {
	d.stOnce.Do(func() {
		d.st = buildStructure(d)
		d.stReady.Store(true)
	})
	return d.st
}

// structureReady reports whether structure() would return at once.
func (d *Document) structureReady() bool { return d.stReady.Load() }

// prepareValues builds a Document showing several JSON values one after
// another (a jq filter's outputs), each pretty-printed as Prepare would.
// Every piece must be valid JSON (the filter's encoder made it).
func prepareValues(pieces [][]byte, meta Meta, note string) *Document {
	d := &Document{meta: meta, note: note}
	if len(pieces) == 0 {
		return d
	}
	total := 0
	for _, p := range pieces {
		total += len(p)
	}
	in := &indenter{
		dst:   make([]byte, 0, total/2*5+4096),
		lines: make([]int32, 1, total/8+16),
	}
	for i, p := range pieces {
		if i > 0 {
			in.dst = in.newline(in.dst, 0)
		}
		if !in.run(p) || len(in.dst) > maxDocBytes/2 {
			d.text = bytes.Join(pieces, []byte{'\n'})
			d.lines, d.maxLine = indexLines(d.text)
			return d
		}
	}
	d.text, d.json, d.lines, d.maxLine = in.dst, true, in.lines, in.maxLine
	return d
}

// jqInput is the body decoded for jq filters, built on the first filter run
// (in a command) and shared by every later one.
func (d *Document) jqInput() *jq.Input {
	d.jqOnce.Do(func() { d.jq = jq.NewInput(d.text) })
	return d.jq
}
