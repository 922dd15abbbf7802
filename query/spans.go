package query

import (
	"fmt"
	"slices"
	"sort"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// span is a byte range [start, end) of the text.
type span struct{ start, end int }

// definitionSpans finds the byte range of every operation and fragment,
// keyed by the code-point offset gqlparser gives as the definition's Position.
//
// The AST records where a definition starts but not where it ends, so the
// tokens are read again with gqlparser's own lexer: the text already parsed,
// so every token between two definitions belongs to the first of them except
// the second's description, and every definition ends with the "}" of its
// selection set. A definition therefore runs from its description (or
// keyword) to the last "}" before the next definition begins. Comments
// between definitions belong to neither.
func definitionSpans(ix *TextIndex, doc *ast.QueryDocument) (map[int]span, error) {
	toks, err := tokenBounds(ix.text)
	if err != nil {
		return nil, err
	}
	var starts []int // code-point offsets of definition keywords
	for _, op := range doc.Operations {
		starts = append(starts, op.Position.Start)
	}
	for _, f := range doc.Fragments {
		starts = append(starts, f.Position.Start)
	}
	slices.Sort(starts)

	// first[i] is the index of the first token of definition i (its
	// description, if it has one).
	first := make([]int, len(starts))
	for i, s := range starts {
		t := sort.Search(len(toks), func(j int) bool { return toks[j].start >= s })
		if t == len(toks) || toks[t].start != s {
			return nil, fmt.Errorf("internal error: no token at definition offset %d", s)
		}
		if t > 0 && (toks[t-1].kind == lexer.String || toks[t-1].kind == lexer.BlockString) {
			t--
		}
		first[i] = t
	}
	spans := make(map[int]span, len(starts))
	for i, s := range starts {
		last := len(toks) - 1
		if i+1 < len(starts) {
			last = first[i+1] - 1
		}
		if last < first[i] || toks[last].kind != lexer.BraceR {
			return nil, fmt.Errorf("internal error: definition at offset %d does not end with }", s)
		}
		spans[s] = span{
			start: ix.ByteOffset(toks[first[i]].start),
			end:   ix.ByteOffset(toks[last].end),
		}
	}
	return spans, nil
}

// bound is the kind and code-point range of a token: all definitionSpans
// needs, and a fraction of the size of a lexer.Token.
type bound struct {
	kind       lexer.Type
	start, end int
}

// tokenBounds lexes text into the bounds of its tokens, without comments.
func tokenBounds(text string) ([]bound, error) {
	lx := lexer.New(&ast.Source{Input: text})
	toks := make([]bound, 0, len(text)/4)
	for {
		tok, err := lx.ReadToken()
		if err != nil {
			return nil, err
		}
		switch tok.Kind {
		case lexer.EOF:
			return toks, nil
		case lexer.Comment:
			continue
		}
		toks = append(toks, bound{tok.Kind, tok.Pos.Start, tok.Pos.End})
	}
}

// readComments lexes text and returns its comment tokens.
func readComments(text string) ([]lexer.Token, error) {
	lx := lexer.New(&ast.Source{Input: text})
	var comments []lexer.Token
	for {
		tok, err := lx.ReadToken()
		if err != nil {
			return nil, err
		}
		switch tok.Kind {
		case lexer.EOF:
			return comments, nil
		case lexer.Comment:
			comments = append(comments, tok)
		}
	}
}
