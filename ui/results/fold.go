package results

import (
	"slices"
	"strconv"
)

// folds is the set of folded containers and the row mapping it implies.
// It is immutable: every change builds a new one, so Model copies share it
// safely. Rows are what the pane shows (a folded container is one row);
// lines are the document's.
type folds struct {
	folded []int32 // every folded opening line, sorted (nested ones too)
	// outer are the folds not inside another fold, sorted: only these hide
	// lines. hidden[k] is the number of lines hidden by outer[:k].
	outer  []int32
	closes []int32 // closes[k] is the closing line of outer[k]
	hidden []int32 // len(outer)+1 prefix sums
}

// newFolds builds the mapping for a set of folded opening lines (sorted,
// unique). Nested folds are remembered but only the outermost hide lines.
// It is O(len(folded)).
func newFolds(s *structure, folded []int32) *folds {
	f := &folds{folded: folded, hidden: make([]int32, 1, len(folded)+1)}
	end := int32(-1) // last line hidden by the current outer fold
	for _, o := range folded {
		if o <= end {
			continue // inside an outer fold
		}
		c := s.close[o]
		f.outer = append(f.outer, o)
		f.closes = append(f.closes, c)
		f.hidden = append(f.hidden, f.hidden[len(f.hidden)-1]+c-o)
		end = c
	}
	return f
}

// rows is the number of visible rows of a document of n lines.
func (f *folds) rows(n int) int {
	if f == nil {
		return n
	}
	return n - int(f.hidden[len(f.hidden)-1])
}

// line maps a visible row to the document line shown there (a folded row
// shows its opening line).
func (f *folds) line(row int) int {
	if f == nil || len(f.outer) == 0 {
		return row
	}
	// The last outer fold whose row is at or before row (fold rows rise with lines).
	lo, hi := 0, len(f.outer)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(f.outer[mid]-f.hidden[mid]) <= row {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	i := lo - 1
	if i < 0 {
		return row
	}
	if int(f.outer[i]-f.hidden[i]) == row {
		return int(f.outer[i])
	}
	return row + int(f.hidden[i+1])
}

// row maps a document line to the row that shows it: a hidden line maps
// to the row of the fold hiding it.
func (f *folds) row(line int) int {
	if f == nil || len(f.outer) == 0 {
		return line
	}
	i, found := slices.BinarySearch(f.outer, int32(line))
	if !found {
		i--
	}
	if i < 0 {
		return line
	}
	if line <= int(f.closes[i]) {
		return int(f.outer[i] - f.hidden[i])
	}
	return line - int(f.hidden[i+1])
}

// isFolded reports whether opening line o is folded.
func (f *folds) isFolded(o int) bool {
	if f == nil {
		return false
	}
	_, ok := slices.BinarySearch(f.folded, int32(o))
	return ok
}

// with returns the set with o folded (on) or unfolded (off).
func (f *folds) with(s *structure, o int, on bool) *folds {
	var cur []int32
	if f != nil {
		cur = f.folded
	}
	i, found := slices.BinarySearch(cur, int32(o))
	if found == on {
		return f
	}
	next := make([]int32, 0, len(cur)+1)
	next = append(next, cur[:i]...)
	if on {
		next = append(next, int32(o))
		next = append(next, cur[i:]...)
	} else {
		next = append(next, cur[i+1:]...)
	}
	return newFolds(s, next)
}

// unfoldAround returns the set with every fold hiding line unfolded, so
// the line becomes visible (a search match inside a fold).
func (f *folds) unfoldAround(s *structure, line int) *folds {
	if f == nil || len(f.outer) == 0 {
		return f
	}
	next := f
	for p := s.container(line); p >= 0; p = s.parent(p) {
		if p != line {
			next = next.with(s, p, false)
		}
	}
	return next
}

// foldSummary is what a folded row shows after its opening bracket:
// "…} 12 keys" or "…] 80,000 items".
func foldSummary(open byte, kids int32) string {
	if open == '{' {
		return "…} " + countOf(int(kids), "key")
	}
	return "…] " + countOf(int(kids), "item")
}

// countOf is "1 key", "12 keys", "80,000 items".
func countOf(n int, noun string) string {
	s := groupThousands(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

// groupThousands writes n with commas between groups of three digits.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
