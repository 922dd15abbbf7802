package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// IntrospectionQuery is the standard full introspection query in its classic
// form (graphql-js's getIntrospectionQuery with its defaults, as GraphiQL
// sends it): descriptions, deprecations of fields and enum values, arguments
// with defaults, input fields, enum values, interfaces, possible types and
// directives, with type references nested seven levels deep, enough for
// [[T!]!]! and more. It leaves out what later spec editions added
// (__schema.description, isRepeatable, specifiedByURL, deprecated arguments
// and input fields) because servers that predate them reject the whole query;
// graph-gophers/graphql-go, which the fake API runs on, rejects the first two.
// LoadIntrospection reads those fields when a result has them.
const IntrospectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives {
      name
      description
      locations
      args { ...InputValue }
    }
  }
}

fragment FullType on __Type {
  kind
  name
  description
  fields(includeDeprecated: true) {
    name
    description
    args { ...InputValue }
    type { ...TypeRef }
    isDeprecated
    deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) {
    name
    description
    isDeprecated
    deprecationReason
  }
  possibleTypes { ...TypeRef }
}

fragment InputValue on __InputValue {
  name
  description
  type { ...TypeRef }
  defaultValue
}

fragment TypeRef on __Type {
  kind
  name
  ofType {
    kind
    name
    ofType {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
              }
            }
          }
        }
      }
    }
  }
}
`

// introResponse accepts both shapes of an introspection result: the whole
// response {"data":{"__schema":...},"errors":[...]} and its data alone.
type introResponse struct {
	Data *struct {
		Schema *introSchema `json:"__schema"`
	} `json:"data"`
	Schema *introSchema `json:"__schema"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

type introSchema struct {
	Description      *string          `json:"description"`
	QueryType        *introName       `json:"queryType"`
	MutationType     *introName       `json:"mutationType"`
	SubscriptionType *introName       `json:"subscriptionType"`
	Types            []introType      `json:"types"`
	Directives       []introDirective `json:"directives"`
}

type introName struct {
	Name string `json:"name"`
}

type introType struct {
	Kind           string            `json:"kind"`
	Name           string            `json:"name"`
	Description    *string           `json:"description"`
	SpecifiedByURL *string           `json:"specifiedByURL"`
	Fields         []introField      `json:"fields"`
	InputFields    []introInputValue `json:"inputFields"`
	Interfaces     []introTypeRef    `json:"interfaces"`
	EnumValues     []introEnumValue  `json:"enumValues"`
	PossibleTypes  []introTypeRef    `json:"possibleTypes"`
}

type introField struct {
	Name              string            `json:"name"`
	Description       *string           `json:"description"`
	Args              []introInputValue `json:"args"`
	Type              *introTypeRef     `json:"type"`
	IsDeprecated      bool              `json:"isDeprecated"`
	DeprecationReason *string           `json:"deprecationReason"`
}

type introInputValue struct {
	Name              string        `json:"name"`
	Description       *string       `json:"description"`
	Type              *introTypeRef `json:"type"`
	DefaultValue      *string       `json:"defaultValue"`
	IsDeprecated      bool          `json:"isDeprecated"`
	DeprecationReason *string       `json:"deprecationReason"`
}

type introEnumValue struct {
	Name              string  `json:"name"`
	Description       *string `json:"description"`
	IsDeprecated      bool    `json:"isDeprecated"`
	DeprecationReason *string `json:"deprecationReason"`
}

type introTypeRef struct {
	Kind   string        `json:"kind"`
	Name   *string       `json:"name"`
	OfType *introTypeRef `json:"ofType"`
}

type introDirective struct {
	Name         string            `json:"name"`
	Description  *string           `json:"description"`
	IsRepeatable bool              `json:"isRepeatable"`
	Locations    []string          `json:"locations"`
	Args         []introInputValue `json:"args"`
}

// LoadIntrospection loads a schema from an introspection result, given as the
// whole response ({"data":{"__schema":...}}) or as its data ({"__schema":...}).
// The errors say why nothing could be loaded in terms a user can act on: the
// server refused (its error messages, e.g. introspection disabled or
// Unauthorized), the result has no __schema, it is not JSON, or it is over
// MaxBytes. Broken details load with warnings, as for LoadSDL.
func LoadIntrospection(data []byte) (*Schema, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("the introspection result is %s, over the %s limit", display.Size(int64(len(data))), display.Size(MaxBytes))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // editors on Windows add one
	var resp introResponse
	if err := json.Unmarshal(data, &resp); err != nil {
		return nil, introJSONError(data, err)
	}
	schema := resp.Schema
	if resp.Data != nil && resp.Data.Schema != nil {
		schema = resp.Data.Schema
	}
	if schema == nil {
		if len(resp.Errors) > 0 {
			return nil, fmt.Errorf("the server refused introspection: %s", serverMessages(resp.Errors))
		}
		return nil, errors.New("not an introspection result: no __schema in it")
	}
	doc, warnings := convertIntrospection(schema)
	s, err := build(doc)
	if err != nil {
		return nil, err
	}
	s.warnings = append(warnings, s.warnings...)
	return s, nil
}

// introJSONError describes a JSON decoding failure with a line:col when the
// decoder reports an offset.
func introJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		off := int(min(max(syn.Offset-1, 0), int64(len(data))))
		line := bytes.Count(data[:off], []byte("\n")) + 1
		col := off - bytes.LastIndexByte(data[:off], '\n')
		return fmt.Errorf("the introspection result is not valid JSON: %d:%d: %s", line, col, syn.Error())
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Errorf("the introspection result has the wrong shape: %s is %s, not %s", typ.Field, typ.Value, typ.Type)
	}
	return fmt.Errorf("the introspection result is not valid JSON: %w", err)
}

// serverMessages joins GraphQL error messages, bounded: they come from the
// server and end up on one status line.
func serverMessages(errs []struct {
	Message string `json:"message"`
}) string {
	msgs := make([]string, 0, len(errs))
	for _, e := range errs[:min(len(errs), 3)] {
		msgs = append(msgs, query.TruncateUTF8(strings.TrimSpace(e.Message), 200))
	}
	if len(errs) > 3 {
		msgs = append(msgs, fmt.Sprintf("and %d more", len(errs)-3))
	}
	return strings.Join(msgs, "; ")
}
