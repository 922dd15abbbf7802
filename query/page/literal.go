package page

import (
	"strconv"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// Literal finds a `page: N` argument written as an integer literal in op,
// an operation of the document text: the first one in the operation's
// selections (fragments spread into it are not searched). start and end are
// byte offsets of the literal in text, so the caller can step pages by
// rewriting it. ok is false when there is none, or when the text does not
// parse.
func Literal(text string, op query.Operation) (start, end, value int, ok bool) {
	doc, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		return 0, 0, 0, false
	}
	for _, o := range doc.Operations {
		if o.Position == nil || o.Position.Line != op.Line || o.Name != op.Name {
			continue
		}
		if v := findPageLiteral(o.SelectionSet); v != nil {
			n, err := strconv.Atoi(v.Raw)
			if err != nil {
				return 0, 0, 0, false
			}
			s, e := byteOffset(text, v.Position.Start), byteOffset(text, v.Position.End)
			if text[s:e] != v.Raw {
				return 0, 0, 0, false // offsets are not what this gqlparser version promised
			}
			return s, e, n, true
		}
	}
	return 0, 0, 0, false
}

// findPageLiteral walks a selection set for a page argument given as an
// integer literal.
func findPageLiteral(set ast.SelectionSet) *ast.Value {
	for _, sel := range set {
		var sub ast.SelectionSet
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				if a.Name == VarName && a.Value != nil && a.Value.Kind == ast.IntValue && a.Value.Position != nil {
					return a.Value
				}
			}
			sub = s.SelectionSet
		case *ast.InlineFragment:
			sub = s.SelectionSet
		}
		if v := findPageLiteral(sub); v != nil {
			return v
		}
	}
	return nil
}

// byteOffset turns gqlparser's rune offset into a byte offset of text.
func byteOffset(text string, runes int) int {
	off := 0
	for i := 0; i < runes && off < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[off:])
		off += size
	}
	return off
}

// SetLiteral returns text with the page literal found by Literal replaced
// by n.
func SetLiteral(text string, start, end, n int) string {
	return text[:start] + strconv.Itoa(n) + text[end:]
}
