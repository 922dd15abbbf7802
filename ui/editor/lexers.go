package editor

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// The editor's two lexers, written for it rather than taken from chroma's registry: importing
// chroma/v2/lexers parses all of its ~280 embedded lexer definitions when the program starts
// (6 ms, 2.7 MB, and 2.5 MB of the binary paged in), in every command, for two languages. Both
// are single-pass byte scanners and implement chroma.Lexer, so chroma's token types, Coalesce
// and the theme's styles apply unchanged.

// byteLexer adapts a tokenising function to chroma.Lexer.
type byteLexer struct {
	config   chroma.Config
	tokenise func(text string) []chroma.Token
}

// Config implements chroma.Lexer.
func (l *byteLexer) Config() *chroma.Config { return &l.config }

// Tokenise implements chroma.Lexer.
func (l *byteLexer) Tokenise(_ *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	return chroma.Literator(l.tokenise(text)...), nil
}

// SetRegistry implements chroma.Lexer (these lexers never delegate).
func (l *byteLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return l }

// SetAnalyser implements chroma.Lexer (the editor always knows the language).
func (l *byteLexer) SetAnalyser(func(string) float32) chroma.Lexer { return l }

// AnalyseText implements chroma.Lexer.
func (l *byteLexer) AnalyseText(string) float32 { return 0 }

func newGraphQLLexer() chroma.Lexer {
	return &byteLexer{config: chroma.Config{Name: "GraphQL", Aliases: []string{"graphql"}}, tokenise: tokeniseGraphQL}
}

func newJSONLexer() chroma.Lexer {
	return &byteLexer{config: chroma.Config{Name: "JSON", Aliases: []string{"json"}}, tokenise: tokeniseJSON}
}

// tokenList collects tokens, merging neighbours of one type.
type tokenList []chroma.Token

func (l *tokenList) add(t chroma.TokenType, v string) {
	if v == "" {
		return
	}
	if n := len(*l); n > 0 && (*l)[n-1].Type == t {
		(*l)[n-1].Value += v
		return
	}
	*l = append(*l, chroma.Token{Type: t, Value: v})
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNameStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isNameByte(c byte) bool { return isNameStart(c) || '0' <= c && c <= '9' }

// scanWhile returns the end of the run of bytes from i that satisfy ok.
func scanWhile(s string, i int, ok func(byte) bool) int {
	for i < len(s) && ok(s[i]) {
		i++
	}
	return i
}

// numberEnd returns the end of a number starting at i (which holds '-' or a digit) and whether it
// has a fraction or exponent.
func numberEnd(s string, i int) (int, bool) {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	if s[i] == '-' {
		i++
	}
	i = scanWhile(s, i, isDigit)
	float := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i, float = scanWhile(s, i+1, isDigit), true
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			i, float = scanWhile(s, j, isDigit), true
		}
	}
	return i, float
}

// errorRune is one unexpected character, as an Error token.
func errorRune(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + max(n, 1)
}

// GraphQL words by role.
var (
	graphqlOperations = map[string]bool{"query": true, "mutation": true, "subscription": true, "fragment": true}
	graphqlKeywords   = map[string]bool{"on": true, "type": true, "input": true, "enum": true, "interface": true,
		"union": true, "scalar": true, "schema": true, "directive": true, "extend": true, "implements": true,
		"repeatable": true}
	graphqlConstants = map[string]bool{"true": true, "false": true, "null": true}
)

// tokeniseGraphQL lexes GraphQL: keywords, operation and type names, fields, variables,
// directives, strings (block strings too), numbers, comments and punctuation.
func tokeniseGraphQL(s string) []chroma.Token {
	var out tokenList
	prev := "" // the last significant token, for names whose role depends on it
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isSpace(c) || c == ',':
			j := scanWhile(s, i, func(b byte) bool { return isSpace(b) || b == ',' })
			out.add(chroma.Text, s[i:j])
			i = j
			continue
		case c == '#':
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			out.add(chroma.CommentSingle, s[i:i+j])
			i += j
			continue
		case strings.HasPrefix(s[i:], `"""`):
			j := blockStringEnd(s, i+3)
			out.add(chroma.LiteralString, s[i:j])
			i, prev = j, "value"
		case c == '"':
			j := stringEnd(s, i+1)
			if nl := strings.IndexByte(s[i:j], '\n'); nl >= 0 {
				j = i + nl // an ordinary string ends at the line's end
			}
			out.add(chroma.LiteralStringDouble, s[i:j])
			i, prev = j, "value"
		case c == '-' || '0' <= c && c <= '9':
			j, float := numberEnd(s, i)
			if j == i+1 && c == '-' {
				out.add(chroma.Error, "-")
				i++
				continue
			}
			t := chroma.LiteralNumberInteger
			if float {
				t = chroma.LiteralNumberFloat
			}
			out.add(t, s[i:j])
			i, prev = j, "value"
		case c == '$' || c == '@':
			j := scanWhile(s, i+1, isNameByte)
			t := chroma.NameVariable
			if c == '@' {
				t = chroma.NameDecorator
			}
			out.add(t, s[i:j])
			i, prev = j, string(c)
		case isNameStart(c):
			j := scanWhile(s, i, isNameByte)
			word := s[i:j]
			out.add(graphqlNameType(word, prev), word)
			i, prev = j, word
		case strings.HasPrefix(s[i:], "..."):
			out.add(chroma.Punctuation, "...")
			i, prev = i+3, "..."
		case strings.IndexByte("{}()[]:=!|&", c) >= 0:
			out.add(chroma.Punctuation, s[i:i+1])
			i, prev = i+1, s[i:i+1]
		default:
			j := errorRune(s, i)
			out.add(chroma.Error, s[i:j])
			i = j
		}
	}
	return out
}

