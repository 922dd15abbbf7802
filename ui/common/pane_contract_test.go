package common

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// valueSetters are the pane methods that return the updated pane rather than changing their
// receiver (see Pane). Calling one as a statement compiles, and silently does nothing.
var valueSetters = map[string]bool{"SetSize": true, "Refresh": true}

// TestNoPaneSetterResultIsDropped reads every Go file of the ui packages and fails on a call of a
// value setter whose result is thrown away: the mistake the old pointer setters invite when code
// written against them is merged.
func TestNoPaneSetterResultIsDropped(t *testing.T) {
	root := filepath.Join("..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			stmt, ok := n.(*ast.ExprStmt)
			if !ok {
				return true
			}
			if call, ok := stmt.X.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && valueSetters[sel.Sel.Name] {
					t.Errorf("%s: the result of %s is dropped; write x = x.%s(...)", fset.Position(call.Pos()), sel.Sel.Name, sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("read only %d files under %s", checked, root)
	}
}
