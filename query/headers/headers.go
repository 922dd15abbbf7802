package headers

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// OverrideMark prefixes a header name that deliberately replaces a header the session sets
// itself (Authorization).
const OverrideMark = "!"

// Header is one user header as written.
type Header struct {
	// Name is the header name in canonical form (X-Request-Id).
	Name string
	// Value is the value as written, with $VAR references not yet expanded.
	Value string
	// Override is true when the line carried the OverrideMark.
	Override bool
	// Line is the 1-based line the header came from (0 for one given alone, as with -H).
	Line int
}

// Problem is one line that could not be used.
type Problem struct {
	// Line is 1-based; 0 for a header given alone.
	Line int
	// Message says what is wrong and how to fix it.
	Message string
}

// String is "line N: message", or the message alone for a header without a line.
func (p Problem) String() string {
	if p.Line == 0 {
		return p.Message
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Message)
}

// Parse reads `Name: value` lines. It returns the usable headers and a problem for every line
// that is not one; a later line with the same name replaces an earlier one.
func Parse(text string) ([]Header, []Problem) {
	var out []Header
	var problems []Problem
	at := map[string]int{} // name → index in out, so a repeated name replaces in place
	n := 0
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		n++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		h, err := parseLine(line)
		if err != nil {
			problems = append(problems, Problem{Line: n, Message: err.Error()})
			continue
		}
		h.Line = n
		if i, ok := at[h.Name]; ok {
			out[i] = h
			continue
		}
		at[h.Name] = len(out)
		out = append(out, h)
	}
	return out, problems
}

// ParseOne reads a single `Name: value` header, as given to `run -H`.
func ParseOne(s string) (Header, error) {
	return parseLine(strings.TrimSpace(s))
}

func parseLine(line string) (Header, error) {
	var h Header
	if strings.HasPrefix(line, OverrideMark) {
		h.Override = true
		line = strings.TrimSpace(line[len(OverrideMark):])
	}
	name, value, ok := strings.Cut(line, ":")
	if !ok {
		// The text is not repeated: it may be a secret pasted without its name.
		return h, fmt.Errorf("not a `Name: value` header (no colon)")
	}
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if name == "" {
		return h, fmt.Errorf("a header needs a name before the colon")
	}
	if bad := strings.IndexFunc(name, func(r rune) bool { return !isTokenChar(r) }); bad >= 0 {
		return h, fmt.Errorf("header name %q has a character not allowed in a name (%q)", clip(name), name[bad])
	}
	if bad := strings.IndexFunc(value, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }); bad >= 0 {
		return h, fmt.Errorf("the value of %s holds a control character", name)
	}
	h.Name, h.Value = http.CanonicalHeaderKey(name), value
	switch h.Name {
	case "Authorization":
		if !h.Override {
			return h, fmt.Errorf("Authorization is the session's token and is not replaced silently; " +
				"write !Authorization: … to override it deliberately")
		}
	case "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Te", "Upgrade", "Trailer":
		return h, fmt.Errorf("%s is set by the HTTP client and cannot be given", h.Name)
	default:
		if h.Override {
			return h, fmt.Errorf("the ! override mark is only for Authorization, not %s", h.Name)
		}
	}
	return h, nil
}

// isTokenChar is RFC 9110's tchar: what a header name may hold.
func isTokenChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}

// clip shortens text quoted in a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Merge returns base with every header of over added, replacing base's headers of the same
// name: profile < saved query or pane < run -H.
func Merge(base []Header, over ...[]Header) []Header {
	out := append([]Header(nil), base...)
	for _, layer := range over {
		for _, h := range layer {
			replaced := false
			for i := range out {
				if out[i].Name == h.Name {
					out[i], replaced = h, true
					break
				}
			}
			if !replaced {
				out = append(out, h)
			}
		}
	}
	return out
}

// FromMap turns a config table {name = value} into headers, checked like lines; a name may
// carry the OverrideMark. The result is sorted by name so it is stable.
func FromMap(m map[string]string) ([]Header, []Problem) {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Header
	var problems []Problem
	for _, k := range names {
		h, err := parseLine(k + ": " + m[k])
		if err != nil {
			problems = append(problems, Problem{Message: err.Error()})
			continue
		}
		out = Merge(out, []Header{h})
	}
	return out, problems
}

// Format writes headers back as lines, one `Name: value` each.
func Format(hs []Header) string {
	var b strings.Builder
	for _, h := range hs {
		if h.Override {
			b.WriteString(OverrideMark)
		}
		b.WriteString(h.Name + ": " + h.Value + "\n")
	}
	return b.String()
}

// IsSecret reports whether a header's value must never be shown: the authentication headers,
// cookies, and any name that looks secret by the variables' rule (X-Api-Key, X-Auth-Token,
// X-Client-Secret…).
func IsSecret(name string) bool {
	switch http.CanonicalHeaderKey(strings.TrimSpace(name)) {
	case "Authorization", "X-Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie":
		return true
	}
	k := strings.ToLower(name)
	return query.IsSecretKey(name) || strings.Contains(k, "cookie") || strings.Contains(k, "session") ||
		strings.HasSuffix(strings.NewReplacer("-", "", "_", "").Replace(k), "key")
}

// Masked is the value to show for h: the value as written when the name is harmless, else
// query.Mask. Unexpanded $VAR references are shown as written either way, since they are not
// the secret.
func Masked(name, value string) string {
	if IsSecret(name) && !isOnlyReference(value) {
		return query.Mask
	}
	return value
}

// isOnlyReference reports whether v is nothing but one $VAR / ${VAR} reference (plus an optional
// scheme word such as "Bearer"), which is safe to show.
func isOnlyReference(v string) bool {
	if i := strings.LastIndexByte(v, ' '); i >= 0 {
		v = v[i+1:]
	}
	if strings.HasPrefix(v, "${") && strings.HasSuffix(v, "}") {
		return validVarName(v[2 : len(v)-1])
	}
	return strings.HasPrefix(v, "$") && validVarName(v[1:])
}
