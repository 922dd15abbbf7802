package session

import (
	"bytes"
	"encoding/json"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// maskedValue replaces a secret variable's value in logged request bodies.
const maskedValue = "<masked>"

// MaskRequestBody returns a copy of a GraphQL request body safe to log: with maskAll (loginUser)
// every variable value is masked; otherwise values under secret-looking keys (query.IsSecretKey),
// at any depth, and
// JWT-looking strings are masked. A body that is not a JSON object is logged with JWTs redacted.
func MaskRequestBody(body []byte, maskAll bool) []byte {
	var req map[string]any
	if json.Unmarshal(body, &req) != nil {
		return []byte(RedactJWTs(string(body)))
	}
	if vars, ok := req["variables"].(map[string]any); ok {
		for k, v := range vars {
			if maskAll || query.IsSecretKey(k) {
				vars[k] = maskedValue
			} else {
				vars[k] = maskValue(v)
			}
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // keep "<masked>" readable instead of \u003cmasked\u003e
	if enc.Encode(req) != nil {
		return []byte(maskedValue)
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n"))
}

// maskValue masks secret keys inside nested objects and lists, and JWT-looking strings.
func maskValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, vv := range x {
			if query.IsSecretKey(k) {
				x[k] = maskedValue
			} else {
				x[k] = maskValue(vv)
			}
		}
		return x
	case []any:
		for i := range x {
			x[i] = maskValue(x[i])
		}
		return x
	case string:
		return RedactJWTs(x)
	}
	return v
}
