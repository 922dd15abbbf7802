package headers

import (
	"fmt"
	"net/http"
	"strings"
)

// Expand replaces $VAR and ${VAR} in every value using lookup (os.LookupEnv in the program); $$
// is a literal $. A reference to an unset variable is an error naming the header and the
// variable, never an empty value sent silently.
func Expand(hs []Header, lookup func(string) (string, bool)) ([]Header, error) {
	out := make([]Header, len(hs))
	for i, h := range hs {
		v, err := expandValue(h.Value, lookup)
		if err != nil {
			return nil, fmt.Errorf("header %s: %w", h.Name, err)
		}
		h.Value = v
		out[i] = h
	}
	return out, nil
}

func expandValue(s string, lookup func(string) (string, bool)) (string, error) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b.WriteByte(s[i])
			continue
		}
		rest := s[i+1:]
		var name string
		switch {
		case strings.HasPrefix(rest, "$"):
			b.WriteByte('$')
			i++
			continue
		case strings.HasPrefix(rest, "{"):
			end := strings.IndexByte(rest, '}')
			if end < 0 {
				return "", fmt.Errorf("${ without a closing }")
			}
			name = rest[1:end]
			if !validVarName(name) {
				return "", fmt.Errorf("${%s} is not a variable name", clip(name))
			}
			i += end + 1
		default:
			n := 0
			for n < len(rest) && isVarChar(rest[n], n == 0) {
				n++
			}
			if n == 0 {
				b.WriteByte('$') // a lone $ (say "$5") is text
				continue
			}
			name = rest[:n]
			i += n
		}
		v, ok := lookup(name)
		if !ok {
			return "", fmt.Errorf("the environment variable %s is not set", name)
		}
		if strings.ContainsAny(v, "\r\n") {
			return "", fmt.Errorf("the environment variable %s holds a line break", name)
		}
		b.WriteString(v)
	}
	return b.String(), nil
}

func isVarChar(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

func validVarName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isVarChar(s[i], i == 0) {
			return false
		}
	}
	return true
}

// HTTP turns expanded headers into an http.Header, and reports whether one of them deliberately
// overrides Authorization.
func HTTP(hs []Header) (h http.Header, overrideAuth bool) {
	if len(hs) == 0 {
		return nil, false
	}
	h = make(http.Header, len(hs))
	for _, x := range hs {
		h.Set(x.Name, x.Value)
		if x.Name == "Authorization" {
			overrideAuth = true
		}
	}
	return h, overrideAuth
}
