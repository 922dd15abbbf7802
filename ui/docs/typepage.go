package docs

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// block is a run of lines of a type page: one selectable item (a link, a field, an argument, an
// enum value), or text around them (sel.kind == itemNone).
type block struct {
	sel   target
	lines []string
}

// Indents of a type page: items start with a two-cell marker; their details sit under the
// name; an expanded field's arguments one level deeper.
const (
	detailIndent    = "    "
	argIndent       = "    "
	argDetailIndent = "        "
)

// typeBlocks lays out the current type page at width: the header (kind, name, description),
// the links, then the fields or enum values. Only the selected field is expanded (its whole
// description, its arguments with theirs), so a page stays a list that can be scanned.
func (m Model) typeBlocks(width int) []block {
	st := m.styles()
	doc := m.cur.doc
	var blocks []block
	text := func(lines ...string) { blocks = append(blocks, block{lines: lines}) }

	head := st.Kind.Render(doc.Kind) + " " + st.TypeName.Render(clean(doc.Name))
	if doc.BuiltIn {
		head += st.Faint.Render(" (built-in)")
	}
	text(fit(head, width))
	if desc := wrapText(doc.Description, width, ""); len(desc) > 0 {
		text(desc...)
	}
	if doc.SpecifiedBy != "" {
		text(fit(st.Faint.Render("specified by "+clean(doc.SpecifiedBy)), width))
	}

	links := m.cur.links()
	section := func(title string, n int) {
		text("", st.Section.Render(title+" ("+strconv.Itoa(n)+")"))
	}
	for i, name := range links {
		if i == 0 && len(doc.Interfaces) > 0 {
			section("Implements", len(doc.Interfaces))
		}
		if i == len(doc.Interfaces) {
			title := "Possible types"
			if doc.Kind == "interface" {
				title = "Implemented by"
			}
			section(title, len(doc.PossibleTypes))
		}
		blocks = append(blocks, m.linkBlock(i, name, width))
	}

	if len(doc.Fields) > 0 {
		title := "Fields"
		if doc.Kind == "input object" {
			title = "Input fields"
		}
		section(title, len(doc.Fields))
		for i := range doc.Fields {
			blocks = append(blocks, m.fieldBlocks(i, width)...)
		}
	}
	if len(doc.EnumValues) > 0 {
		section("Values", len(doc.EnumValues))
		for i := range doc.EnumValues {
			blocks = append(blocks, m.valueBlock(i, width))
		}
	}
	if len(links)+len(doc.Fields)+len(doc.EnumValues) == 0 && doc.Kind != "scalar" {
		text("", st.Faint.Render("Nothing to list."))
	}
	return blocks
}

// marker is the selection mark that starts every item line.
func (m Model) marker(selected bool) string {
	if selected {
		return m.styles().Selected.Render("▸ ")
	}
	return "  "
}

// linkBlock is a link to another type, with that type's description's first line.
func (m Model) linkBlock(i int, name string, width int) block {
	t := target{kind: itemLink, index: i}
	selected := m.cur.sel == t
	desc := ""
	if def := m.schema.AST().Types[name]; def != nil && def.Description != "" {
		desc = "  " + firstLine(def.Description)
	}
	return block{sel: t, lines: m.sigLines("", name, desc, selected, false, false, width, 0)}
}

