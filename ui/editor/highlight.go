package editor

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// Language selects the lexer and the multi-line state tracking.
type Language string

// Supported languages. Any other value edits as plain, unhighlighted text.
const (
	GraphQL Language = "graphql"
	JSON    Language = "json"
)

// cacheGeneration is the number of lines one cache generation holds. Two
// generations are kept, so a line survives if it was looked up during the
// last ~cacheGeneration misses. That covers a few screens of scrolling back
// and forth, while a long session of typing cannot grow the cache unbounded.
const cacheGeneration = 2048

// maxHighlightBytes is the longest line that is highlighted. Chroma's regex
// rules backtrack: an unterminated JSON string costs O(n²) on its line (20 ms
// at 5,000 bytes), and a minified one-line document would be re-lexed whole
// on every key. Longer lines are shown as plain text.
const maxHighlightBytes = 2048

// tok is one highlighted piece of a line.
type tok struct {
	text string
	typ  chroma.TokenType
}

// lineKey identifies a line's highlighting: the same text in the same lexer
// state always lexes the same way, wherever it is in the document.
type lineKey struct {
	state, text string
}

// lineRender is the memoised output of an undecorated line (no cursor, no
// diagnostic) at one horizontal window, so an unchanged line costs a map
// lookup per frame.
type lineRender struct {
	xoff, width int
	out         string
}

// lineEntry is what the cache holds per line.
type lineEntry struct {
	toks   []tok
	render lineRender
}

// highlighter tokenises lines with chroma and caches the results.
type highlighter struct {
	lang  Language
	lexer chroma.Lexer // nil: plain text
	// cur and old are the two cache generations: lookups hit either and
	// promote to cur; when cur fills up it becomes old and old is dropped.
	cur, old map[lineKey]*lineEntry
	// lexed counts cache misses (lines sent to chroma), for benchmarks to
	// show that a keystroke lexes one line.
	lexed int
}

// newHighlighter returns a highlighter for lang.
func newHighlighter(lang Language) *highlighter {
	h := &highlighter{lang: lang, cur: make(map[lineKey]*lineEntry)}
	switch lang {
	case GraphQL:
		h.lexer = chroma.Coalesce(newGraphQLLexer())
	case JSON:
		h.lexer = chroma.Coalesce(newJSONLexer())
	}
	return h
}

// scanner returns the per-line state scanner that matches lang.
func scanner(lang Language) scanFunc {
	switch lang {
	case GraphQL:
		return scanGraphQL
	case JSON:
		return scanJSON
	}
	return scanPlain
}

// entry returns the cache entry for text lexed from state, tokenising it on
// a miss.
func (h *highlighter) entry(state, text string) *lineEntry {
	k := lineKey{state, text}
	if e, ok := h.cur[k]; ok {
		return e
	}
	e, ok := h.old[k]
	if !ok {
		e = &lineEntry{toks: h.tokenise(state, text)}
		h.lexed++
	}
	if len(h.cur) >= cacheGeneration {
		h.old, h.cur = h.cur, make(map[lineKey]*lineEntry, cacheGeneration)
	}
	h.cur[k] = e
	return e
}

// tokenise lexes one line that starts in state.
func (h *highlighter) tokenise(state, text string) []tok {
	if h.lexer == nil || text == "" || len(text) > maxHighlightBytes {
		return []tok{{text, chroma.Text}}
	}
	switch h.lang {
	case GraphQL:
		var toks []tok
		for _, seg := range graphqlSegments(state, text) {
			part := text[seg.start:seg.end]
			if seg.block {
				toks = append(toks, tok{part, chroma.LiteralString})
				continue
			}
			toks = h.lex(toks, "", part)
		}
		return toks
	case JSON:
		return h.lex(nil, jsonPrefix(state), text)
	}
	return []tok{{text, chroma.Text}}
}

// lex appends the chroma tokens of prefix+text to toks, dropping the bytes
// of prefix. The prefix only exists to put the lexer into the right nesting
// (see jsonPrefix); tokens may straddle its end because Coalesce merges
// neighbours of the same type, so the cut is made by byte count.
func (h *highlighter) lex(toks []tok, prefix, text string) []tok {
	// Lexers expect lines to end in a newline (a JSON // comment does not
	// match without one); it is cut from the tokens below.
	it, err := h.lexer.Tokenise(nil, prefix+text+"\n")
	if err != nil {
		return append(toks, tok{text, chroma.Text})
	}
	skip := len(prefix)
	for t := it(); t != chroma.EOF; t = it() {
		v := t.Value
		if skip > 0 {
			n := min(skip, len(v))
			v, skip = v[n:], skip-n
		}
		v = strings.TrimRight(v, "\n")
		if v == "" {
			continue
		}
		if n := len(toks); n > 0 && toks[n-1].typ == t.Type {
			toks[n-1].text += v
			continue
		}
		toks = append(toks, tok{v, t.Type})
	}
	return toks
}
