package build

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Placeholder is a JSON value of the right shape for a variable of type t, for the user to
// overwrite: "" for strings and IDs, 0 for numbers, false for booleans, the first value of an
// enum, [] for lists, and an object of the required fields for input objects.
func Placeholder(s *ast.Schema, t *ast.Type) any {
	return placeholder(s, t, 0)
}

func placeholder(s *ast.Schema, t *ast.Type, depth int) any {
	if t.Elem != nil {
		return []any{}
	}
	switch t.NamedType {
	case "Int", "Float":
		return 0
	case "Boolean":
		return false
	case "String", "ID":
		return ""
	}
	def := s.Types[t.NamedType]
	if def == nil {
		return ""
	}
	switch def.Kind {
	case ast.Enum:
		if len(def.EnumValues) > 0 {
			return def.EnumValues[0].Name
		}
	case ast.InputObject:
		obj := map[string]any{}
		if depth < 4 {
			for _, f := range def.Fields {
				if f.Type.NonNull && f.DefaultValue == nil {
					obj[f.Name] = placeholder(s, f.Type, depth+1)
				}
			}
		}
		return obj
	}
	return ""
}

// AddVariables adds each variable with its placeholder to the variables JSON text, unless the
// object has it already, keeping the text as it is otherwise (a new key goes before the
// closing brace). An empty text becomes a new object. Text that is not a JSON object is an
// error: the caller says so rather than overwrite it.
func AddVariables(s *ast.Schema, text string, vars []Variable) (string, error) {
	if strings.TrimSpace(text) == "" {
		text = "{}"
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &obj); err != nil || obj == nil {
		return "", fmt.Errorf("the variables are not a JSON object; add them by hand")
	}
	for _, v := range vars {
		if _, ok := obj[v.Name]; ok {
			continue
		}
		val, _ := json.Marshal(Placeholder(s, v.Type))
		key, _ := json.Marshal(v.Name)
		entry := string(key) + ": " + string(val)
		end := strings.LastIndexByte(text, '}')
		body := strings.TrimRight(text[:end], " \t\r\n")
		if strings.HasSuffix(body, "{") {
			text = body + "\n  " + entry + "\n" + text[end:]
		} else {
			text = body + ",\n  " + entry + "\n" + text[end:]
		}
		obj[v.Name] = val
	}
	return text, nil
}
