package picker

import (
	"unicode"
)

// Fuzzy scoring, in the spirit of fzf's: every matched rune earns scoreMatch; a match at the
// start of the name, at the start of a word or right after the previous match earns a bonus; a
// gap between two matches costs gapStart plus gapExtend per extra rune skipped. So "gc" ranks
// "gcList" (one run at the start) above "getCards" (two word starts, a gap) above "logic" (two
// letters in the middle of a word).
const (
	scoreMatch       = 16
	bonusPrefix      = 24 // the name's first rune
	bonusWordStart   = 16 // after a separator, or a camelCase or letter/digit change
	bonusConsecutive = 16 // right after the previous matched rune
	gapStart         = 3
	gapExtend        = 1
)

// maxMatchCells bounds the dynamic programme (pattern runes × text runes). Saved-query names
// are at most 100 runes, so this is only reached by a pasted essay of a filter; beyond it the
// leftmost match is used, which is still a correct match, just not the best-scored one.
const maxMatchCells = 1 << 14

// noScore marks an impossible cell; far below any reachable score, far from overflow.
const noScore = -1 << 30

// fuzzyMatch reports whether pattern is a subsequence of text, ignoring case, and if it is, the
// best score and the rune indexes of text that match, in increasing order. Both arguments must
// already be lower-cased with lowerRunes, except that text's original runes (orig) decide word
// starts (camelCase needs the case). An empty pattern matches everything with score 0.
func fuzzyMatch(pattern, text, orig []rune) (score int, positions []int, ok bool) {
	if len(pattern) == 0 {
		return 0, nil, true
	}
	if !isSubsequence(pattern, text) {
		return 0, nil, false // most names, on most keystrokes: no allocation
	}
	if len(pattern)*len(text) > maxMatchCells {
		first := leftmost(pattern, text)
		return scorePositions(first, orig), first, true
	}
	return bestMatch(pattern, text, orig)
}

// isSubsequence reports whether pattern's runes appear in text in order.
func isSubsequence(pattern, text []rune) bool {
	i := 0
	for _, r := range text {
		if i < len(pattern) && r == pattern[i] {
			i++
		}
	}
	return i == len(pattern)
}

// leftmost returns the greedy leftmost match positions, or nil when pattern is not a
// subsequence of text.
func leftmost(pattern, text []rune) []int {
	pos := make([]int, 0, len(pattern))
	j := 0
	for _, p := range pattern {
		for j < len(text) && text[j] != p {
			j++
		}
		if j == len(text) {
			return nil
		}
		pos = append(pos, j)
		j++
	}
	return pos
}

// bestMatch is the dynamic programme: cell (i, j) holds the best score of matching
// pattern[:i+1] with pattern[i] at text[j], and from[i][j] the position of pattern[i-1] in that
// best match (for walking back to the positions).
func bestMatch(pattern, text, orig []rune) (int, []int, bool) {
	m, n := len(pattern), len(text)
	bonus := make([]int, n)
	for j := range n {
		bonus[j] = boundaryBonus(orig, j)
	}
	score := make([]int, m*n)
	from := make([]int, m*n)
	for j := range n {
		score[j] = noScore
		if text[j] == pattern[0] {
			score[j] = scoreMatch + bonus[j]
		}
	}
	for i := 1; i < m; i++ {
		prev, cur := score[(i-1)*n:i*n], score[i*n:(i+1)*n]
		// gapBest is the best prev[k] - gap cost for a match at j with k <= j-2, kept as j grows.
		gapBest, gapFrom := noScore, -1
		for j := range n {
			cur[j] = noScore
			if j >= 2 {
				gapBest -= gapExtend
				if c := prev[j-2] - gapStart; c > gapBest {
					gapBest, gapFrom = c, j-2
				}
			}
			if text[j] != pattern[i] {
				continue
			}
			if j >= 1 && prev[j-1] > noScore {
				cur[j] = prev[j-1] + scoreMatch + max(bonus[j], bonusConsecutive)
				from[i*n+j] = j - 1
			}
			if gapFrom >= 0 && gapBest > noScore/2 {
				if c := gapBest + scoreMatch + bonus[j]; c > cur[j] {
					cur[j], from[i*n+j] = c, gapFrom
				}
			}
		}
	}
	last := score[(m-1)*n:]
	end := -1
	for j := range n {
		if last[j] > noScore/2 && (end < 0 || last[j] > last[end]) {
			end = j
		}
	}
	if end < 0 {
		return 0, nil, false // unreachable: leftmost found a match
	}
	positions := make([]int, m)
	for i, j := m-1, end; i >= 0; i-- {
		positions[i] = j
		j = from[i*n+j]
	}
	return last[end], positions, true
}

// scorePositions scores a given set of match positions with the same rules as bestMatch.
func scorePositions(pos []int, orig []rune) int {
	s := 0
	for i, j := range pos {
		switch {
		case i > 0 && pos[i-1] == j-1:
			s += scoreMatch + max(boundaryBonus(orig, j), bonusConsecutive)
		case i > 0:
			s += scoreMatch + boundaryBonus(orig, j) - gapStart - gapExtend*(j-pos[i-1]-2)
		default:
			s += scoreMatch + boundaryBonus(orig, j)
		}
	}
	return s
}

// boundaryBonus is the bonus for a match at orig[j]: the first rune, the first rune of a word
// (after a separator, a lower-to-upper change as in camelCase, or a change between letters and
// digits), or nothing.
func boundaryBonus(orig []rune, j int) int {
	if j == 0 {
		return bonusPrefix
	}
	prev, cur := orig[j-1], orig[j]
	switch {
	case isSeparator(prev) && !isSeparator(cur):
		return bonusWordStart
	case unicode.IsLower(prev) && unicode.IsUpper(cur):
		return bonusWordStart
	case unicode.IsLetter(prev) && unicode.IsDigit(cur), unicode.IsDigit(prev) && unicode.IsLetter(cur):
		return bonusWordStart
	}
	return 0
}

// isSeparator reports whether r separates words in a name (the punctuation ValidName allows,
// plus '/' and other spaces for text from elsewhere).
func isSeparator(r rune) bool {
	switch r {
	case '-', '_', '.', '(', ')', '/', ':':
		return true
	}
	return unicode.IsSpace(r)
}

// lowerRunes returns s as runes, each lower-cased, for case-insensitive matching. Lower-casing a
// rune never changes the count, so indexes into the result are indexes into []rune(s).
func lowerRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}
