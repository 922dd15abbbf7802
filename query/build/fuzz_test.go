package build

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// FuzzToggleSequence applies random toggles and argument changes, driven by the fuzzer's
// bytes, starting from a random seed document, and checks that every result parses and
// validates against the schema, and that each edit turns the old text into the new one.
func FuzzToggleSequence(f *testing.F) {
	s := toggleSchema(f)
	f.Add("", []byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add("query A {\n  Cards { total }\n}\n", []byte{1, 0, 0, 9, 9, 3, 3, 1, 200, 7})
	f.Add("# c\nmutation M { createReversal(merchant_id: 1) { id } }\nquery { Accounts { total } }\n", []byte{255, 3, 4, 1, 2, 8, 128, 64})
	f.Add("{ Cards { data { ...F } } }\nfragment F on Card { balance }", []byte{0, 0, 0, 0, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, seed string, ops []byte) {
		if len(ops) > 64 || len(seed) > 2000 {
			return
		}
		if _, err := gqlparser.LoadQuery(s, seed); err != nil && strings.TrimSpace(seed) != "" {
			return // start only from valid documents
		}
		text, cur := seed, 0
		r := byteReader{b: ops}
		for r.more() {
			root := ast.Query
			if r.next()%3 == 0 {
				root = ast.Mutation
			}
			path, pending := randomPath(s, root, &r)
			var ch Change
			var err error
			if r.next()%4 == 0 {
				ch, err = randomArg(s, text, cur, root, path, pending, &r)
			} else {
				ch, err = Toggle(s, text, cur, root, path, pending)
			}
			if err != nil {
				continue // refusals (object field, fragment, alias) leave the text as it was
			}
			if got := ch.Edit.Apply(text); got != ch.Text {
				t.Fatalf("edit %+v does not produce the new text", ch.Edit)
			}
			text, cur = ch.Text, max(ch.Cursor, 0)
			if strings.TrimSpace(text) == "" {
				continue
			}
			if err := validate(s, text); err != "" {
				t.Fatalf("invalid after %v: %v\n%s", path, err, text)
			}
		}
	})
}

// byteReader hands out the fuzzer's bytes one at a time.
type byteReader struct {
	b []byte
	i int
}

func (r *byteReader) more() bool { return r.i < len(r.b) }

func (r *byteReader) next() int {
	if r.i >= len(r.b) {
		return 0
	}
	r.i++
	return int(r.b[r.i-1])
}

// randomPath walks down from root choosing fields, up to four deep, and supplies every
// required argument on the way as a variable named after its path (so types never clash).
func randomPath(s *ast.Schema, root ast.Operation, r *byteReader) ([]string, map[string][]Arg) {
	def := rootDef(s, root)
	var path []string
	pending := map[string][]Arg{}
	for depth := 0; def != nil && len(def.Fields) > 0 && depth < 4; depth++ {
		var fields []*ast.FieldDefinition
		for _, f := range def.Fields {
			if !strings.HasPrefix(f.Name, "__") {
				fields = append(fields, f)
			}
		}
		if len(fields) == 0 {
			break
		}
		f := fields[r.next()%len(fields)]
		path = append(path, f.Name)
		for _, a := range f.Arguments {
			if a.Type.NonNull && a.DefaultValue == nil {
				pending[Key(path)] = append(pending[Key(path)], Arg{Path: []string{a.Name}, Value: "$" + varName(path, a.Name)})
			}
		}
		def = s.Types[f.Type.Name()]
		if def == nil || !composite(def) || r.next()%3 == 0 {
			break
		}
	}
	return path, pending
}

func varName(path []string, arg string) string { return strings.Join(path, "_") + "_" + arg }

// randomArg sets or removes an optional scalar argument of the path's last field, as a
// variable or a literal.
func randomArg(s *ast.Schema, text string, cur int, root ast.Operation, path []string, pending map[string][]Arg, r *byteReader) (Change, error) {
	defs, err := fieldDefs(s, root, path)
	if err != nil {
		return Change{}, err
	}
	var opt []*ast.ArgumentDefinition
	for _, a := range defs[len(defs)-1].Arguments {
		if !a.Type.NonNull && isLeaf(s, a.Type) && a.Type.Elem == nil {
			opt = append(opt, a)
		}
	}
	if len(opt) == 0 {
		return Change{}, ErrNotSelected
	}
	a := opt[r.next()%len(opt)]
	v := ""
	switch r.next() % 3 {
	case 0:
		v = "$" + varName(path, a.Name)
	case 1:
		v = "null"
	}
	return SetArg(s, text, cur, root, path, Arg{Path: []string{a.Name}, Value: v}, pending)
}

// validate returns the document's validation errors, leaving out unused fragments: the builder
// leaves the user's fragments alone, and the explorer sends only the fragments an operation uses.
func validate(s *ast.Schema, text string) string {
	_, errs := gqlparser.LoadQuery(s, text)
	var out []string
	for _, e := range errs {
		if strings.HasPrefix(e.Message, "Fragment ") && strings.HasSuffix(e.Message, " is never used.") {
			continue
		}
		out = append(out, e.Error())
	}
	return strings.Join(out, "; ")
}

// FuzzSetArgValue writes arbitrary text as an argument value, nested or not, on a selected
// and an unselected field: the builder either refuses or gives a document that parses, and
// its edit turns the old text into the new.
func FuzzSetArgValue(f *testing.F) {
	s := toggleSchema(f)
	f.Add("query Q {\n  Cards(page: 1) { total }\n}\n", "card_reference", "", `"x"`)
	f.Add("mutation M { createReversal(ReversalItems: [{ line_item_id: 1 }]) { id } }", "ReversalItems", "line_item_id", "$line")
	f.Add("mutation M { createReversal(ReversalItems: $x) { id } }", "ReversalItems", "shipping_refund", "true")
	f.Add("", "page", "", "2")
	f.Add("{ Cards { total } }", "limit", "", ") { bad")
	f.Fuzz(func(t *testing.T, doc, arg, sub, value string) {
		if len(doc) > 2000 || len(value) > 200 {
			return
		}
		path := []string{"Cards"}
		root := ast.Query
		if strings.Contains(doc, "mutation") {
			path, root = []string{"createReversal"}, ast.Mutation
		}
		a := Arg{Path: []string{arg}, Value: value}
		if sub != "" {
			a.Path = append(a.Path, sub)
		}
		ch, err := SetArg(s, doc, 1, root, path, a, nil)
		if err != nil {
			return
		}
		if got := ch.Edit.Apply(doc); got != ch.Text {
			t.Fatalf("edit %+v does not produce the new text", ch.Edit)
		}
		if _, err := parse(ch.Text); err != nil {
			t.Fatalf("result does not parse: %v\n%s", err, ch.Text)
		}
	})
}
