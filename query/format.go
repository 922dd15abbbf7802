package query

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/parser"
)

// formatIndent is two spaces, the convention of graphql-js's printer and of
// most GraphQL tooling, rather than gqlparser's default tab.
const formatIndent = "  "

// CommentLossError is returned by Format when gqlparser's formatter would
// drop comments; the document is then left as it is.
type CommentLossError struct {
	// Lines are the 1-based lines of the comments that would be lost.
	Lines []int
}

// Error names the lines so the user can move those comments.
func (e *CommentLossError) Error() string {
	where := "line " + strconv.Itoa(e.Lines[0])
	if len(e.Lines) > 1 {
		nums := make([]string, len(e.Lines))
		for i, l := range e.Lines {
			nums[i] = strconv.Itoa(l)
		}
		where = "lines " + strings.Join(nums, ", ")
	}
	return "formatting would drop the comment on " + where +
		" (gqlparser's formatter keeps only comments before a definition, field or argument); the document was left unchanged"
}

// Format pretty-prints a GraphQL document with gqlparser's formatter (two
// spaces per level).
//
// What the formatter does (gqlparser v2.5.64), and what Format does about it:
//   - it keeps comments that come before a definition, field or argument
//     (an end-of-line comment moves to the line before the next field), but
//     drops others, such as a comment after the last field of a block or in a
//     variable list. Silently deleting a user's comment is not acceptable in
//     an editor, so Format checks and returns a *CommentLossError instead of
//     a result that lost any;
//   - it prints operations first, then fragments, each group in source order;
//   - it prints block strings as ordinary strings with the same value.
//
// A syntax error is returned as for Parse.
func Format(text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		return "", NewSyntaxError(NewTextIndex(text), err)
	}
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent(formatIndent), formatter.WithComments()).FormatQueryDocument(doc)
	out := b.String()
	if _, err := parser.ParseQuery(&ast.Source{Input: out}); err != nil {
		// Never hand back a document that no longer parses.
		return "", fmt.Errorf("formatting produced invalid GraphQL (%v); the document was left unchanged", err)
	}
	if lost := lostComments(text, out); len(lost) > 0 {
		return "", &CommentLossError{Lines: lost}
	}
	return out, nil
}

// lostComments returns the lines of comments in before whose text does not
// appear in after (counting repeats, so two identical comments need two).
func lostComments(before, after string) []int {
	// Both texts have parsed by now, so lexing them cannot fail.
	in, _ := readComments(before)
	out, _ := readComments(after)
	have := map[string]int{}
	for _, t := range out {
		have[strings.TrimSpace(t.Value)]++
	}
	var lost []int
	for _, t := range in {
		k := strings.TrimSpace(t.Value)
		if have[k] > 0 {
			have[k]--
			continue
		}
		lost = append(lost, t.Pos.Line)
	}
	return lost
}
