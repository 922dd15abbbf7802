package schema

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// DocEntry is one search result of the docs pane: a type, a field, an input
// field, an argument or an enum value.
type DocEntry struct {
	// Kind is "type", "field", "input field", "argument" or "enum value".
	Kind string
	// Type is the type the entry belongs to (the type itself for a type).
	Type string
	// Field is the field (or input field, or enum value) name; "" for a type.
	Field string
	// Arg is the argument name, for an argument.
	Arg string
	// Signature shows the entry at a glance: "type Card" for a type,
	// "Cards(card_reference: String, ...): CardPage" for a field,
	// "Query.Cards(card_reference: String)" for an argument and
	// "CardState.ACTIVE" for an enum value.
	Signature string
	// Description is the entry's description.
	Description string
	// Deprecated is the deprecation reason; "" when not deprecated.
	Deprecated string
}

// Entry kinds, in the order results of equal rank are listed.
const (
	refType uint8 = iota
	refField
	refInputField
	refEnumValue
	refArg
)

// docRef points at one searchable element without building its DocEntry,
// which is only needed for the few results shown.
type docRef struct {
	def   *ast.Definition
	field int32 // index in def.Fields or def.EnumValues; -1 for the type
	arg   int32 // index in the field's arguments; -1 when not an argument
	kind  uint8
}

// searchIndex groups every element under its lower-cased name. Real schemas
// reuse names heavily (GitHub's has about 45,000 elements but far fewer
// distinct names: first, after, id, ...), so a search scans the distinct names
// once and expands only the matches it returns.
type searchIndex struct {
	names []string // distinct lower-cased names, shortest first, then sorted
	start []int32  // refs of names[i] are refs[start[i]:start[i+1]]
	refs  []docRef
}

// searchIndex returns the docs search index, building it on first use.
func (s *Schema) searchIndex() *searchIndex {
	s.indexOnce.Do(func() { s.index = buildSearchIndex(s.ast) })
	return s.index
}

// buildSearchIndex indexes every type that is not built in, with its fields,
// input fields, arguments and enum values.
func buildSearchIndex(s *ast.Schema) *searchIndex {
	typeNames := make([]string, 0, len(s.Types))
	for name, def := range s.Types {
		if !def.BuiltIn && !strings.HasPrefix(name, "__") {
			typeNames = append(typeNames, name)
		}
	}
	sort.Strings(typeNames)

	groups := make(map[string][]docRef, len(typeNames)*4)
	add := func(name string, r docRef) {
		key := strings.ToLower(name)
		groups[key] = append(groups[key], r)
	}
	for _, name := range typeNames {
		def := s.Types[name]
		add(name, docRef{def: def, field: -1, arg: -1, kind: refType})
		fieldKind := refField
		if def.Kind == ast.InputObject {
			fieldKind = refInputField
		}
		for i, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			add(f.Name, docRef{def: def, field: int32(i), arg: -1, kind: fieldKind})
			for j, a := range f.Arguments {
				add(a.Name, docRef{def: def, field: int32(i), arg: int32(j), kind: refArg})
			}
		}
		for i, v := range def.EnumValues {
			add(v.Name, docRef{def: def, field: int32(i), arg: -1, kind: refEnumValue})
		}
	}

	ix := &searchIndex{names: make([]string, 0, len(groups)), start: make([]int32, 0, len(groups)+1)}
	for name := range groups {
		ix.names = append(ix.names, name)
	}
	slices.SortFunc(ix.names, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	for _, name := range ix.names {
		g := groups[name]
		// Types were visited in name order, so a stable sort by kind leaves
		// each kind's entries ordered by type name.
		slices.SortStableFunc(g, func(a, b docRef) int { return cmp.Compare(a.kind, b.kind) })
		ix.start = append(ix.start, int32(len(ix.refs)))
		ix.refs = append(ix.refs, g...)
	}
	ix.start = append(ix.start, int32(len(ix.refs)))
	return ix
}

// Search finds up to limit elements whose name matches q, ignoring case:
// exact matches first, then names starting with q, then names containing it;
// within each, types first, then shorter names first, then fields, input
// fields, enum values and arguments, then by type name. "Type.name" searches the members of
// the types whose names start with "Type" (e.g. "card.bal"). An empty q or a
// limit below 1 finds nothing.
func (s *Schema) Search(q string, limit int) []DocEntry {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" || limit < 1 {
		return nil
	}
	typePrefix := ""
	if dot := strings.LastIndexByte(q, '.'); dot >= 0 {
		typePrefix, q = q[:dot], q[dot+1:]
		if q == "" {
			return nil
		}
	}
	ix := s.searchIndex()
	var buckets [3][]int32 // exact, prefix, substring: indexes into ix.names
	for i, name := range ix.names {
		switch {
		case len(name) < len(q):
		case name == q:
			buckets[0] = append(buckets[0], int32(i))
		case strings.HasPrefix(name, q):
			buckets[1] = append(buckets[1], int32(i))
		case strings.Contains(name, q):
			buckets[2] = append(buckets[2], int32(i))
		}
	}
	var out []DocEntry
	for _, b := range buckets {
		// Types first: a docs search is most often after a type.
		for _, types := range []bool{true, false} {
			for _, i := range b {
				for _, r := range ix.refs[ix.start[i]:ix.start[i+1]] {
					if (r.kind == refType) != types {
						continue
					}
					if typePrefix != "" && (r.kind == refType || !strings.HasPrefix(strings.ToLower(r.def.Name), typePrefix)) {
						continue
					}
					out = append(out, r.entry())
					if len(out) == limit {
						return out
					}
				}
			}
		}
	}
	return out
}

// entry builds the DocEntry that r points at.
func (r docRef) entry() DocEntry {
	def := r.def
	switch r.kind {
	case refType:
		sig := sdlKeyword(def.Kind) + " " + def.Name
		if def.Kind == ast.Union && len(def.Types) > 0 {
			sig += " = " + strings.Join(def.Types[:min(len(def.Types), 6)], " | ")
			if len(def.Types) > 6 {
				sig += " | ..."
			}
		}
		return DocEntry{Kind: "type", Type: def.Name, Signature: sig, Description: def.Description, Deprecated: DeprecationReason(def.Directives)}
	case refEnumValue:
		v := def.EnumValues[r.field]
		return DocEntry{Kind: "enum value", Type: def.Name, Field: v.Name, Signature: def.Name + "." + v.Name, Description: v.Description, Deprecated: DeprecationReason(v.Directives)}
	}
	f := def.Fields[r.field]
	if r.kind == refArg {
		a := f.Arguments[r.arg]
		return DocEntry{Kind: "argument", Type: def.Name, Field: f.Name, Arg: a.Name, Signature: def.Name + "." + f.Name + "(" + ArgSignature(a) + ")", Description: a.Description, Deprecated: DeprecationReason(a.Directives)}
	}
	kind := "field"
	if r.kind == refInputField {
		kind = "input field"
	}
	return DocEntry{Kind: kind, Type: def.Name, Field: f.Name, Signature: fieldSignature(def, f), Description: f.Description, Deprecated: DeprecationReason(f.Directives)}
}
