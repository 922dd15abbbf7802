package query

import (
	"fmt"
	"slices"
	"strings"
)

// Extract returns the text to send for op: the operation plus every fragment
// it uses (directly or through other fragments), in source order, each taken
// verbatim from Text (formatting and inner comments kept) and separated by a
// blank line. For a document with only one operation it returns Text
// unchanged, so line numbers in server errors match the editor; for the
// multi-operation case see ExtractMapped.
//
// It fails when op is not one of d's operations, or when a fragment it uses
// is undefined or defined twice: the server would reject those anyway, and
// this way nothing is sent.
func (d *Document) Extract(op Operation) (string, error) {
	ex, err := d.ExtractMapped(op)
	return ex.Text, err
}

// Extraction is the text Extract produces plus what is needed to map
// positions in it (from server errors) back to the original document.
type Extraction struct {
	// Text is the document to send.
	Text string
	// pieces in output order; empty when Text is the whole document.
	pieces []piece
}

// piece records that the lines of Text from outLine (starting at column 1)
// came from the document starting at origLine:origCol.
type piece struct {
	outLine           int
	origLine, origCol int
	lines             int // number of line breaks inside the piece
}

// ExtractMapped is Extract, also returning a position map so an error that
// the server reports at line:col of the sent text can be shown at the right
// place in the editor.
func (d *Document) ExtractMapped(op Operation) (Extraction, error) {
	i := slices.IndexFunc(d.Operations, func(o Operation) bool {
		return o.StartOffset == op.StartOffset && o.EndOffset == op.EndOffset && o.Name == op.Name
	})
	if i < 0 {
		return Extraction{}, fmt.Errorf("operation %q is not part of this document", op.Name)
	}
	used, err := d.usedFragments(i)
	if err != nil {
		return Extraction{}, err
	}
	if len(d.Operations) == 1 {
		return Extraction{Text: d.Text}, nil
	}

	ranges := []span{{op.StartOffset, op.EndOffset}}
	for _, f := range d.fragments {
		if used[f.name] {
			ranges = append(ranges, span{f.start, f.end})
		}
	}
	slices.SortFunc(ranges, func(a, b span) int { return a.start - b.start })

	var b strings.Builder
	var ex Extraction
	outLine := 1
	for k, r := range ranges {
		if k > 0 {
			b.WriteString("\n\n")
			outLine += 2
		}
		chunk := d.Text[r.start:r.end]
		origLine, origCol := d.index.lineColAt(r.start)
		ex.pieces = append(ex.pieces, piece{
			outLine:  outLine,
			origLine: origLine, origCol: origCol,
			lines: lineBreaks(chunk),
		})
		b.WriteString(chunk)
		outLine += ex.pieces[len(ex.pieces)-1].lines
	}
	ex.Text = b.String()
	return ex, nil
}

// OriginalPosition maps a 1-based line:col in Text (as a server reports it)
// to the same place in the original document. It reports false for a
// position outside every piece, such as the blank lines between them.
func (ex Extraction) OriginalPosition(line, col int) (int, int, bool) {
	if len(ex.pieces) == 0 {
		return line, col, line >= 1 && col >= 1
	}
	for _, p := range ex.pieces {
		if line < p.outLine || line > p.outLine+p.lines {
			continue
		}
		if line == p.outLine {
			// Only the first line of a piece is shifted sideways: it starts
			// at column 1 here but at origCol in the document.
			return p.origLine, col - 1 + p.origCol, true
		}
		return p.origLine + line - p.outLine, col, true
	}
	return 0, 0, false
}

// usedFragments is the set of fragment names operation i uses, following
// fragments into other fragments.
func (d *Document) usedFragments(i int) (map[string]bool, error) {
	byName := map[string][]fragment{}
	for _, f := range d.fragments {
		byName[f.name] = append(byName[f.name], f)
	}
	used := map[string]bool{}
	var queue []string
	add := func(name string) {
		if !used[name] {
			used[name] = true
			queue = append(queue, name)
		}
	}
	spreadNames(d.parsed.Operations[i].SelectionSet, add)
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		defs := byName[name]
		switch len(defs) {
		case 0:
			return nil, fmt.Errorf("fragment %q is used but not defined in the document", name)
		case 1:
			spreadNames(defs[0].def.SelectionSet, add)
		default:
			return nil, fmt.Errorf("fragment %q is defined %d times; names must be unique", name, len(defs))
		}
	}
	return used, nil
}
