// Command gqlload is the anchor for `check --schema`: the least any tool must do to load an SDL
// file with gqlparser — read it, parse it, drop the fields a published SDL repeats (GitHub's
// defines two fields twice, which strict validation refuses), and validate it into an ast.Schema.
package main

import (
	"fmt"
	"os"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gqlload SCHEMA.graphql")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	doc, err := parser.ParseSchemas(validator.Prelude, &ast.Source{Name: os.Args[1], Input: string(data)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, def := range doc.Definitions {
		seen := make(map[string]bool, len(def.Fields))
		kept := def.Fields[:0]
		for _, f := range def.Fields {
			if !seen[f.Name] {
				seen[f.Name] = true
				kept = append(kept, f)
			}
		}
		def.Fields = kept
	}
	schema, gerr := validator.ValidateSchemaDocument(doc)
	if gerr != nil {
		fmt.Fprintln(os.Stderr, gerr)
		os.Exit(1)
	}
	fmt.Println(len(schema.Types), "types")
}
