package schema

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestLoadToggleSchema(t *testing.T) {
	s := loadSDLFile(t, "toggle.graphql")
	if w := s.Warnings(); len(w) != 0 {
		t.Fatalf("warnings for a valid schema: %q", w)
	}
	q, m, sub := s.Roots()
	if q != "Query" || m != "Mutation" || sub != "" {
		t.Fatalf("Roots() = %q, %q, %q", q, m, sub)
	}
	card := s.AST().Types["Card"]
	if card == nil || card.Fields.ForName("card_reference") == nil {
		t.Fatalf("Card or Card.card_reference missing: %+v", card)
	}
	if got := card.Fields.ForName("card_reference").Description; got != "19 digits starting 63011900." {
		t.Fatalf("description = %q", got)
	}
}

func TestLoadSDLRepairsDuplicates(t *testing.T) {
	const sdl = `type Query {
  a: Int
  "first b"
  b(x: Int, x: String): String
  "second b"
  b: Int
}
enum Color { RED GREEN RED }
type Query2 { z: Int }
"the first T"
type T { f: Int }
"the second T"
type T { g: Int }
extend type T { f: String }
union U = T | Query2 | T
`
	s, err := LoadSDL("dups.graphql", sdl)
	if err != nil {
		t.Fatalf("LoadSDL: %v", err)
	}
	want := []string{
		"dups.graphql:13:6: type T is defined more than once; kept the first definition (dups.graphql:11:6)",
		"dups.graphql:4:13: argument Query.b(x:) is defined more than once; kept the first definition (dups.graphql:4:5)",
		"dups.graphql:6:3: field Query.b is defined more than once; kept the first definition (dups.graphql:4:3)",
		"dups.graphql:8:24: enum value Color.RED is defined more than once; kept the first definition (dups.graphql:8:14)",
		"dups.graphql:14:17: field T.f is defined more than once; kept the first definition (dups.graphql:11:10)",
		"dups.graphql:15:24: union U includes T more than once; kept one",
	}
	got := s.Warnings()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing warning %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d warnings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	// The first definition is the one kept.
	b := s.AST().Query.Fields.ForName("b")
	if b.Description != "first b" || b.Type.String() != "String" || len(b.Arguments) != 1 || b.Arguments[0].Type.String() != "Int" {
		t.Errorf("kept the wrong b: %q %s %d args", b.Description, b.Type, len(b.Arguments))
	}
	if d := s.AST().Types["T"]; d.Description != "the first T" || len(d.Fields) != 1 || d.Fields[0].Type.String() != "Int" {
		t.Errorf("kept the wrong T: %+v", d)
	}
	if vs := s.AST().Types["Color"].EnumValues; len(vs) != 2 {
		t.Errorf("Color has %d values, want 2", len(vs))
	}
	// The repaired schema passed strict validation: introspection fields were
	// added once, and queries validate.
	if n := countFields(s.AST().Query, "__schema"); n != 1 {
		t.Errorf("__schema appears %d times", n)
	}
	if d := s.Validate("{ a b }"); len(d) != 0 {
		t.Errorf("Validate: %v", d)
	}
}

// countFields counts the fields of def named name.
func countFields(def *ast.Definition, name string) int {
	n := 0
	for _, f := range def.Fields {
		if f.Name == name {
			n++
		}
	}
	return n
}

