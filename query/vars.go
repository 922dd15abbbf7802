package query

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// MaxVarsFileSize caps what LoadVarsFile reads: variables are small, and a
// wrong path (a log, a dump) should fail clearly rather than fill memory.
const MaxVarsFileSize = 8 << 20

// ParseVarFlag parses a `--var name=value` argument. The value is decoded as
// JSON when the whole of it is valid JSON, else taken as the raw string:
// `id=42` gives 42, `ok=true` gives true, `name=Bob` gives "Bob",
// `o={"a":1}` gives an object.
//
// JSON numbers are kept as json.Number, never float64, so a 19-digit card
// reference keeps every digit and is sent exactly as typed. When the
// operation declares the variable as String or ID, CoerceVariables turns such
// a number into the string the user meant. To force a string, quote it:
// `ref='"6301..."'`.
//
// Errors never repeat the value, which may be a password.
func ParseVarFlag(s string) (name string, value any, err error) {
	name, raw, ok := strings.Cut(s, "=")
	if !ok {
		return "", nil, errors.New(`--var needs name=value (no "=" found)`)
	}
	if name == "" {
		return "", nil, errors.New(`--var needs a name before "="`)
	}
	if !IsName(name) {
		return "", nil, fmt.Errorf("--var name %q is not a valid GraphQL name (letters, digits and _, not starting with a digit; no $)", safeName(name))
	}
	if v, ok := decodeJSONValue(raw); ok {
		return name, v, nil
	}
	return name, raw, nil
}

// decodeJSONValue decodes text as one JSON value with numbers kept as
// json.Number; ok is false unless the whole text is one valid value.
func decodeJSONValue(text string) (any, bool) {
	if !json.Valid([]byte(text)) {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	return v, true
}

// IsName reports whether s matches the GraphQL Name rule
// /[_A-Za-z][_0-9A-Za-z]*/.
func IsName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// safeName shortens a bad name for an error message: whatever the user typed
// before "=" is a name, not a value, but keep it short in case it was pasted
// by mistake.
func safeName(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit]) + "…"
}

// ParseVariablesJSON parses the variables editor's text: a JSON object, or
// empty (whitespace only) text for no variables. Numbers are kept as
// json.Number (see ParseVarFlag). Any error is a *JSONError with the line and
// column of the problem, so the editor can point at it as the user types.
func ParseVariablesJSON(text string) (map[string]any, error) {
	if strings.TrimSpace(text) == "" {
		return map[string]any{}, nil
	}
	// json.Unmarshal checks the whole text first and reports a byte offset
	// for every syntax error, including truncation and trailing data; the
	// streaming Decoder reports bare io.ErrUnexpectedEOF with no offset.
	var raw json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, jsonErrorAt(text, syntaxErrorOffset(text, se), se.Error())
		}
		return nil, jsonErrorAt(text, 0, err.Error())
	}
	start := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	if text[start] != '{' {
		return nil, jsonErrorAt(text, start, "variables must be a JSON object, like {\"name\": value}, not "+jsonKindOf(text[start]))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var vars map[string]any
	if err := dec.Decode(&vars); err != nil {
		return nil, jsonErrorAt(text, start, err.Error()) // cannot happen: raw is a valid object
	}
	if vars == nil {
		vars = map[string]any{}
	}
	return vars, nil
}

// syntaxErrorOffset picks the byte the error is about. encoding/json's Offset
// counts the bytes read, which includes the offending one; at the end of the
// text the problem is the missing rest, so point just past the last byte.
func syntaxErrorOffset(text string, se *json.SyntaxError) int {
	off := int(se.Offset)
	if off >= len(text) && strings.Contains(se.Error(), "unexpected end") {
		return len(text)
	}
	return max(0, off-1)
}

func jsonKindOf(first byte) string {
	switch first {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonErrorAt builds a *JSONError for byte offset off in text.
func jsonErrorAt(text string, off int, msg string) *JSONError {
	line, col := NewTextIndex(text).lineColAt(off)
	return &JSONError{Line: line, Column: col, Message: msg}
}

// LoadVarsFile reads a variables file (a JSON object; an empty file means no
// variables). Errors name the file, and JSON errors are *JSONError with File
// set, printed as "file:line:col: message".
func LoadVarsFile(path string) (map[string]any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError already names the file
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxVarsFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read variables file %s: %w", path, err)
	}
	if len(data) > MaxVarsFileSize {
		return nil, fmt.Errorf("variables file %s is larger than %s", path, display.Size(MaxVarsFileSize))
	}
	vars, err := ParseVariablesJSON(string(data))
	if err != nil {
		var je *JSONError
		if errors.As(err, &je) {
			je.File = path
			return nil, je
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return vars, nil
}

// MergeVars returns a new map with base's variables overridden by
// overrides' (for `--vars FILE` then `--var k=v`). The merge is shallow by
// design: `--var input={...}` replaces the whole input object, which is what
// the user sees on the command line. Values are deep-copied, so changing the
// result never changes the inputs.
func MergeVars(base, overrides map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(overrides))
	for k, v := range base {
		out[k] = deepCopy(v)
	}
	for k, v := range overrides {
		out[k] = deepCopy(v)
	}
	return out
}

// deepCopy copies the JSON-shaped containers (objects and lists) in v.
func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}