// graphqlNameType gives a name its role from the word itself and the significant token before it.
func graphqlNameType(word, prev string) chroma.TokenType {
	switch {
	case graphqlOperations[prev]:
		return chroma.NameFunction // the operation's or fragment's name
	case graphqlOperations[word]:
		return chroma.KeywordDeclaration
	case graphqlKeywords[word]:
		return chroma.Keyword
	case graphqlConstants[word]:
		return chroma.KeywordConstant
	case prev == "on" || prev == "type" || prev == "input" || prev == "interface" || prev == "union" ||
		prev == "enum" || prev == "scalar" || prev == "implements" || prev == "&" || prev == "|":
		return chroma.NameClass
	case (prev == ":" || prev == "[" || prev == "=") && word[0] >= 'A' && word[0] <= 'Z':
		return chroma.NameClass // a type in a variable or field definition
	}
	return chroma.NameProperty
}

// blockStringEnd returns the end of a block string whose body starts at i: just past the closing
// """, or len(s).
func blockStringEnd(s string, i int) int {
	for i < len(s) {
		switch {
		case strings.HasPrefix(s[i:], `\"""`):
			i += 4
		case strings.HasPrefix(s[i:], `"""`):
			return i + 3
		default:
			i++
		}
	}
	return len(s)
}

// tokeniseJSON lexes JSON (and // comments, as variables files may have them) with the state
// stack scanJSON keeps per line, so a line lexed after jsonPrefix's synthetic start gets the same
// tokens as in the whole document: keys are NameTag, other strings LiteralStringDouble.
func tokeniseJSON(s string) []chroma.Token {
	var out tokenList
	var st []byte
	top := func() byte {
		if len(st) == 0 {
			return 0
		}
		return st[len(st)-1]
	}
	push := func(c byte) {
		if len(st) < maxJSONDepth {
			st = append(st, c)
		}
	}
	pop := func(n int) { st = st[:max(0, len(st)-n)] }
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isSpace(c):
			j := scanWhile(s, i, isSpace)
			out.add(chroma.Text, s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "//"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			out.add(chroma.CommentSingle, s[i:i+j])
			i += j
		case c == '"':
			j := stringEnd(s, i+1)
			if top() == jsonObject {
				out.add(chroma.NameTag, s[i:j])
				push(jsonAttr)
			} else {
				out.add(chroma.LiteralStringDouble, s[i:j])
			}
			i = j
		case (c == '{' || c == '[') && top() != jsonObject:
			if c == '{' {
				push(jsonObject)
			} else {
				push(jsonArray)
			}
			out.add(chroma.Punctuation, s[i:i+1])
			i++
		case c == '}' && (top() == jsonAttr || top() == jsonObject), c == ']' && top() == jsonArray,
			c == ',' && top() != jsonObject, c == ':' && top() == jsonAttr:
			switch {
			case c == '}' && top() == jsonAttr:
				pop(2)
			case c == '}', c == ']', c == ',' && top() == jsonAttr:
				pop(1)
			}
			out.add(chroma.Punctuation, s[i:i+1])
			i++
		case top() != jsonObject && (c == '-' || '0' <= c && c <= '9'):
			j, float := numberEnd(s, i)
			t := chroma.LiteralNumberInteger
			if float {
				t = chroma.LiteralNumberFloat
			}
			if j == i+1 && c == '-' {
				t = chroma.Error
			}
			out.add(t, s[i:j])
			i = j
		case top() != jsonObject && isNameStart(c):
			j := scanWhile(s, i, isNameByte)
			t := chroma.Error
			if graphqlConstants[s[i:j]] {
				t = chroma.KeywordConstant
			}
			out.add(t, s[i:j])
			i = j
		default:
			j := errorRune(s, i)
			out.add(chroma.Error, s[i:j])
			i = j
		}
	}
	return out
}
