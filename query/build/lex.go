package build

import (
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// tok is one lexical token (comments left out) with its byte range.
type tok struct {
	kind       lexer.Type
	start, end int
	value      string
}

// tokens is a lexed text: its tokens, the partner of every bracket, and a map from a token's
// code-point start (as the AST reports positions) to its index.
type tokens struct {
	text   string
	list   []tok
	match  []int       // index of the matching bracket, or -1
	byRune map[int]int // code-point start -> token index
}

// lex reads text with gqlparser's lexer. The text is known to parse, so a lexer error cannot
// happen; it is returned all the same.
func lex(text string) (*tokens, error) {
	lx := lexer.New(&ast.Source{Input: text})
	t := &tokens{text: text, byRune: map[int]int{}}
	ascii := utf8.RuneCountInString(text) == len(text)
	var runeByte []int
	if !ascii {
		runeByte = make([]int, 0, len(text)+1)
		for i := range text {
			runeByte = append(runeByte, i)
		}
		runeByte = append(runeByte, len(text))
	}
	toByte := func(r int) int {
		if ascii {
			return r
		}
		return runeByte[min(r, len(runeByte)-1)]
	}
	var stack []int
	for {
		tk, err := lx.ReadToken()
		if err != nil {
			return nil, err
		}
		if tk.Kind == lexer.EOF {
			break
		}
		if tk.Kind == lexer.Comment {
			continue
		}
		i := len(t.list)
		t.byRune[tk.Pos.Start] = i
		t.list = append(t.list, tok{kind: tk.Kind, start: toByte(tk.Pos.Start), end: toByte(tk.Pos.End), value: tk.Value})
		t.match = append(t.match, -1)
		switch tk.Kind {
		case lexer.BraceL, lexer.ParenL, lexer.BracketL:
			stack = append(stack, i)
		case lexer.BraceR, lexer.ParenR, lexer.BracketR:
			if n := len(stack); n > 0 {
				o := stack[n-1]
				stack = stack[:n-1]
				t.match[o], t.match[i] = i, o
			}
		}
	}
	return t, nil
}

// at returns the index of the token starting at pos, or -1.
func (t *tokens) at(pos *ast.Position) int {
	if pos == nil {
		return -1
	}
	if i, ok := t.byRune[pos.Start]; ok {
		return i
	}
	return -1
}

// is reports whether token i exists and has kind k.
func (t *tokens) is(i int, k lexer.Type) bool {
	return i >= 0 && i < len(t.list) && t.list[i].kind == k
}

// skipDirectives returns the index of the first token after the directives starting at i.
func (t *tokens) skipDirectives(i int) int {
	for t.is(i, lexer.At) {
		i += 2 // @ name
		if t.is(i, lexer.ParenL) {
			i = t.match[i] + 1
		}
	}
	return i
}

// valueEnd returns the index of the last token of the value starting at i.
func (t *tokens) valueEnd(i int) int {
	switch {
	case t.is(i, lexer.BraceL), t.is(i, lexer.BracketL):
		return t.match[i]
	case t.is(i, lexer.Dollar):
		return i + 1
	}
	return i
}

// fieldParts locates a field starting at token i (its alias or name): the name token, the
// argument parentheses (-1 when none), the selection set's "{" (-1 when none) and its last token.
type fieldParts struct {
	first, name, parenL, braceL, last int
}

func (t *tokens) field(i int) fieldParts {
	p := fieldParts{first: i, name: i, parenL: -1, braceL: -1}
	if t.is(i+1, lexer.Colon) {
		p.name = i + 2
	}
	j := p.name + 1
	if t.is(j, lexer.ParenL) {
		p.parenL = j
		j = t.match[j] + 1
	}
	j = t.skipDirectives(j)
	p.last = j - 1
	if t.is(j, lexer.BraceL) {
		p.braceL = j
		p.last = t.match[j]
	}
	return p
}

// opParts locates an operation starting at token i: the keyword (-1 for the shorthand "{"),
// the name (-1 when anonymous), the variable parentheses (-1 when none) and the selection "{".
type opParts struct {
	first, keyword, name, parenL, braceL int
}

func (t *tokens) operation(i int) opParts {
	p := opParts{first: i, keyword: -1, name: -1, parenL: -1, braceL: i}
	if t.is(i, lexer.BraceL) {
		return p
	}
	p.keyword = i
	j := i + 1
	if t.is(j, lexer.Name) {
		p.name = j
		j++
	}
	if t.is(j, lexer.ParenL) {
		p.parenL = j
		j = t.match[j] + 1
	}
	j = t.skipDirectives(j)
	p.braceL = j
	return p
}
