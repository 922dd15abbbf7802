package query

import (
	"github.com/vektah/gqlparser/v2/ast"
)

// rootFields lists the top-level field names of a selection set, looking
// through inline fragments and spreads of fragments defined in the document:
// `query { ...F }` with `fragment F on Query { loginUser(...) }` is still a
// login, and missing that would let a password into the history.
func rootFields(set ast.SelectionSet, frags ast.FragmentDefinitionList) []string {
	var names []string
	seen := map[string]bool{}
	visited := map[string]bool{} // fragments already expanded; stops cycles
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if !seen[s.Name] {
					seen[s.Name] = true
					names = append(names, s.Name)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if visited[s.Name] {
					continue
				}
				visited[s.Name] = true
				if f := frags.ForName(s.Name); f != nil {
					walk(f.SelectionSet)
				}
			}
		}
	}
	walk(set)
	return names
}

// spreadNames calls fn with the name of every fragment spread anywhere in set,
// at any depth, without following the spreads themselves.
func spreadNames(set ast.SelectionSet, fn func(name string)) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			spreadNames(s.SelectionSet, fn)
		case *ast.InlineFragment:
			spreadNames(s.SelectionSet, fn)
		case *ast.FragmentSpread:
			fn(s.Name)
		}
	}
}
