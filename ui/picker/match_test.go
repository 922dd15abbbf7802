package picker

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// match runs fuzzyMatch on strings, as the model does.
func match(pattern, text string) (int, []int, bool) {
	return fuzzyMatch(lowerRunes(pattern), lowerRunes(text), []rune(text))
}

func TestFuzzyMatchPositions(t *testing.T) {
	cases := []struct {
		pattern, text string
		want          []int
		ok            bool
	}{
		{"", "anything", nil, true},
		{"gc", "getCards", []int{0, 3}, true},
		{"gc", "gcList", []int{0, 1}, true},
		{"GC", "getcards", []int{0, 3}, true}, // case is ignored
		{"card", "get cards", []int{4, 5, 6, 7}, true},
		// The word start beats the earlier letter in the middle of a word.
		{"b", "abc b", []int{4}, true},
		// A contiguous run beats the leftmost scattered letters.
		{"ord", "xoxrxd order", []int{7, 8, 9}, true},
		{"xyz", "getCards", nil, false},
		{"ab", "ba", nil, false},
		{"toolong", "tool", nil, false},
		{"ü", "Über uns", []int{0}, true},
	}
	for _, c := range cases {
		_, pos, ok := match(c.pattern, c.text)
		if ok != c.ok || !slices.Equal(pos, c.want) {
			t.Errorf("match(%q, %q) = %v %v, want %v %v", c.pattern, c.text, pos, ok, c.want, c.ok)
		}
	}
}

// rank orders names by score (best first), ties by length then input order, as the picker does.
func rank(pattern string, names []string) []string {
	type hit struct {
		name  string
		score int
	}
	var hits []hit
	for _, n := range names {
		if s, _, ok := match(pattern, n); ok {
			hits = append(hits, hit{n, s})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return utf8.RuneCountInString(a.name) - utf8.RuneCountInString(b.name)
	})
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.name
	}
	return out
}

func TestFuzzyRanking(t *testing.T) {
	names := []string{"logic", "getCards", "gift cards (prod)", "gcList", "orders", "GiftCardBalance", "bigcatalogue"}
	cases := []struct {
		pattern string
		want    []string
	}{
		// Prefix run first, then word starts, then letters inside words.
		{"gc", []string{"gcList", "getCards", "GiftCardBalance", "gift cards (prod)", "bigcatalogue", "logic"}},
		{"card", []string{"getCards", "GiftCardBalance", "gift cards (prod)"}},
		{"gcb", []string{"GiftCardBalance"}},
		{"prod", []string{"gift cards (prod)"}},
		// Equal scores: the shorter name first.
		{"o", []string{"orders", "logic", "bigcatalogue", "gift cards (prod)"}},
	}
	for _, c := range cases {
		if got := rank(c.pattern, names); !slices.Equal(got, c.want) {
			t.Errorf("rank(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
}

// Past the cell budget the leftmost match is used; it must still be a valid match, scored by
// the same rules.
func TestFuzzyMatchLongFallsBackToLeftmost(t *testing.T) {
	text := strings.Repeat("ab", 200) + "c"
	pattern := strings.Repeat("a", 50) + "c"
	score, pos, ok := match(pattern, text)
	if !ok || len(pos) != 51 || pos[0] != 0 || pos[50] != 400 {
		t.Fatalf("ok=%v pos=%v", ok, pos)
	}
	if want := scorePositions(pos, []rune(text)); score != want {
		t.Fatalf("score %d, want %d", score, want)
	}
}

// The programme's score agrees with scoring its own positions from scratch.
func TestFuzzyScoreMatchesPositions(t *testing.T) {
	for _, c := range [][2]string{{"gc", "getCards"}, {"ord", "xoxrxd order"}, {"aaa", "abaabaaab"}, {"cb", "GiftCardBalance"}} {
		score, pos, ok := match(c[0], c[1])
		if !ok || score != scorePositions(pos, []rune(c[1])) {
			t.Errorf("%q in %q: score %d, positions %v score %d", c[0], c[1], score, pos, scorePositions(pos, []rune(c[1])))
		}
	}
}

func FuzzFuzzyMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"gc", "getCards"}, {"", ""}, {"a", ""}, {"ÄÖ", "äpfel öl"}, {"İ", "i̇stanbul"},
		{"aa", "aaaa"}, {"x\x00", "\x00x\x00"}, {"\xff", "\xff\xfe"}, {"ǅ", "ǆǅ"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		lp, lt, orig := lowerRunes(pattern), lowerRunes(text), []rune(text)
		score, pos, ok := fuzzyMatch(lp, lt, orig)
		if ok != (leftmost(lp, lt) != nil || len(lp) == 0) || ok != isSubsequence(lp, lt) {
			t.Fatalf("ok=%v disagrees with the subsequence test", ok)
		}
		if !ok {
			return
		}
		if len(pos) != len(lp) {
			t.Fatalf("%d positions for %d pattern runes", len(pos), len(lp))
		}
		for i, p := range pos {
			if p < 0 || p >= len(orig) || (i > 0 && p <= pos[i-1]) {
				t.Fatalf("positions %v not increasing within %d runes", pos, len(orig))
			}
			if unicode.ToLower(orig[p]) != lp[i] {
				t.Fatalf("position %d holds %q, pattern has %q", p, orig[p], lp[i])
			}
		}
		if len(pos) > 0 && score != scorePositions(pos, orig) {
			t.Fatalf("score %d but its positions score %d", score, scorePositions(pos, orig))
		}
	})
}