func TestLoadSDLLooseWhenRepairIsNotEnough(t *testing.T) {
	// Undefined types and directives and a broken interface: no strict
	// loader accepts this, but the editor can still use most of it.
	const sdl = `type Query {
  card(id: ID!): Card @cost(weight: 2)
  thing: Missing
}
interface Node { id: ID! }
type Card implements Node { name: String }
`
	s, err := LoadSDL("broken.graphql", sdl)
	if err != nil {
		t.Fatalf("LoadSDL: %v", err)
	}
	w := strings.Join(s.Warnings(), "\n")
	for _, part := range []string{"loaded without strict checks", "broken.graphql:", "treated as scalars: Missing"} {
		if !strings.Contains(w, part) {
			t.Errorf("warnings lack %q:\n%s", part, w)
		}
	}
	if def := s.AST().Types["Missing"]; def == nil || def.Kind != ast.Scalar {
		t.Fatalf("Missing = %+v, want a placeholder scalar", def)
	}
	if got := s.AST().GetPossibleTypes(s.AST().Types["Node"]); len(got) != 1 || got[0].Name != "Card" {
		t.Errorf("possible types of Node = %v", got)
	}
	if d := s.Validate("{ card(id: 1) { name } thing }"); len(d) != 0 {
		t.Errorf("Validate: %v", d)
	}
	if d := s.Validate("{ card { nope } }"); len(d) != 2 {
		t.Errorf("Validate found %v, want a missing argument and an unknown field", d)
	}
}

func TestLoadSDLSyntaxError(t *testing.T) {
	_, err := LoadSDL("bad.graphql", "type Query {\n  a: \n}\n")
	var se *query.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is not a *SyntaxError", err)
	}
	if se.Line != 3 || se.Column != 1 || !strings.HasPrefix(err.Error(), "bad.graphql:3:1: ") {
		t.Fatalf("error = %v (line %d col %d)", err, se.Line, se.Column)
	}
}

func TestSDLRoundTrip(t *testing.T) {
	for _, name := range []string{"toggle.graphql", "kitchen.graphql"} {
		s := loadSDLFile(t, name)
		again, err := LoadSDL("printed", s.SDL())
		if err != nil {
			t.Fatalf("%s: reloading SDL(): %v", name, err)
		}
		if len(again.Warnings()) != 0 {
			t.Errorf("%s: warnings on reload: %v", name, again.Warnings())
		}
		assertSameDocs(t, s, again)
	}
}

// assertSameDocs compares what the docs pane would show for every type.
func assertSameDocs(t *testing.T, want, got *Schema) {
	t.Helper()
	for name, def := range want.AST().Types {
		if def.BuiltIn {
			continue
		}
		w, _ := want.TypeDoc(name)
		g, ok := got.TypeDoc(name)
		if !ok {
			t.Errorf("type %s missing", name)
			continue
		}
		if !reflect.DeepEqual(w, g) {
			t.Errorf("type %s differs:\nwant %+v\ngot  %+v", name, w, g)
		}
	}
	if len(want.AST().Types) != len(got.AST().Types) {
		t.Errorf("%d types, want %d", len(got.AST().Types), len(want.AST().Types))
	}
	wq, wm, ws := want.Roots()
	gq, gm, gs := got.Roots()
	if wq != gq || wm != gm || ws != gs {
		t.Errorf("roots %s %s %s, want %s %s %s", gq, gm, gs, wq, wm, ws)
	}
}

func TestLoadFileSniffsTheFormat(t *testing.T) {
	dir := t.TempDir()
	sdl := readFixture(t, "kitchen.graphql")
	js := serverIntrospection(t, sdl)
	files := map[string]string{
		"plain.graphql":   sdl,
		"bom.graphql":     "\xef\xbb\xbf\n" + sdl,
		"schema.json":     string(js),
		"spaced.json":     "\xef\xbb\xbf \r\n\t" + string(js),
		"wrapped.json":    `{"data":` + string(js) + `}`,
		"comment.graphql": "# a comment first\n" + sdl,
	}
	want := loadSDLFile(t, "kitchen.graphql")
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := LoadFile(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		assertSameDocs(t, want, s)
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.graphql")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: the size check must refuse it before reading.
	if err := f.Truncate(MaxBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := LoadFile(big); err == nil || !strings.Contains(err.Error(), "over the 64 MiB limit") {
		t.Errorf("big file: %v", err)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.graphql")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"__schema\": nope"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(bad); err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "2:16") {
		t.Errorf("bad JSON: %v", err)
	}
}
