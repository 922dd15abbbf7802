package completion

import (
	"slices"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// candidates lists what may come next at the end of the fed tokens. text and
// offset are the whole document and the cursor, for what lies elsewhere:
// fragment definitions and whether "(" already follows the cursor.
func (c *cursorCtx) candidates(text string, offset int) []candidate {
	t := c.top()
	if t.dir == dirAt {
		return c.directives(t.dirLoc, followedBy(text, offset, '('))
	}
	switch t.kind {
	case inDocument:
		return c.keywords()
	case inFragment:
		switch t.state {
		case headName:
			return []candidate{keyword("on")}
		case headOn:
			return c.typeConditions(nil)
		}
	case inVarDefs:
		if t.state == varType {
			return c.inputTypes()
		}
	case inSelection:
		switch t.state {
		case selField, selName, selAlias, selDone, selFragSpread:
			return c.fields(t.def, followedBy(text, offset, '('))
		case selSpread:
			return append(c.fragments(text, t.def), keyword("on"))
		case selOn:
			return c.typeConditions(t.def)
		}
	case inArgs, inObject:
		switch t.state {
		case argName, argDone:
			return c.members(t)
		case argValue:
			return c.values(t.expect)
		case argDollar:
			return c.variables(t.expect)
		}
	case inList:
		if t.state == listDollar {
			return c.variables(t.expect)
		}
		return c.values(t.expect)
	}
	return nil
}

// followedBy reports whether the first non-blank byte at or after offset is b.
func followedBy(text string, offset int, b byte) bool {
	rest := strings.TrimLeft(text[offset:], " \t")
	return rest != "" && rest[0] == b
}

func keyword(word string) candidate {
	return candidate{Item: Item{Label: word, Kind: Keyword, Insert: word}, group: groupNormal}
}

// keywords are the words that start a definition.
func (c *cursorCtx) keywords() []candidate {
	out := []candidate{keyword("query")}
	if c.s.AST().Mutation != nil {
		out = append(out, keyword("mutation"))
	}
	if c.s.AST().Subscription != nil {
		out = append(out, keyword("subscription"))
	}
	return append(out, keyword("fragment"))
}

// fields lists the fields of def, then __typename. Introspection's __schema
// and __type (on the query root) sort after everything else, deprecated
// fields included: they are rarely what the user is after. Unless "("
// already follows, a field with required arguments inserts them.
func (c *cursorCtx) fields(def *ast.Definition, parenFollows bool) []candidate {
	if def == nil {
		return nil
	}
	out := make([]candidate, 0, len(def.Fields)+1)
	for _, f := range def.Fields {
		group := deprecatedGroup(f.Directives, groupNormal)
		if strings.HasPrefix(f.Name, "__") {
			group = groupIntrospection
		}
		insert, back := f.Name, 0
		if !parenFollows {
			insert, back = withRequiredArgs(f.Name, f.Arguments)
		}
		out = append(out, candidate{Item: Item{
			Label:      f.Name,
			Kind:       Field,
			Detail:     fieldDetail(f),
			Doc:        firstLine(f.Description),
			Insert:     insert,
			CursorBack: back,
			Deprecated: schema.DeprecationReason(f.Directives) != "",
		}, group: group})
	}
	out = append(out, candidate{Item: Item{
		Label: "__typename", Kind: Field, Detail: "String!", Doc: typenameDoc, Insert: "__typename",
	}, group: groupTypename})
	return out
}

// withRequiredArgs returns the text inserting name with its required
// arguments, `name(a: , b: )`, and how far back from its end the cursor goes
// (to the first value); just name and 0 when none is required.
func withRequiredArgs(name string, args ast.ArgumentDefinitionList) (string, int) {
	var b strings.Builder
	first := 0
	for _, a := range args {
		if !a.Type.NonNull || a.DefaultValue != nil {
			continue
		}
		if b.Len() == 0 {
			b.WriteString(name)
			b.WriteByte('(')
		} else {
			b.WriteString(", ")
		}
		b.WriteString(a.Name)
		b.WriteString(": ")
		if first == 0 {
			first = b.Len()
		}
	}
	if b.Len() == 0 {
		return name, 0
	}
	b.WriteByte(')')
	return b.String(), b.Len() - first
}

// fieldDetail is "(a: T, b: U): R" for a field with arguments, else "R".
func fieldDetail(f *ast.FieldDefinition) string {
	if len(f.Arguments) == 0 {
		return f.Type.String()
	}
	parts := make([]string, len(f.Arguments))
	for i, a := range f.Arguments {
		parts[i] = schema.ArgSignature(a)
	}
	return "(" + strings.Join(parts, ", ") + "): " + f.Type.String()
}

// deprecatedGroup is the sort group: groupDeprecated for a deprecated
// element, else group.
func deprecatedGroup(dirs ast.DirectiveList, group int) int {
	if dirs.ForName("deprecated") != nil {
		return groupDeprecated
	}
	return group
}

// members lists the arguments (inArgs) or input fields (inObject) not given
// yet, required ones first.
func (c *cursorCtx) members(t *frame) []candidate {
	var out []candidate
	if t.kind == inObject {
		if t.def == nil {
			return nil
		}
		for _, f := range t.def.Fields {
			if slices.Contains(t.given, f.Name) {
				continue
			}
			out = append(out, memberCandidate(f.Name, InputField, f.Type, f.DefaultValue, f.Description, f.Directives))
		}
		return out
	}
	for _, a := range t.args {
		if slices.Contains(t.given, a.Name) {
			continue
		}
		out = append(out, memberCandidate(a.Name, Argument, a.Type, a.DefaultValue, a.Description, a.Directives))
	}
	return out
}

func memberCandidate(name string, kind Kind, typ *ast.Type, def *ast.Value, desc string, dirs ast.DirectiveList) candidate {
	detail, group := typ.String(), groupNormal
	if def != nil {
		detail += " = " + def.String()
	} else if typ.NonNull {
		group = groupRequired
	}
	return candidate{Item: Item{
		Label:      name,
		Kind:       kind,
		Detail:     detail,
		Doc:        firstLine(desc),
		Insert:     name + ": ",
		Deprecated: dirs.ForName("deprecated") != nil,
	}, group: deprecatedGroup(dirs, group)}
}

// values lists the literal values that fit type t: enum values, true and
// false, and null when t is nullable.
func (c *cursorCtx) values(t *ast.Type) []candidate {
	if t == nil {
		return nil
	}
	var out []candidate
	def := c.s.AST().Types[t.Name()]
	switch {
	case def == nil:
	case def.Kind == ast.Enum:
		for _, v := range def.EnumValues {
			out = append(out, candidate{Item: Item{
				Label: v.Name, Kind: EnumValue, Detail: def.Name, Doc: firstLine(v.Description),
				Insert: v.Name, Deprecated: v.Directives.ForName("deprecated") != nil,
			}, group: deprecatedGroup(v.Directives, groupNormal)})
		}
	case def.Name == "Boolean":
		out = append(out, keyword("true"), keyword("false"))
	}
	if !t.NonNull {
		out = append(out, keyword("null"))
	}
	return out
}

// variables lists the operation's variables, those whose type has the same
// named type as the expected one first.
func (c *cursorCtx) variables(expect *ast.Type) []candidate {
	out := make([]candidate, 0, len(c.vars))
	for _, v := range c.vars {
		group := groupNormal
		if t, ok := schema.ParseTypeText(v.typ); ok && expect != nil && t.Name() == expect.Name() {
			group = groupRequired // a fitting variable comes first
		}
		out = append(out, candidate{Item: Item{
			Label: "$" + v.name, Kind: Variable, Detail: v.typ, Insert: v.name,
		}, group: group})
	}
	return out
}

// inputTypes lists the types a variable may have: scalars, enums and input
// objects, alphabetically.
func (c *cursorCtx) inputTypes() []candidate {
	var out []candidate
	for _, def := range c.s.SortedTypes() {
		if def.IsInputType() && !strings.HasPrefix(def.Name, "__") {
			out = append(out, typeCandidate(def))
		}
	}
	return out
}

// typeConditions lists the types a fragment may apply to: within a selection
// on parent, parent and the types that overlap it (its interfaces, possible
// types and the unions that include it); for a fragment definition (parent
// nil) every object, interface and union.
func (c *cursorCtx) typeConditions(parent *ast.Definition) []candidate {
	var out []candidate
	if parent == nil {
		for _, def := range c.s.SortedTypes() {
			if def.IsCompositeType() && !strings.HasPrefix(def.Name, "__") {
				out = append(out, typeCandidate(def))
			}
		}
		return out
	}
	seen := map[string]bool{}
	add := func(def *ast.Definition) {
		if def != nil && !seen[def.Name] {
			seen[def.Name] = true
			out = append(out, typeCandidate(def))
		}
	}
	add(parent)
	for _, d := range c.s.AST().GetPossibleTypes(parent) {
		add(d)
	}
	for _, d := range c.s.AST().GetImplements(parent) {
		add(d)
	}
	slices.SortStableFunc(out[1:], func(a, b candidate) int { return strings.Compare(a.Label, b.Label) })
	return out
}

func typeCandidate(def *ast.Definition) candidate {
	return candidate{Item: Item{
		Label: def.Name, Kind: Type, Detail: schema.KindName(def.Kind), Doc: firstLine(def.Description), Insert: def.Name,
	}, group: groupNormal}
}

// fragments lists the fragments defined anywhere in text, those that can
// apply to parent first.
func (c *cursorCtx) fragments(text string, parent *ast.Definition) []candidate {
	var out []candidate
	for _, f := range fragmentDefs(text) {
		group := groupNormal
		if parent != nil && (f.on == parent.Name || c.overlaps(parent, f.on)) {
			group = groupRequired // a fragment that fits comes first
		}
		out = append(out, candidate{Item: Item{
			Label: f.name, Kind: Fragment, Detail: "on " + f.on, Insert: f.name,
		}, group: group})
	}
	return out
}

// overlaps reports whether a fragment on type name can apply within parent.
func (c *cursorCtx) overlaps(parent *ast.Definition, name string) bool {
	for _, d := range c.s.AST().GetPossibleTypes(parent) {
		if d.Name == name {
			return true
		}
	}
	for _, d := range c.s.AST().GetImplements(parent) {
		if d.Name == name {
			return true
		}
	}
	return false
}

// fragmentDef is a fragment definition found in the text.
type fragmentDef struct{ name, on string }

// fragmentDefs finds "fragment Name on Type" at the top level of text.
func fragmentDefs(text string) []fragmentDef {
	var out []fragmentDef
	depth, step := 0, 0
	var cur fragmentDef
	scanTokens(text, func(kind lexer.Type, value string) {
		switch kind {
		case lexer.BraceL:
			depth++
		case lexer.BraceR:
			depth = max(0, depth-1)
		}
		switch {
		case depth > 0 || kind != lexer.Name:
			step = 0
		case step == 0 && value == "fragment":
			step = 1
		case step == 1:
			cur.name, step = value, 2
		case step == 2 && value == "on":
			step = 3
		case step == 3:
			cur.on, step = value, 0
			out = append(out, cur)
		default:
			step = 0
		}
	})
	return out
}

// directives lists the directives allowed at loc. Unless "(" already
// follows, one with required arguments inserts them.
func (c *cursorCtx) directives(loc ast.DirectiveLocation, parenFollows bool) []candidate {
	var out []candidate
	for _, d := range c.s.SortedDirectives() {
		if !slices.Contains(d.Locations, loc) {
			continue
		}
		insert, back := d.Name, 0
		if !parenFollows {
			insert, back = withRequiredArgs(d.Name, d.Arguments)
		}
		detail := ""
		if len(d.Arguments) > 0 {
			parts := make([]string, len(d.Arguments))
			for i, a := range d.Arguments {
				parts[i] = schema.ArgSignature(a)
			}
			detail = "(" + strings.Join(parts, ", ") + ")"
		}
		out = append(out, candidate{Item: Item{
			Label: d.Name, Kind: Directive, Detail: detail, Doc: firstLine(d.Description), Insert: insert, CursorBack: back,
		}, group: groupNormal})
	}
	return out
}
