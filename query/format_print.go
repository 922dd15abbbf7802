package query

import (
	"strings"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// The pretty-printer works on tokens, not on the parsed tree, because the tree has no place for
// what a person wrote around the syntax: comments anywhere, the blank lines that group fields and
// separate definitions, the order of operations and fragments, block strings. Only whitespace
// changes; every token is written as it was in the source (its exact text), so the document
// parses to the same tree (Format checks it does).
//
// The layout is graphql-js's: two spaces per selection level, one selection per line,
// `query Balance($ref: String!)` with no space before the parenthesis, `name: value` and ", "
// between arguments, `{a: 1}` for input objects, one blank line between definitions. Blank lines
// inside a selection set are kept (one at most). A comment stays where it was: at the end of a
// line, or on a line of its own. The output depends only on the tokens, on which comments end a
// line and on where blank lines were, so printing the output again gives the same text.

// printContext is what an open bracket started.
type printContext int

const (
	pDocument  printContext = iota // between definitions
	pSelection                     // a selection set: one selection per line
	pParens                        // arguments or variable definitions
	pList                          // a list value or list type
	pObject                        // an input object value
)

// printFrame is one open bracket, with the last tokens written inside it (at its own level: a
// nested bracket counts as its closing token).
type printFrame struct {
	ctx            printContext
	prev, prevprev lexer.Token
	hasPrev        bool
	items          int  // arguments, list items or object fields started
	defStart       bool // pDocument: prev is a definition's first token (query, mutation, …)
}

func (f *printFrame) push(t lexer.Token) {
	f.prevprev, f.prev, f.hasPrev = f.prev, t, true
}

// printer holds the output and the layout state.
type printer struct {
	text     string
	offsets  []int // byte offset of each rune, as the lexer counts runes (an invalid byte is one)
	tokens   []lexer.Token
	raws     []string // each token's source text
	b        strings.Builder
	stack    []printFrame
	depth    int  // selection sets open: the indentation level
	breakDue bool // a comment ended the line: the next token starts a new one
	afterDef bool // pDocument: a definition ended and no blank line followed yet
}

// printDocument lays out text, which must lex (Format parses it first).
func printDocument(text string) (string, error) {
	p := &printer{text: text, stack: []printFrame{{ctx: pDocument}}}
	for i := 0; i < len(text); {
		p.offsets = append(p.offsets, i)
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	p.offsets = append(p.offsets, len(text))
	lx := lexer.New(&ast.Source{Input: text})
	for {
		tok, err := lx.ReadToken()
		if err != nil {
			return "", err
		}
		if tok.Kind == lexer.EOF {
			break
		}
		p.tokens = append(p.tokens, tok)
	}
	p.raws = make([]string, len(p.tokens))
	for i := range p.tokens {
		p.raws[i] = p.rawText(i)
	}
	lastEnd := 0
	for i, t := range p.tokens {
		gap := 0
		if i > 0 {
			gap = t.Pos.Line - lastEnd
		}
		if t.Kind == lexer.Comment {
			p.comment(i, i > 0 && gap == 0, gap > 1)
		} else {
			p.token(i, gap > 1)
		}
		lastEnd = t.Pos.Line + strings.Count(p.raws[i], "\n")
	}
	out := strings.TrimRight(p.b.String(), " \n")
	return out + "\n", nil
}

// rawText is token i's exact source text, bytes and all (a string token's Value is decoded; this
// is not). It runs to where the next token starts, less what GraphQL ignores (white space,
// commas, a byte order mark), because the lexer's end position can fall short: a block string
// ending in four quotes ends one quote early. A comment ends at its line's end.
func (p *printer) rawText(i int) string {
	t := p.tokens[i]
	start := p.offsets[t.Pos.Start]
	if t.Kind == lexer.Comment {
		return p.text[start:p.offsets[t.Pos.End]]
	}
	end := len(p.text)
	if i+1 < len(p.tokens) {
		end = p.offsets[p.tokens[i+1].Pos.Start]
	}
	return strings.TrimRight(p.text[start:end], " \t\r\n,\ufeff")
}

func (p *printer) top() *printFrame { return &p.stack[len(p.stack)-1] }

// newline ends the current line (if anything is on it), adds a blank line when asked (never at
// the start of the output nor twice), and indents.
func (p *printer) newline(indent int, blank bool) {
	s := p.b.String()
	if len(s) > 0 && !strings.HasSuffix(s, "\n") {
		p.b.WriteByte('\n')
		s += "\n"
	}
	if blank && len(s) > 0 && !strings.HasSuffix(s, "\n\n") {
		p.b.WriteByte('\n')
	}
	p.b.WriteString(strings.Repeat(formatIndent, indent))
	p.breakDue = false
}

// comment writes a comment at the end of the line it followed (trailing) or on a line of its own.
func (p *printer) comment(i int, trailing, blank bool) {
	f := p.top()
	switch {
	case trailing:
		p.b.WriteString(" ")
	case f.ctx == pDocument:
		p.newline(0, p.afterDef || blank)
		p.afterDef = false
	case f.ctx == pSelection:
		p.newline(p.depth, blank && f.hasPrev) // no blank line straight after {
	default:
		p.newline(p.depth+1, false)
	}
	p.b.WriteString(strings.TrimRight(p.raws[i], " \t\r"))
	p.breakDue = true
}

// token writes a token that is not a comment.
func (p *printer) token(i int, blank bool) {
	t := p.tokens[i]
	f := p.top()
	raw := p.raws[i]

	// Closing brackets.
	switch t.Kind {
	case lexer.BraceR:
		if f.ctx == pSelection {
			p.depth--
			p.newline(p.depth, false)
			p.b.WriteString("}")
			p.pop(t)
			if p.top().ctx == pDocument {
				p.afterDef = true
			}
			return
		}
		fallthrough
	case lexer.ParenR, lexer.BracketR:
		if p.breakDue {
			p.newline(p.depth+1, false)
		}
		p.b.WriteString(raw)
		p.pop(t)
		return
	}

	switch {
	case f.ctx == pDocument && (!f.hasPrev || f.prev.Kind == lexer.BraceR):
		// A definition starts: one blank line after the previous one.
		p.newline(0, p.afterDef || blank)
		p.afterDef = false
		p.b.WriteString(raw)
		f.push(t)
		f.defStart = true
		if t.Kind == lexer.BraceL { // the { … } shorthand for a query
			p.open(t, pSelection)
		}
		return
	case f.ctx == pSelection && p.startsSelection(f, t):
		p.newline(p.depth, blank && f.hasPrev)
	case (f.ctx == pParens || f.ctx == pList || f.ctx == pObject) && p.startsItem(f, i):
		if f.items > 0 {
			if p.breakDue {
				p.newline(p.depth+1, false)
			} else {
				p.b.WriteString(", ")
			}
		} else if p.breakDue {
			p.newline(p.depth+1, false)
		}
		f.items++
	case p.breakDue:
		p.newline(p.depth+1, false)
	default:
		p.b.WriteString(p.space(f, t))
	}

	p.b.WriteString(raw)
	f.push(t)
	f.defStart = false
	switch t.Kind {
	case lexer.BraceL:
		if f.ctx == pParens || f.ctx == pList || f.ctx == pObject {
			p.open(t, pObject)
		} else {
			p.open(t, pSelection)
		}
	case lexer.ParenL:
		p.open(t, pParens)
	case lexer.BracketL:
		p.open(t, pList)
	}
}

// open pushes the context a bracket starts.
func (p *printer) open(t lexer.Token, ctx printContext) {
	if ctx == pSelection {
		p.depth++
	}
	p.stack = append(p.stack, printFrame{ctx: ctx})
}

// pop closes the innermost bracket; the parent sees the closing token as its last.
func (p *printer) pop(t lexer.Token) {
	if len(p.stack) > 1 {
		p.stack = p.stack[:len(p.stack)-1]
	}
	p.top().push(t)
}

// startsSelection reports whether t begins a new selection (field, fragment spread or inline
// fragment) in a selection set, rather than continuing one (alias, directive, type condition).
func (p *printer) startsSelection(f *printFrame, t lexer.Token) bool {
	if t.Kind != lexer.Name && t.Kind != lexer.Spread {
		return false
	}
	if !f.hasPrev {
		return true
	}
	switch f.prev.Kind {
	case lexer.Colon, lexer.Spread, lexer.At:
		return false
	case lexer.Name:
		// "... on Card": the type condition continues the inline fragment.
		return !(f.prev.Value == "on" && f.prevprev.Kind == lexer.Spread)
	}
	return true
}

// startsItem reports whether token i begins an argument, a variable definition, an object field
// or a list item, which ", " separates from the one before.
func (p *printer) startsItem(f *printFrame, i int) bool {
	t := p.tokens[i]
	switch f.ctx {
	case pList:
		if !isValueStart(t.Kind) {
			return false
		}
		return !f.hasPrev || f.prev.Kind != lexer.Dollar
	case pParens, pObject:
		if t.Kind == lexer.Dollar && f.ctx == pParens {
			// A variable definition ($a: Int), not a variable used as a value (x: $a).
			return !f.hasPrev || !(f.prev.Kind == lexer.Colon || f.prev.Kind == lexer.Equals)
		}
		if t.Kind != lexer.Name || p.nextKind(i) != lexer.Colon {
			return false
		}
		return !f.hasPrev || (f.prev.Kind != lexer.Dollar && f.prev.Kind != lexer.At && f.prev.Kind != lexer.Colon)
	}
	return false
}

// nextKind is the kind of the next token that is not a comment.
func (p *printer) nextKind(i int) lexer.Type {
	for j := i + 1; j < len(p.tokens); j++ {
		if p.tokens[j].Kind != lexer.Comment {
			return p.tokens[j].Kind
		}
	}
	return lexer.EOF
}

func isValueStart(k lexer.Type) bool {
	switch k {
	case lexer.Name, lexer.Int, lexer.Float, lexer.String, lexer.BlockString, lexer.Dollar, lexer.BracketL, lexer.BraceL:
		return true
	}
	return false
}

// space is what goes between the last token written in f and t on the same line.
func (p *printer) space(f *printFrame, t lexer.Token) string {
	if !f.hasPrev {
		return ""
	}
	switch t.Kind {
	case lexer.Colon, lexer.Bang:
		return ""
	case lexer.Equals, lexer.At, lexer.Pipe, lexer.Amp:
		return " "
	case lexer.ParenL:
		// query ($a: Int) for an anonymous operation; field(…), @dir(…), Name(…) otherwise.
		if f.ctx == pDocument && f.defStart {
			return " "
		}
		if f.prev.Kind == lexer.Name || f.prev.Kind == lexer.ParenR {
			return ""
		}
		return " "
	case lexer.BraceL:
		if f.ctx == pParens || f.ctx == pList || f.ctx == pObject {
			if f.prev.Kind == lexer.Colon || f.prev.Kind == lexer.Equals {
				return " "
			}
			return ""
		}
		return " "
	}
	switch f.prev.Kind {
	case lexer.Colon, lexer.Equals:
		return " "
	case lexer.Dollar, lexer.At:
		return ""
	case lexer.Spread:
		if t.Kind == lexer.Name && t.Value != "on" {
			return "" // ...FragmentName
		}
		return " " // ... on Type, ... @dir
	case lexer.ParenL, lexer.BracketL, lexer.BraceL:
		return ""
	}
	return " "
}
