package builder

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/build"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Model is the query builder. Leaf-component conventions: value receivers, and every method
// that changes the model returns the new one. Maps are replaced, never changed in place, so
// copies of a model never share a change.
type Model struct {
	ctx  *common.Context
	keys KeyMap
	st   *styles

	schema *ast.Schema
	reason string // why there is no schema

	// text is the document as the editor holds it; cursor is the byte offset the builder works
	// at (the editor's cursor at opening, then the operation it last changed).
	text   string
	cursor int
	state  map[ast.Operation]build.State

	expanded map[string]bool
	// pending holds arguments given for fields not selected yet, by fieldKey.
	pending map[string][]build.Arg

	all    []row // the expanded tree
	rows   []row // all, or what the filter finds (search.go)
	filter string
	capped bool // the filter found more than it lists
	sel    int
	scroll int

	entry  *entry // the argument prompt, when open
	status string
	isErr  bool
	err    error // the last change's failure, while status shows it

	width, height int
}

// New builds a builder over schema s (nil: none, see SetUnavailable) for the document text with
// the editor's cursor at byte offset cursor. Query and Mutation start expanded.
func New(ctx *common.Context, s *schema.Schema, text string, cursor int) Model {
	m := Model{ctx: ctx, keys: DefaultKeyMap(), st: newStyles(ctx.Styles),
		expanded: map[string]bool{string(ast.Query): true, string(ast.Mutation): true},
		pending:  map[string][]build.Arg{}}
	if s != nil {
		m.schema = s.AST()
	} else {
		m.reason = "not loaded yet"
	}
	m = m.SetDocument(text, cursor)
	return m.expandSelected()
}

// expandSelected opens every field the operation selects that has fields of its own, so the
// tree shows at once what the query already asks for.
func (m Model) expandSelected() Model {
	if m.schema == nil {
		return m
	}
	exp := cloneSet(m.expanded)
	for root, st := range m.state {
		for k := range st.Selected {
			exp[nodeKey(root, strings.Split(k, "/"), nil)] = true
		}
	}
	m.expanded = exp
	return m.relayout()
}

// SetUnavailable says why there is no schema to build from.
func (m Model) SetUnavailable(reason string) Model {
	m.schema, m.reason = nil, reason
	return m.refresh()
}

// SetDocument gives the builder the editor's text and cursor (byte offset); the ticks follow
// what the operation under the cursor selects.
func (m Model) SetDocument(text string, cursor int) Model {
	m.text, m.cursor = text, max(0, min(cursor, len(text)))
	return m.refresh()
}

// Text returns the document as the builder last left it.
func (m Model) Text() string { return m.text }

// SetSize sets the area the builder fills, border included.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	return m.keepVisible()
}

// The builder keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// Help returns the bindings for the root's help line and overlay.
func (m Model) Help() help.KeyMap { return m.keys }

// CapturesKeys reports that the builder wants every key: typing filters.
func (m Model) CapturesKeys() bool { return true }

// Status returns the builder's last note ("" for none) and whether it is an error.
func (m Model) Status() (string, bool) { return m.status, m.isErr }

// refresh recomputes the ticks and the rows.
func (m Model) refresh() Model {
	m.state = map[ast.Operation]build.State{
		ast.Query:    build.Inspect(m.text, m.cursor, ast.Query),
		ast.Mutation: build.Inspect(m.text, m.cursor, ast.Mutation),
	}
	return m.relayout()
}

// relayout rebuilds the rows, keeping the selection on the same node where it can.
func (m Model) relayout() Model {
	var cur string
	if m.sel < len(m.rows) {
		cur = m.rows[m.sel].key()
	}
	m.all = m.buildRows()
	return m.refilter(cur)
}

// refilter applies the filter and puts the selection on the node cur (or the first match).
func (m Model) refilter(cur string) Model {
	m.rows, m.capped = m.all, false
	if m.filter != "" && m.schema != nil {
		m.rows, m.capped = m.searchRows(m.filter)
	}
	m.sel = 0
	found := false
	for i, r := range m.rows {
		if r.key() == cur {
			m.sel, found = i, true
			break
		}
	}
	if !found && m.filter != "" {
		for i, r := range m.rows {
			if containsFold(r.name, lower(m.filter)) {
				m.sel = i
				break
			}
		}
	}
	return m.keepVisible()
}

// OpenAt expands the tree down to the first field of type typeName (searched breadth-first
// from the roots, three levels deep) and selects it, for "build from this type" in the docs.
// It reports false when no such field is near the roots.
func (m Model) OpenAt(typeName string) (Model, bool) {
	if m.schema == nil {
		return m, false
	}
	type node struct {
		root ast.Operation
		path []string
		def  *ast.Definition
	}
	var queue []node
	for _, root := range []ast.Operation{ast.Query, ast.Mutation} {
		if def := rootDefinition(m.schema, root); def != nil {
			if def.Name == typeName {
				return m.selectKey(string(root)), true
			}
			queue = append(queue, node{root, nil, def})
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, f := range orderedFields(n.def) {
			p := appendPath(n.path, f.Name)
			if f.Type.Name() == typeName {
				exp := cloneSet(m.expanded)
				for i := 1; i < len(p); i++ {
					exp[nodeKey(n.root, p[:i], nil)] = true
				}
				exp[string(n.root)] = true
				exp[nodeKey(n.root, p, nil)] = true
				m.expanded = exp
				return m.relayout().selectKey(nodeKey(n.root, p, nil)), true
			}
			if def := m.schema.Types[f.Type.Name()]; def != nil && def.Kind == ast.Object && len(p) < 3 {
				queue = append(queue, node{n.root, p, def})
			}
		}
	}
	return m, false
}

// selectKey moves the selection to the row of key, if shown.
func (m Model) selectKey(k string) Model {
	for i, r := range m.rows {
		if r.key() == k {
			m.sel = i
			break
		}
	}
	return m.keepVisible()
}

func cloneSet(s map[string]bool) map[string]bool {
	out := make(map[string]bool, len(s)+4)
	for k, v := range s {
		out[k] = v
	}
	return out
}

// listHeight is the rows of tree on show: the frame's inside less the filter line and the
// footer (status or prompt, two lines).
func (m Model) listHeight() int {
	_, h := common.FrameInner(m.width, m.height)
	return max(1, h-3)
}

// keepVisible scrolls so the selection is on screen.
func (m Model) keepVisible() Model {
	if m.sel >= len(m.rows) {
		m.sel = max(0, len(m.rows)-1)
	}
	m.scroll = common.KeepVisible(m.sel, m.scroll, m.listHeight(), len(m.rows))
	return m
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