// fieldBlocks is field i: collapsed to its signature, deprecation and the description's first
// line, or, when it holds the selection, expanded to its whole description followed by one
// block per argument.
func (m Model) fieldBlocks(i, width int) []block {
	st := m.styles()
	f := m.cur.doc.Fields[i]
	sel := m.cur.sel
	expanded := (sel.kind == itemField || sel.kind == itemArg) && sel.index == i
	t := target{kind: itemField, index: i}
	selected := sel == t

	rest := clean(strings.TrimPrefix(f.Signature, f.Name))
	if expanded && len(f.Args) > 0 && ansi.StringWidth(f.Name+rest)+2 > width {
		// The arguments are listed one per line below: the signature need not wrap over
		// several lines to show them.
		rest = "(…): " + clean(f.Type)
	}
	lines := m.sigLines("", f.Name, rest, selected, f.Deprecated != "", expanded, width, len(detailIndent))
	lines = append(lines, m.deprecation(f.Deprecated, expanded, width, detailIndent)...)
	if !expanded {
		if f.Description != "" {
			lines = append(lines, fit(detailIndent+st.Faint.Render(firstLine(f.Description)), width))
		}
		return []block{{sel: t, lines: lines}}
	}
	if desc := wrapText(f.Description, width, detailIndent); len(desc) > 0 {
		lines = append(lines, desc...)
	} else {
		lines = append(lines, detailIndent+st.Faint.Render("No description."))
	}
	if len(f.Args) > 0 {
		lines = append(lines, detailIndent+st.Section.Render("Arguments"))
	}
	out := []block{{sel: t, lines: lines}}
	for j, a := range f.Args {
		out = append(out, m.argBlock(i, j, a, width))
	}
	return out
}

// argBlock is argument j of field i, listed under the expanded field with its description.
func (m Model) argBlock(i, j int, a schema.ArgDoc, width int) block {
	st := m.styles()
	t := target{kind: itemArg, index: i, arg: j}
	selected := m.cur.sel == t
	rest := ": " + clean(a.Type)
	if a.Default != "" {
		rest += " = " + clean(a.Default)
	}
	lines := m.sigLines(argIndent, a.Name, rest, selected, a.Deprecated != "", true, width, len(argDetailIndent))
	if a.Required {
		lines[len(lines)-1] += st.Faint.Render("  required")
	}
	lines = append(lines, m.deprecation(a.Deprecated, true, width, argDetailIndent)...)
	lines = append(lines, wrapText(a.Description, width, argDetailIndent)...)
	return block{sel: t, lines: lines}
}

// valueBlock is enum value i: its description's first line, or all of it when selected.
func (m Model) valueBlock(i, width int) block {
	st := m.styles()
	v := m.cur.doc.EnumValues[i]
	t := target{kind: itemValue, index: i}
	selected := m.cur.sel == t
	lines := m.sigLines("", v.Name, "", selected, v.Deprecated != "", false, width, 0)
	lines = append(lines, m.deprecation(v.Deprecated, selected, width, detailIndent)...)
	switch {
	case selected:
		lines = append(lines, wrapText(v.Description, width, detailIndent)...)
	case v.Description != "":
		lines = append(lines, fit(detailIndent+st.Faint.Render(firstLine(v.Description)), width))
	}
	return block{sel: t, lines: lines}
}

// sigLines draws an item's first line: prefix, the selection marker, name (struck through when
// deprecated, highlighted when selected) and rest (arguments and type). The plain text is cut
// to width, or wrapped with a hanging indent when wrap is set, before it is styled, so no
// style runs across a line break.
func (m Model) sigLines(prefix, name, rest string, selected, deprecated, wrap bool, width, hang int) []string {
	st := m.styles()
	mark := "  "
	if selected {
		mark = "▸ "
	}
	name = clean(name)
	head := prefix + mark
	plain := head + name + rest
	var lines []string
	if wrap {
		lines = wrapHanging(plain, width, hang)
	} else {
		lines = []string{fit(plain, width)}
	}
	for i, l := range lines {
		body, ok := strings.CutPrefix(l, head+name)
		switch {
		case i == 0 && ok:
			lines[i] = prefix + m.marker(selected) + m.nameStyle(selected, deprecated).Render(name) + st.Type.Render(body)
		default:
			lines[i] = st.Type.Render(l)
		}
	}
	return lines
}

// deprecation is the "deprecated: reason" line (wrapped when full, else cut), or nothing.
func (m Model) deprecation(reason string, full bool, width int, indent string) []string {
	if reason == "" {
		return nil
	}
	st := m.styles()
	if !full {
		return []string{fit(indent+st.Deprecated.Render("deprecated: "+firstLine(reason)), width)}
	}
	lines := wrapText("deprecated: "+reason, width, indent)
	for i, l := range lines {
		lines[i] = st.Deprecated.Render(l)
	}
	return lines
}
