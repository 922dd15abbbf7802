package session

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Envelope is a GraphQL response decoded in full: every error with Toggle's extra keys, and the
// top-level extensions. machinebox/graphql keeps only the first error's message, which is why the
// session decodes the captured body itself.
type Envelope struct {
	// Data is the raw "data" value. It aliases the response body (no copy: a 20 MB result is not
	// duplicated); it is nil when "data" is absent.
	Data json.RawMessage
	// HasData is true when "data" is present and not null.
	HasData bool
	// Errors lists every entry of "errors".
	Errors []GraphQLError
	// Extensions is the raw top-level "extensions" value, when present.
	Extensions json.RawMessage
	// Cost is extensions.cost when present and well-formed.
	Cost *Cost
	// Printable says the whole body is printable ASCII, spaces, tabs and newlines: it can go to
	// a terminal as it is (found by the same pass that validated it).
	Printable bool
}

// GraphQLError is one entry of a response's "errors" list, decoded leniently: a field of an
// unexpected type is left empty rather than failing the whole response.
type GraphQLError struct {
	// Message is the server's text (Toggle asks integrators to show it as is).
	Message string
	// Locations points into the query document.
	Locations []Location
	// Path is the response path of a field error.
	Path []any
	// CustomerFacing is Toggle's customer_facing flag (nil when absent).
	CustomerFacing *bool
	// Validation maps argument names to messages when Message is "validation".
	Validation map[string][]string
	// Extensions holds the error's own extensions, when present.
	Extensions map[string]any
}

// Location is a line and column in the query document, both 1-based.
type Location struct {
	Line, Column int
}

// Cost is Toggle's extensions.cost block (query cost and rate-limit bucket).
type Cost struct {
	// RequestedQueryCost is the cost estimated before execution, when reported.
	RequestedQueryCost float64 `json:"requestedQueryCost"`
	// ActualQueryCost is what the query cost.
	ActualQueryCost float64 `json:"actualQueryCost"`
	// ThrottleStatus is the rate-limit bucket after the query.
	ThrottleStatus struct {
		// MaximumAvailable is the bucket size.
		MaximumAvailable float64 `json:"maximumAvailable"`
		// CurrentlyAvailable is what is left.
		CurrentlyAvailable float64 `json:"currentlyAvailable"`
		// RestoreRate is the refill per second, when reported.
		RestoreRate float64 `json:"restoreRate"`
	} `json:"throttleStatus"`
}

// BodyError says a response body is not a GraphQL envelope, and what came back instead.
type BodyError struct {
	// Reason is a short description ("not JSON", "empty body", ...).
	Reason string
	// ContentType and Status are filled in by the session when known.
	ContentType string
	// Status is the HTTP status code, when known.
	Status int
	// Snippet is the first bytes of the body, escaped for safe printing in a terminal.
	Snippet string
}

// Error describes what came back, e.g. `response is not JSON (text/html, HTTP 502): "<html>..."`.
func (e *BodyError) Error() string {
	s := "response is " + e.Reason
	switch {
	case e.ContentType != "" && e.Status != 0:
		s += fmt.Sprintf(" (%s, HTTP %d)", e.ContentType, e.Status)
	case e.ContentType != "":
		s += " (" + e.ContentType + ")"
	case e.Status != 0:
		s += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.Snippet != "" {
		s += ": " + e.Snippet
	}
	return s
}

// tooDeepReason says why a body nested past encoding/json's limit is refused, rather than
// calling it invalid.
// (The number is MaxJSONDepth; a test keeps them in step.)
const tooDeepReason = "JSON nested too deep (more than 10000 levels)"

// snippetBytes is how much of a bad body an error quotes.
const snippetBytes = 80

// rawSpan keeps a JSON value as a sub-slice of the input. encoding/json.Unmarshal hands
// UnmarshalJSON a slice of the caller's own buffer, and the session never mutates a response body,
// so aliasing avoids copying a large "data" value (json.RawMessage would copy it).
type rawSpan []byte

// UnmarshalJSON records the span without copying.
func (r *rawSpan) UnmarshalJSON(b []byte) error { *r = b; return nil }

// DecodeEnvelope decodes a GraphQL response body in one pass over it (scanEnvelope validates the
// whole body and finds the top-level members; only "errors" and "extensions" are decoded
// further). Top-level keys are matched exactly (GraphQL is
// case-sensitive; encoding/json's struct matching is not), duplicate keys keep the last value as
// encoding/json does. A body that is not a JSON object yields a *BodyError.
func DecodeEnvelope(body []byte) (Envelope, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return Envelope{}, &BodyError{Reason: "an empty body"}
	}
	if trimmed[0] != '{' {
		reason := "not JSON"
		switch {
		case scanValid(trimmed):
			reason = "JSON but not an object"
		case JSONTooDeep(trimmed):
			reason = tooDeepReason
		}
		return Envelope{}, &BodyError{Reason: reason, Snippet: Snippet(body)}
	}
	members, printable, ok := scanEnvelope(body)
	if !ok {
		reason := "not valid JSON"
		if JSONTooDeep(trimmed) {
			reason = tooDeepReason
		}
		return Envelope{}, &BodyError{Reason: reason, Snippet: Snippet(body)}
	}
	top := make(map[string][]byte, len(members))
	for _, m := range members {
		top[memberKey(m.key)] = m.value // a repeated key keeps the last value, as encoding/json does
	}
	env := Envelope{Printable: printable}
	if d, ok := top["data"]; ok {
		env.Data = json.RawMessage(d)
		env.HasData = !isNull(d)
	}
	if e, ok := top["errors"]; ok && !isNull(e) {
		var list []map[string]rawSpan
		if err := json.Unmarshal(e, &list); err != nil {
			return Envelope{}, &BodyError{Reason: "a GraphQL envelope whose \"errors\" is not a list of objects", Snippet: Snippet(e)}
		}
		env.Errors = make([]GraphQLError, 0, len(list))
		for _, m := range list {
			env.Errors = append(env.Errors, decodeError(m))
		}
	}
	if x, ok := top["extensions"]; ok && !isNull(x) {
		env.Extensions = json.RawMessage(x)
		var ext map[string]rawSpan
		if json.Unmarshal(x, &ext) == nil {
			if c, ok := ext["cost"]; ok && !isNull(c) {
				var cost Cost
				if json.Unmarshal(c, &cost) == nil {
					env.Cost = &cost
				}
			}
		}
	}
	return env, nil
}

