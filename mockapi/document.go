package mockapi

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// paginatedFields are the root fields whose `data` selection is repeated per item.
var paginatedFields = map[string]bool{"Cards": true, "LineItems": true, "Accounts": true}

// maxWalkDepth bounds recursion over selections; graphql-go has already rejected deeper
// documents and fragment cycles by the time we walk, so this is only a safety net.
const maxWalkDepth = 64

// maxWalkSteps bounds the total work of walking one document, so that fragments spread many
// times over (each doubling the expansion) cannot make a walk exponential.
const maxWalkSteps = 100000

// document is the parsed request, with the operation that will run. graphql-go keeps its
// parser internal, so we parse again with gqlparser to see the structure: which root
// fields need a token, where they are (for error locations) and what they cost.
type document struct {
	doc   *ast.QueryDocument
	op    *ast.OperationDefinition
	vars  map[string]any
	steps int // selections visited by the current walk, bounded by maxWalkSteps
}

// parseDocument parses query and picks the operation as graphql-go would.
func parseDocument(query, operationName string, vars map[string]any) (*document, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return nil, err
	}
	d := &document{doc: doc, vars: vars}
	switch {
	case operationName != "":
		if d.op = doc.Operations.ForName(operationName); d.op == nil {
			return nil, fmt.Errorf("no operation with name %q", operationName)
		}
	case len(doc.Operations) == 1:
		d.op = doc.Operations[0]
	default:
		return nil, fmt.Errorf("more than one operation in query document and no operation name given")
	}
	return d, nil
}

// fields expands fragment spreads and inline fragments of set into its fields, in order.
func (d *document) fields(set ast.SelectionSet, depth int) []*ast.Field {
	if depth > maxWalkDepth {
		return nil
	}
	var out []*ast.Field
	for _, sel := range set {
		if d.steps++; d.steps > maxWalkSteps {
			return out
		}
		switch s := sel.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			out = append(out, d.fields(s.SelectionSet, depth+1)...)
		case *ast.FragmentSpread:
			if f := d.doc.Fragments.ForName(s.Name); f != nil {
				out = append(out, d.fields(f.SelectionSet, depth+1)...)
			}
		}
	}
	return out
}

// rootFields lists the operation's top-level fields.
func (d *document) rootFields() []*ast.Field {
	d.steps = 0
	return d.fields(d.op.SelectionSet, 0)
}

// access sorts root fields by what they need: loginUser runs without a token, __typename is
// free, everything else (introspection included, [I]) needs a valid token.
type access struct {
	login, protected []*ast.Field
	introspection    bool
}

func (d *document) access() access {
	var a access
	for _, f := range d.rootFields() {
		switch f.Name {
		case "loginUser":
			a.login = append(a.login, f)
		case "__typename":
		case "__schema", "__type":
			a.introspection = true
			a.protected = append(a.protected, f)
		default:
			a.protected = append(a.protected, f)
		}
	}
	return a
}

// cost is the documented-by-us query cost: every selected field costs 1 (__typename is
// free), and under a paginated root field (Cards, LineItems, Accounts) the fields inside
// `data` count once per item of the requested page size (`limit`, default 10, at most 100).
func (d *document) cost() int {
	d.steps = 0
	return d.selectionCost(d.op.SelectionSet, 1, 0, 0)
}

// selectionCost sums the cost of set, each field counting mult times. pageLimit is the
// page size when set is the selection of a paginated field, else 0.
func (d *document) selectionCost(set ast.SelectionSet, mult, pageLimit, depth int) int {
	total := 0
	for _, f := range d.fields(set, depth) {
		if f.Name == "__typename" {
			continue
		}
		childMult, childLimit := mult, 0
		switch {
		case depth == 0 && paginatedFields[f.Name]:
			childLimit = d.limitOf(f)
		case pageLimit > 0 && f.Name == "data":
			childMult = mult * pageLimit
		}
		total += mult + d.selectionCost(f.SelectionSet, childMult, childLimit, depth+1)
	}
	return total
}

// limitOf reads the field's `limit` argument (a literal, a variable or the variable's
// default), clamped to the range the resolvers accept.
func (d *document) limitOf(f *ast.Field) int {
	n := defaultPageSize
	if arg := f.Arguments.ForName("limit"); arg != nil && arg.Value != nil {
		if v, ok := d.intValue(arg.Value); ok {
			n = v
		}
	}
	return min(max(n, 1), maxPageSize)
}

// intValue resolves an Int literal or variable.
func (d *document) intValue(v *ast.Value) (int, bool) {
	switch v.Kind {
	case ast.IntValue:
		n, err := strconv.Atoi(v.Raw)
		return n, err == nil
	case ast.Variable:
		if raw, ok := d.vars[v.Raw]; ok {
			return jsonInt(raw)
		}
		if def := d.op.VariableDefinitions.ForName(v.Raw); def != nil && def.DefaultValue != nil {
			return d.intValue(def.DefaultValue)
		}
	}
	return 0, false
}

// jsonInt reads a decoded JSON number.
func jsonInt(v any) (int, bool) {
	switch n := v.(type) {
	case float64:
		if n >= -1<<31 && n < 1<<31 {
			return int(n), true
		}
	case json.Number:
		i, err := strconv.Atoi(string(n))
		return i, err == nil
	}
	return 0, false
}

// location is a 1-based line/column pair, the unit of GraphQL error locations.
type location struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

func fieldLocation(f *ast.Field) location {
	if f.Position == nil {
		return location{}
	}
	return location{Line: f.Position.Line, Column: f.Position.Column}
}

// pathLocation finds the field a response path (["createOrder"], ["Cards","data",0,"Card"])
// points at, following response keys (alias or name) through the selections.
func (d *document) pathLocation(path []any) (location, bool) {
	d.steps = 0
	set, found := d.op.SelectionSet, (*ast.Field)(nil)
	for depth, seg := range path {
		key, ok := seg.(string)
		if !ok {
			continue // list index
		}
		var next *ast.Field
		for _, f := range d.fields(set, depth) {
			if responseKey(f) == key {
				next = f
				break
			}
		}
		if next == nil {
			break
		}
		found, set = next, next.SelectionSet
	}
	if found == nil {
		return location{}, false
	}
	return fieldLocation(found), true
}

func responseKey(f *ast.Field) string {
	if f.Alias != "" {
		return f.Alias
	}
	return f.Name
}
