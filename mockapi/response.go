package mockapi

import (
	"bytes"
	"encoding/json"
	stderrors "errors"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

// wireError is one error object in Toggle's shape: customer_facing and validation sit at the
// top level (graphql-go would put custom fields under "extensions"), locations is always
// present, and path is left out as in every documented example.
type wireError struct {
	Message        string              `json:"message"`
	Locations      []location          `json:"locations"`
	CustomerFacing bool                `json:"customer_facing"`
	Validation     map[string][]string `json:"validation,omitempty"`
}

// wireResponse is a whole response body; errors come first as graphql-go orders them.
type wireResponse struct {
	Errors     []wireError     `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions *wireExtensions `json:"extensions,omitempty"`
}

type wireExtensions struct {
	Cost wireCost `json:"cost"`
}

type wireCost struct {
	ActualQueryCost int          `json:"actualQueryCost"`
	ThrottleStatus  wireThrottle `json:"throttleStatus"`
}

type wireThrottle struct {
	MaximumAvailable   int `json:"maximumAvailable"`
	CurrentlyAvailable int `json:"currentlyAvailable"`
}

// errorAt builds a technical (customer_facing false) error at loc; a zero loc gives [].
func errorAt(msg string, loc location) wireError {
	e := wireError{Message: msg, Locations: []location{}}
	if loc.Line > 0 {
		e.Locations = append(e.Locations, loc)
	}
	return e
}

// convertError turns a graphql-go error into Toggle's shape. Resolver errors carry no
// location in graphql-go, so we find it from the error's path in our parse of the document.
func convertError(qe *gqlerrors.QueryError, doc *document) wireError {
	out := wireError{Message: qe.Message, Locations: []location{}}
	for _, l := range qe.Locations {
		out.Locations = append(out.Locations, location{Line: l.Line, Column: l.Column})
	}
	if len(out.Locations) == 0 && doc != nil && len(qe.Path) > 0 {
		if loc, ok := doc.pathLocation(qe.Path); ok && loc.Line > 0 {
			out.Locations = append(out.Locations, loc)
		}
	}
	var ae *apiError
	if stderrors.As(qe.ResolverError, &ae) {
		out.Message, out.CustomerFacing, out.Validation = ae.message, ae.customerFacing, ae.validation
	}
	return out
}

func convertErrors(qes []*gqlerrors.QueryError, doc *document) []wireError {
	out := make([]wireError, 0, len(qes))
	for _, qe := range qes {
		out = append(out, convertError(qe, doc))
	}
	return out
}

// encode renders a body without HTML escaping (Toggle's PHP json_encode does not escape <>&).
func encode(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only unencodable Go values fail here, and every body is built from plain types.
		return []byte(`{"errors":[{"message":"internal error","locations":[],"customer_facing":false}]}` + "\n")
	}
	return buf.Bytes()
}
