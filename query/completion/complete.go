package completion

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// Kind says what a completion inserts.
type Kind uint8

// The kinds of completion.
const (
	Field Kind = iota + 1
	Argument
	EnumValue
	InputField
	Variable
	Fragment
	Type
	Keyword
	Directive
)

// String names the kind in lower case ("field", "enum value", ...).
func (k Kind) String() string {
	switch k {
	case Field:
		return "field"
	case Argument:
		return "argument"
	case EnumValue:
		return "enum value"
	case InputField:
		return "input field"
	case Variable:
		return "variable"
	case Fragment:
		return "fragment"
	case Type:
		return "type"
	case Keyword:
		return "keyword"
	case Directive:
		return "directive"
	}
	return "unknown"
}

// Item is one suggestion for the cursor position.
type Item struct {
	// Label is what the list shows, e.g. "Cards" or "$ref".
	Label string
	// Kind says what it is.
	Kind Kind
	// Detail is the type signature: "Card!" for a field without arguments,
	// "(card_reference: String, page: Int): CardPage" for one with, the type
	// of an argument, input field or variable, the enum of an enum value.
	Detail string
	// Doc is the first line of the description.
	Doc string
	// Insert replaces the prefix Complete returned (the text just before the
	// cursor). A field or directive with required arguments inserts them
	// ready to fill in: `createBalanceAdjustment(card_reference: , merchant_id: )`.
	Insert string
	// CursorBack is how many bytes before the end of Insert the cursor should
	// go: into the first required argument's value, or 0 for the end.
	CursorBack int
	// Deprecated marks a deprecated field, argument, input field or enum value.
	Deprecated bool
}

// Sort groups of candidates of equal match rank.
const (
	groupRequired      = iota // required arguments and input fields
	groupNormal               // most things
	groupTypename             // __typename
	groupDeprecated           // deprecated fields, arguments, values
	groupIntrospection        // __schema and __type
)

// maxCompletions caps the list: nobody scrolls through more, and it bounds
// the work on a schema with thousands of types.
const maxCompletions = 200

// Complete suggests what may be typed at byte offset in text, which may be an
// incomplete document (unbalanced braces, a trailing "(", a missing ")").
// prefix is the part of a name just before the cursor that the suggestions
// replace. Items match prefix ignoring case (exact, then prefix, then
// substring, then its letters in order from the same first letter); equal
// matches list required arguments first, then the rest, __typename, anything
// deprecated and introspection's fields, each in schema order (types
// alphabetically). At most 200 are returned. Inside a string or a comment,
// or in a number, there is nothing to suggest. offset is clamped to the text
// and moved back onto a character boundary.
func Complete(s *schema.Schema, text string, offset int) (prefix string, items []Item) {
	offset = clampOffset(text, offset)
	prefix, ok := namePrefix(text, offset)
	if !ok {
		return "", nil
	}
	c := newContext(s)
	if end := scanTokens(text[:offset-len(prefix)], c.feed); end != endClean {
		return prefix, nil
	}
	cands := c.candidates(text, offset)
	return prefix, rankCompletions(cands, prefix)
}

// clampOffset moves offset into text and back onto a UTF-8 boundary.
func clampOffset(text string, offset int) int {
	offset = max(0, min(offset, len(text)))
	for offset > 0 && offset < len(text) && !utf8.RuneStart(text[offset]) {
		offset--
	}
	return offset
}

// namePrefix returns the name characters just before offset. It reports
// false when they begin with a digit: the cursor is in a number.
func namePrefix(text string, offset int) (string, bool) {
	start := offset
	for start > 0 && isNameByte(text[start-1]) {
		start--
	}
	if start < offset && text[start] >= '0' && text[start] <= '9' {
		return "", false
	}
	return text[start:offset], true
}

// isNameByte reports whether b may appear in a GraphQL name.
func isNameByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// candidate is a completion before filtering, with its sort group (see the
// group constants); ties keep the order candidates were listed in.
type candidate struct {
	Item
	group int
}

// rankCompletions keeps the candidates that match prefix and sorts them.
func rankCompletions(cands []candidate, prefix string) []Item {
	type ranked struct {
		c          *candidate
		rank, slot int
	}
	matches := make([]ranked, 0, len(cands))
	for i := range cands {
		if r := matchRank(cands[i].Label, prefix); r >= 0 {
			matches = append(matches, ranked{&cands[i], r, i})
		}
	}
	slices.SortFunc(matches, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.c.group, b.c.group), cmp.Compare(a.slot, b.slot))
	})
	out := make([]Item, 0, min(len(matches), maxCompletions))
	for _, m := range matches[:min(len(matches), maxCompletions)] {
		out = append(out, m.c.Item)
	}
	return out
}

// matchRank rates how label matches prefix, ignoring ASCII case: 0 equal,
// 1 starts with it (an empty prefix matches everything here), 2 contains it,
// 3 contains its letters in order, -1 no match. A leading "$" on the label
// (variables) is ignored.
func matchRank(label, prefix string) int {
	label = strings.TrimPrefix(label, "$")
	switch {
	case strings.EqualFold(label, prefix) && prefix != "":
		return 0
	case len(label) >= len(prefix) && strings.EqualFold(label[:len(prefix)], prefix):
		return 1
	case containsFold(label, prefix):
		return 2
	case fuzzyMatch(label, prefix):
		return 3
	}
	return -1
}

// fuzzyMatch reports whether label holds the letters of prefix in order and
// starts with its first letter (leading underscores aside, unless prefix has
// them too): "crba" finds createBalanceAdjustment, but "Ca" does not find
// __schema, which would only be noise.
func fuzzyMatch(label, prefix string) bool {
	if prefix == "" {
		return true
	}
	if prefix[0] != '_' {
		label = strings.TrimLeft(label, "_")
	}
	return label != "" && lowerASCII(label[0]) == lowerASCII(prefix[0]) && subsequenceFold(label[1:], prefix[1:])
}

// containsFold reports whether s contains sub, ignoring ASCII case, without
// allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// subsequenceFold reports whether the bytes of sub appear in s in order,
// ignoring ASCII case: "cref" matches "card_reference".
func subsequenceFold(s, sub string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(sub); i++ {
		if lowerASCII(s[i]) == lowerASCII(sub[j]) {
			j++
		}
	}
	return j == len(sub)
}

func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// firstLine returns the first line of a description, trimmed.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}
