package query

import (
	"errors"
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

// CommentLossError is returned by Format when formatting would drop
// comments; the document is then left as it is.
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
	return "formatting would drop the comment on " + where + "; the document was left unchanged"
}

// Format pretty-prints a GraphQL document in graphql-js's layout (two spaces per level,
// `query Balance($ref: String!)`, one selection per line), keeping everything a person wrote
// around the syntax: comments where they were, blank lines between definitions and inside
// selection sets, the order of definitions, block strings as written. Only whitespace changes;
// formatting twice gives the same text. See format_print.go.
//
// Format refuses (and the editor keeps the document as it is) when the result would not parse to
// the same document or would lose a comment; neither should happen, but a formatter must never
// be the thing that breaks a query. A syntax error is returned as for Parse.
func Format(text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		return "", NewSyntaxError(NewTextIndex(text), err)
	}
	out, err := printDocument(text)
	if err != nil {
		return "", fmt.Errorf("formatting failed (%v); the document was left unchanged", err)
	}
	if strings.TrimSpace(out) == "" {
		return "", ErrEmpty // only commas, which GraphQL ignores
	}
	formatted, err := parser.ParseQuery(&ast.Source{Input: out})
	if err != nil {
		// Never hand back a document that no longer parses.
		return "", fmt.Errorf("formatting produced invalid GraphQL (%v); the document was left unchanged", err)
	}
	if canonical(doc) != canonical(formatted) {
		return "", errors.New("formatting would change the document; it was left unchanged")
	}
	if lost := lostComments(text, out); len(lost) > 0 {
		return "", &CommentLossError{Lines: lost}
	}
	return out, nil
}

// canonical prints a parsed document without comments, in gqlparser's layout: two documents with
// the same canonical text are the same operations, fragments, arguments and values.
func canonical(doc *ast.QueryDocument) string {
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent(formatIndent)).FormatQueryDocument(doc)
	return b.String()
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
