package docs

import (
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
)

// itemKind is what a selectable item of a type page is.
type itemKind uint8

const (
	itemNone  itemKind = iota // nothing selectable (an empty type)
	itemLink                  // an interface or possible type; index into page.links
	itemField                 // a field or input field; index into doc.Fields
	itemArg                   // an argument; index is the field, arg the argument
	itemValue                 // an enum value; index into doc.EnumValues
)

// target identifies a selectable item of a type page. It names the item rather than its position
// in the list because the list changes with the selection: only the selected field's
// arguments are listed.
type target struct {
	kind       itemKind
	index, arg int
}

// clamp returns t if it still points into doc, else the page's first item.
func (t target) clamp(doc *schema.TypeDoc) target {
	ok := false
	switch t.kind {
	case itemLink:
		ok = t.index < len(doc.Interfaces)+len(doc.PossibleTypes)
	case itemField:
		ok = t.index < len(doc.Fields)
	case itemArg:
		ok = t.index < len(doc.Fields) && t.arg < len(doc.Fields[t.index].Args)
	case itemValue:
		ok = t.index < len(doc.EnumValues)
	}
	if ok {
		return t
	}
	return firstTarget(doc)
}

// firstTarget is the first selectable item of a type page, in the order the page lists them.
func firstTarget(doc *schema.TypeDoc) target {
	switch {
	case len(doc.Interfaces)+len(doc.PossibleTypes) > 0:
		return target{kind: itemLink}
	case len(doc.Fields) > 0:
		return target{kind: itemField}
	case len(doc.EnumValues) > 0:
		return target{kind: itemValue}
	}
	return target{}
}

// page is one page of the browser: the home page (typeName "") or a type's page.
type page struct {
	typeName string
	// via is the field (or "field(arg)") followed to reach this page from the one before it;
	// "" when the page was opened directly (from the home page, a search or Open), which
	// starts a new breadcrumb.
	via string
	doc *schema.TypeDoc // the type's docs, built once per page; shared, never modified

	sel     target // selection on a type page
	row     int    // selection on the home page: an index into Model.home
	rowName string // the type the home selection is on, to find it again after a rebuild
	scroll  int    // first content line shown
}

// links are the types a type page lists as links: the interfaces it implements, then its
// possible types (a union's members, an interface's implementations).
func (p page) links() []string {
	if p.doc == nil {
		return nil
	}
	return append(append([]string(nil), p.doc.Interfaces...), p.doc.PossibleTypes...)
}

// push shows p and keeps the current page to come back to. back is never appended in place,
// so a copy of the model taken earlier keeps its own history.
func (m Model) push(p page) Model {
	m.back = append(m.back[:len(m.back):len(m.back)], m.cur)
	m.cur = p
	return m
}

// goBack returns to the previous page, if any.
func (m Model) goBack() Model {
	if n := len(m.back); n > 0 {
		m.cur, m.back = m.back[n-1], m.back[:n-1:n-1]
		if m.cur.typeName == "" {
			// The home rows may have been rebuilt meanwhile (built-ins toggled, schema
			// refreshed): find the selected type again by name.
			m.cur.row = m.homeRowFor(m.cur.rowName)
		}
	}
	return m
}

// openTarget pushes the page of typeName with member (a field, input field or enum value) and
// arg selected. via labels the step for the breadcrumb. When the page on show is already that
// type's (and the step is not a follow), only the selection moves.
func (m Model) openTarget(typeName, member, arg, via string) Model {
	doc, ok := m.schema.TypeDoc(typeName)
	if !ok {
		m.status = "No type " + clean(typeName) + " in the schema."
		return m
	}
	m.input.Reset()
	m.results, m.more = nil, false
	sel := findTarget(&doc, member, arg)
	if m.cur.typeName == typeName && via == "" {
		m.cur.sel = sel
		return m
	}
	return m.push(page{typeName: typeName, via: via, doc: &doc, sel: sel})
}

// findTarget selects member (and arg) on doc's page, or the first item when they are not there.
func findTarget(doc *schema.TypeDoc, member, arg string) target {
	if member != "" {
		for i, f := range doc.Fields {
			if f.Name != member {
				continue
			}
			for j, a := range f.Args {
				if arg != "" && a.Name == arg {
					return target{kind: itemArg, index: i, arg: j}
				}
			}
			return target{kind: itemField, index: i}
		}
		for i, v := range doc.EnumValues {
			if v.Name == member {
				return target{kind: itemValue, index: i}
			}
		}
	}
	return firstTarget(doc)
}

// follow opens what the selection points at: a link's type, a field's or an argument's type
// (lists and non-null stripped), a home row's type, or a search result.
func (m Model) follow() Model {
	if m.searching() {
		if m.resSel < len(m.results) {
			e := m.results[m.resSel]
			m = m.openTarget(e.Type, e.Field, e.Arg, "")
		}
		return m
	}
	if m.cur.typeName == "" {
		if m.cur.row < len(m.home) && m.home[m.cur.row].kind == rowLink {
			m = m.openTarget(m.home[m.cur.row].name, "", "", "")
		}
		return m
	}
	doc, sel := m.cur.doc, m.cur.sel
	switch sel.kind {
	case itemLink:
		if links := m.cur.links(); sel.index < len(links) {
			return m.openTarget(links[sel.index], "", "", links[sel.index])
		}
	case itemField:
		f := doc.Fields[sel.index]
		return m.openTarget(namedType(f.Type), "", "", f.Name)
	case itemArg:
		f := doc.Fields[sel.index]
		a := f.Args[sel.arg]
		return m.openTarget(namedType(a.Type), "", "", f.Name+"("+a.Name+")")
	}
	return m
}

// namedType strips list brackets and non-null marks: "[Card!]!" is "Card".
func namedType(t string) string { return strings.Trim(t, "[]! ") }

// breadcrumb is the way to the current page since the last direct jump: the pages reached by
// following fields, each preceded by the field followed ("Query › Cards › CardPage").
func (m Model) breadcrumb() []string {
	if m.cur.typeName == "" {
		return []string{"Home"}
	}
	pages := append(append([]page(nil), m.back...), m.cur)
	start := len(pages) - 1
	for start > 0 && pages[start].via != "" && pages[start-1].typeName != "" {
		start--
	}
	var parts []string
	for i, p := range pages[start:] {
		if i > 0 && p.via != "" && p.via != p.typeName {
			parts = append(parts, p.via)
		}
		parts = append(parts, p.typeName)
	}
	return parts
}
