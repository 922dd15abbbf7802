package session

// MaxJSONDepth is encoding/json's nesting limit: it refuses a value nested deeper with a syntax
// error, so a deep but well-formed body would read as "not valid JSON" without this check.
const MaxJSONDepth = 10000

// JSONTooDeep reports whether b opens more than MaxJSONDepth arrays and objects inside one
// another (brackets inside strings do not count). It looks only at nesting, not at validity: the
// decoders call it after a failure, to tell "too deep" from "invalid".
func JSONTooDeep(b []byte) bool {
	depth, inString, escaped := 0, false, false
	for _, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > MaxJSONDepth {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}
