package docs

import (
	"sort"
	"strconv"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/vektah/gqlparser/v2/ast"
)

// rowKind is what a home page row is.
type rowKind uint8

const (
	rowSpacer rowKind = iota // a blank line before a section
	rowHeader                // a section title
	rowLink                  // a type; enter opens its page
)

// homeRow is one line of the home page.
type homeRow struct {
	kind rowKind
	name string // the section title, or the type's name
	note string // for a root: "query", "mutation" or "subscription"
	desc string // the type's description's first line, sanitised
}

// maxNameCol caps the home page's name column, so one very long type name cannot push every
// description off the screen.
const maxNameCol = 32

// kindSection is one group of the home page, in the order shown.
type kindSection struct {
	kind  ast.DefinitionKind
	title string
}

// kindSections is the order of the home page's groups.
var kindSections = [...]kindSection{
	{ast.Object, "Objects"},
	{ast.InputObject, "Input objects"},
	{ast.Enum, "Enums"},
	{ast.Interface, "Interfaces"},
	{ast.Union, "Unions"},
	{ast.Scalar, "Scalars"},
}

// buildHome lists the roots, then every type grouped by kind and sorted by name, then (when
// builtIns is set) the built-in types. It returns the rows and the name column's width. It
// runs once per schema (and per toggle), not per frame: GitHub's schema has ~1,600 types.
func buildHome(s *schema.Schema, builtIns bool) ([]homeRow, int) {
	types := s.AST().Types
	names := make([]string, 0, len(types))
	for name := range types {
		names = append(names, name)
	}
	sort.Strings(names)

	var rows []homeRow
	nameCol := 0
	link := func(name, note string) {
		rows = append(rows, homeRow{kind: rowLink, name: name, note: note, desc: firstLine(types[name].Description)})
		nameCol = max(nameCol, lenRunes(name))
	}
	section := func(title string, n int) {
		if len(rows) > 0 {
			rows = append(rows, homeRow{kind: rowSpacer})
		}
		rows = append(rows, homeRow{kind: rowHeader, name: title + " (" + strconv.Itoa(n) + ")"})
	}

	q, mu, sub := s.Roots()
	var roots [][2]string
	for _, r := range [][2]string{{q, "query"}, {mu, "mutation"}, {sub, "subscription"}} {
		if r[0] != "" && types[r[0]] != nil {
			roots = append(roots, r)
		}
	}
	if len(roots) > 0 {
		section("Roots", len(roots))
		for _, r := range roots {
			link(r[0], r[1])
		}
	}
	for _, ks := range kindSections {
		var group []string
		for _, name := range names {
			if d := types[name]; d.Kind == ks.kind && !isBuiltIn(d) {
				group = append(group, name)
			}
		}
		if len(group) == 0 {
			continue
		}
		section(ks.title, len(group))
		for _, name := range group {
			link(name, "")
		}
	}
	if builtIns {
		var group []string
		for _, name := range names {
			if isBuiltIn(types[name]) {
				group = append(group, name)
			}
		}
		section("Built-in", len(group))
		for _, name := range group {
			link(name, "")
		}
	}
	return rows, min(nameCol, maxNameCol)
}

// isBuiltIn reports whether a type is one every schema has: the standard scalars and the
// introspection types.
func isBuiltIn(d *ast.Definition) bool { return d.BuiltIn || strings.HasPrefix(d.Name, "__") }

// homeRowFor is the index of the link row for name, else of the first link row (0 if none).
func (m Model) homeRowFor(name string) int {
	first := -1
	for i, r := range m.home {
		if r.kind != rowLink {
			continue
		}
		if first < 0 {
			first = i
		}
		if name != "" && r.name == name {
			return i
		}
	}
	return max(first, 0)
}

// toggleBuiltIns shows or hides the built-in types, keeping the selection on its type when it
// is still listed.
func (m Model) toggleBuiltIns() Model {
	m.builtIns = !m.builtIns
	m.home, m.nameCol = buildHome(m.schema, m.builtIns)
	if m.cur.typeName == "" {
		m.cur.row = m.homeRowFor(m.cur.rowName)
	}
	return m
}
