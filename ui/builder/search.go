package builder

import (
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/toggle-explorer/toggle-explorer/query/build"
)

// Type-to-search looks past what is expanded: typing finds fields anywhere reachable from the
// roots, shown under their ancestors, and space ticks them where they are.
//
// The reach is bounded so a keystroke stays quick on a schema of GitHub's size and cyclic types
// (User.repositories.owner.repositories…) cannot recurse: a breadth-first walk from the roots,
// maxSearchDepth fields deep, that opens each type once, at the shallowest path reaching it. A
// field deeper or through a longer path is still found once the user expands its way there: the
// expanded tree is always searched whole (arguments included). At most maxSearchHits matches are
// listed, the shallowest first.
const (
	maxSearchDepth = 5
	maxSearchHits  = 200
)

// searchRows is the tree filtered by f: every matching node of the expanded tree and every
// matching field within reach, each under its ancestors (drawn expanded), in schema order.
// capped says maxSearchHits cut the walk short.
func (m Model) searchRows(f string) (rows []row, capped bool) {
	f = lower(f)
	shown := map[string]bool{}   // nodes drawn: the matches and their ancestors
	parents := map[string]bool{} // nodes drawn because something below them matches
	add := func(root ast.Operation, path, arg []string) {
		shown[nodeKey(root, path, arg)] = true
		parents[string(root)] = true
		for i := 1; i < len(path); i++ {
			parents[nodeKey(root, path[:i], nil)] = true
		}
		if len(arg) > 0 {
			parents[nodeKey(root, path, nil)] = true
			for i := 1; i < len(arg); i++ {
				parents[nodeKey(root, path, arg[:i])] = true
			}
		}
	}
	hits := 0
	for _, r := range m.all {
		if containsFold(r.name, f) {
			add(r.root, r.path, r.arg)
			hits++
		}
	}

	type node struct {
		root ast.Operation
		path []string
		def  *ast.Definition
	}
	var queue []node
	opened := map[string]bool{}
	for _, root := range []ast.Operation{ast.Query, ast.Mutation} {
		if def := rootDefinition(m.schema, root); def != nil {
			queue = append(queue, node{root, nil, def})
			opened[def.Name] = true
		}
	}
	for len(queue) > 0 && !capped {
		n := queue[0]
		queue = queue[1:]
		for _, fd := range n.def.Fields {
			if len(fd.Name) > 1 && fd.Name[0] == '_' && fd.Name[1] == '_' {
				continue
			}
			if containsFold(fd.Name, f) {
				p := appendPath(n.path, fd.Name)
				if k := nodeKey(n.root, p, nil); !shown[k] {
					add(n.root, p, nil)
					if hits++; hits >= maxSearchHits {
						capped = true
						break
					}
				}
			}
			if len(n.path)+1 >= maxSearchDepth {
				continue
			}
			ft := m.schema.Types[fd.Type.Name()]
			if ft == nil || (ft.Kind != ast.Object && ft.Kind != ast.Interface) || opened[ft.Name] {
				continue
			}
			opened[ft.Name] = true
			queue = append(queue, node{n.root, appendPath(n.path, fd.Name), ft})
		}
	}
	return m.layoutShown(shown, parents), capped
}

// layoutShown draws the nodes in shown or parents in tree order; a parent is drawn expanded
// whatever the tree says, since what is under it is on show.
func (m Model) layoutShown(shown, parents map[string]bool) []row {
	s := m.schema
	var rows []row
	var fields func(root ast.Operation, def *ast.Definition, path []string, depth int)
	var args func(root ast.Operation, path, argPath []string, list []input, depth int)
	args = func(root ast.Operation, path, argPath []string, list []input, depth int) {
		for _, a := range list {
			k := nodeKey(root, path, appendPath(argPath, a.Name))
			if !shown[k] && !parents[k] {
				continue
			}
			r := m.argRow(root, path, argPath, a, depth)
			r.expanded = r.expanded || parents[k]
			rows = append(rows, r)
			if parents[k] {
				args(root, path, r.arg, inputFields(s.Types[a.Type.Name()].Fields), depth+1)
			}
		}
	}
	fields = func(root ast.Operation, def *ast.Definition, path []string, depth int) {
		prefix := string(root) + "/"
		if len(path) > 0 {
			prefix += build.Key(path) + "/"
		}
		for _, f := range orderedFields(def) {
			k := prefix + f.Name
			if !shown[k] && !parents[k] {
				continue
			}
			r := m.fieldRow(root, path, f, depth)
			r.expanded = r.expanded || parents[k]
			rows = append(rows, r)
			if parents[k] {
				args(root, r.path, nil, inputArgs(f.Arguments), depth+1)
				if !r.leaf {
					fields(root, s.Types[f.Type.Name()], r.path, depth+1)
				}
			}
		}
	}
	for _, root := range []ast.Operation{ast.Query, ast.Mutation} {
		def := rootDefinition(s, root)
		k := string(root)
		if def == nil || (!shown[k] && !parents[k]) {
			continue
		}
		rows = append(rows, row{kind: rowRoot, root: root, name: def.Name, expandable: true, desc: def.Description,
			expanded: m.expanded[k] || parents[k]})
		if parents[k] {
			fields(root, def, nil, 1)
		}
	}
	return rows
}