// scanValid reports whether b is valid JSON (scanEnvelope's verdict).
func scanValid(b []byte) bool {
	_, _, ok := scanEnvelope(b)
	return ok
}

// memberKey unquotes a key scanEnvelope found (already known to be a valid JSON string) as
// encoding/json does: escapes decoded, invalid UTF-8 replaced.
func memberKey(quoted []byte) string {
	if bytes.IndexByte(quoted, '\\') < 0 && utf8.Valid(quoted) {
		return string(quoted[1 : len(quoted)-1])
	}
	var k string
	_ = json.Unmarshal(quoted, &k)
	return k
}

// decodeError decodes one error object leniently, keeping what has the expected type.
func decodeError(m map[string]rawSpan) GraphQLError {
	var g GraphQLError
	if v, ok := m["message"]; ok {
		if json.Unmarshal(v, &g.Message) != nil {
			g.Message = string(v) // show what the server sent rather than nothing
		}
	}
	if v, ok := m["locations"]; ok {
		var locs []struct{ Line, Column int }
		if json.Unmarshal(v, &locs) == nil {
			for _, l := range locs {
				g.Locations = append(g.Locations, Location{Line: l.Line, Column: l.Column})
			}
		}
	}
	if v, ok := m["path"]; ok {
		_ = json.Unmarshal(v, &g.Path)
	}
	if v, ok := m["customer_facing"]; ok {
		var b bool
		if json.Unmarshal(v, &b) == nil && !isNull(v) {
			g.CustomerFacing = &b
		}
	}
	if v, ok := m["validation"]; ok {
		g.Validation = decodeValidation(v)
	}
	if v, ok := m["extensions"]; ok {
		_ = json.Unmarshal(v, &g.Extensions)
	}
	return g
}

// decodeValidation accepts Toggle's {field: [messages]} and tolerates a bare string per field.
func decodeValidation(v []byte) map[string][]string {
	var fields map[string]rawSpan
	if json.Unmarshal(v, &fields) != nil || len(fields) == 0 {
		return nil
	}
	out := make(map[string][]string, len(fields))
	for k, raw := range fields {
		var list []string
		var one string
		switch {
		case json.Unmarshal(raw, &list) == nil && list != nil:
			out[k] = list
		case json.Unmarshal(raw, &one) == nil:
			out[k] = []string{one}
		default:
			out[k] = []string{string(raw)}
		}
	}
	return out
}

// UnauthorizedMessage is the exact error message Toggle uses for a missing, expired or rejected
// token.
const UnauthorizedMessage = "Unauthorized"

// IsUnauthorized reports an authentication failure: some error's message is exactly
// "Unauthorized" AND the response carries no usable data (data absent, null, or an object whose
// fields are all null). A field error that merely mentions the word next to partial data is an
// ordinary error, not a reason to log in again.
func (e Envelope) IsUnauthorized() bool {
	found := false
	for _, g := range e.Errors {
		if g.Message == UnauthorizedMessage {
			found = true
			break
		}
	}
	return found && !e.hasUsableData()
}

// hasUsableData reports whether Data holds anything but nulls at the top level.
func (e Envelope) hasUsableData() bool {
	if !e.HasData {
		return false
	}
	var fields map[string]rawSpan
	if json.Unmarshal(e.Data, &fields) != nil {
		return true // data is present but not an object: unusual, but it is data
	}
	for _, v := range fields {
		if !isNull(v) {
			return true
		}
	}
	return false
}

// isNull reports whether a raw JSON value is the literal null.
func isNull(b []byte) bool { return string(bytes.TrimSpace(b)) == "null" }

// Snippet returns the first bytes of b in quotes, escaped on one line by display.Line (the one
// escaping every command and pane uses), so control characters from a server (ESC sequences,
// OSC 52) cannot reach the terminal; JWT-looking text is redacted.
func Snippet(b []byte) string {
	cut := b
	if len(cut) > snippetBytes {
		cut = cut[:snippetBytes] // a split rune is shown as \x escapes by display.Line
	}
	s := `"` + display.Line(RedactJWTs(string(cut))) + `"`
	if len(b) > len(cut) {
		s += "…"
	}
	return s
}
