package completion

import (
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// FieldAt finds the field whose name (or alias) is under the cursor at byte
// offset, for "docs of the field under the cursor", and returns the type it
// belongs to and its name. The name of one of a field's arguments counts as
// that field. Like Complete, it works on incomplete documents. It reports
// false anywhere else, or when the schema has no such field.
func FieldAt(s *schema.Schema, text string, offset int) (typeName, fieldName string, ok bool) {
	offset = clampOffset(text, offset)
	start, end := offset, offset
	for start > 0 && isNameByte(text[start-1]) {
		start--
	}
	for end < len(text) && isNameByte(text[end]) {
		end++
	}
	if start == end || text[start] >= '0' && text[start] <= '9' {
		return "", "", false
	}
	name := text[start:end]
	c := newContext(s)
	if scanTokens(text[:start], c.feed) != endClean {
		return "", "", false
	}
	t := c.top()
	if t.dir != dirNone {
		return "", "", false
	}
	switch t.kind {
	case inSelection:
		switch t.state {
		case selField, selName, selDone, selFragSpread:
			if field, isAlias := aliasTarget(text[end:]); isAlias {
				name = field
			}
		case selAlias:
		default:
			return "", "", false
		}
		if t.def == nil {
			return "", "", false
		}
		if f := c.fieldOf(t.def, name); f != nil {
			return t.def.Name, f.Name, true
		}
	case inArgs:
		if t.owner != nil && t.ownerType != nil {
			return t.ownerType.Name, t.owner.Name, true
		}
	}
	return "", "", false
}

// aliasTarget reads, from the text after a name, ": field" and returns the
// field's name when the name was an alias.
func aliasTarget(rest string) (string, bool) {
	rest = strings.TrimLeft(rest, " \t\r\n,")
	if !strings.HasPrefix(rest, ":") {
		return "", false
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n,")
	n := 0
	for n < len(rest) && isNameByte(rest[n]) {
		n++
	}
	if n == 0 {
		return "", false
	}
	return rest[:n], true
}
