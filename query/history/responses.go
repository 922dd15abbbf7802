package history

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// Response bodies are kept beside the history, one file per entry in
// ResponsesDir, so an entry's answer can be compared with a later one. They
// are bounded three ways: a body larger than MaxResponseBytes is not kept, and
// when the kept bodies pass ResponsesBudget bytes or maxResponses files the
// oldest are deleted first. A body is never kept for a login, and what is kept
// is masked like the variables: the value of every secret-looking key (see
// query.IsSecretKey) and every string holding a JWT become query.Mask, so a
// token the server hands out (a refresh, a login inside a batch) never lands
// on disk. The rest is the server's answer about the user's own data, which
// is what the comparison is for.
const (
	// MaxResponseBytes is the largest body kept.
	MaxResponseBytes = 1 << 20
	// ResponsesBudget bounds the bytes of all kept bodies together.
	ResponsesBudget = 64 << 20
	// maxResponses bounds how many bodies are kept, so that trimming (which
	// lists the directory) stays quick however small the bodies are.
	maxResponses = 4096
)

// ErrNoResponse says an entry has no kept response: none was recorded (an
// older entry, a login, a failure, a body too large) or it was dropped to keep
// the bound.
var ErrNoResponse = errors.New("no response kept for this entry")

// ResponsesDir is the directory of the kept response bodies.
func (h *Log) ResponsesDir() string {
	return filepath.Join(filepath.Dir(h.path), "responses")
}

// Response returns the response body kept for e (masked as described above),
// or an error wrapping ErrNoResponse when there is none.
func (h *Log) Response(e Entry) ([]byte, error) {
	if e.Response == "" {
		return nil, ErrNoResponse
	}
	if !validResponseName(e.Response) {
		// The name comes from a file anyone may have edited: never a path.
		return nil, fmt.Errorf("history: bad response reference %q", e.Response)
	}
	f, err := os.Open(filepath.Join(h.ResponsesDir(), e.Response))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w (dropped to keep the history's bound)", ErrNoResponse)
	}
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, h.maxResponse+1))
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if int64(len(data)) > h.maxResponse {
		return nil, fmt.Errorf("history: response %s is larger than %d bytes", e.Response, h.maxResponse)
	}
	return data, nil
}

// keepResponse stores body for an entry sent at t and returns the file's name,
// or "" when the body is not to be kept (empty, too large, not JSON; sanitize
// already dropped a login's). The caller holds the history's lock.
func (h *Log) keepResponse(body []byte, t time.Time) (string, error) {
	if len(body) == 0 || int64(len(body)) > h.maxResponse {
		return "", nil
	}
	masked, ok := maskResponse(body)
	if !ok {
		return "", nil
	}
	var suffix [4]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return "", fmt.Errorf("history: %w", err)
	}
	// The time first and zero-padded: names sort oldest first, which trimming uses.
	name := fmt.Sprintf("%019d-%s.json", max(0, t.UnixNano()), hex.EncodeToString(suffix[:]))
	if err := securefile.WriteFile(filepath.Join(h.ResponsesDir(), name), masked, securefile.FilePerm); err != nil {
		return "", fmt.Errorf("history: keep response: %w", err)
	}
	return name, h.trimResponses(name)
}

// trimResponses deletes the oldest bodies until the rest fit the bounds; keep
// (the one just written) always stays.
func (h *Log) trimResponses(keep string) error {
	dir := h.ResponsesDir()
	list, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	type kept struct {
		name string
		size int64
	}
	var files []kept
	var total int64
	for _, d := range list {
		if !validResponseName(d.Name()) {
			continue
		}
		info, err := d.Info()
		if err != nil {
			continue // deleted meanwhile
		}
		files = append(files, kept{d.Name(), info.Size()})
		total += info.Size()
	}
	slices.SortFunc(files, func(a, b kept) int { return strings.Compare(a.name, b.name) })
	for i := 0; i < len(files) && (total > h.responseBudget || len(files)-i > maxResponses); i++ {
		if files[i].name == keep {
			continue
		}
		if err := os.Remove(filepath.Join(dir, files[i].name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("history: trim responses: %w", err)
		}
		total -= files[i].size
	}
	return nil
}

// validResponseName reports whether name is one keepResponse makes:
// 19 digits, '-', 8 lower-case hex digits, ".json".
func validResponseName(name string) bool {
	if len(name) != 19+1+8+5 || !strings.HasSuffix(name, ".json") || name[19] != '-' {
		return false
	}
	for i, c := range name[:28] {
		switch {
		case i == 19:
		case i < 19 && c >= '0' && c <= '9':
		case i > 19 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'f'):
		default:
			return false
		}
	}
	return true
}

// maskResponse copies a JSON body as it is (same text, spacing and escapes,
// so values compare exactly with a later answer) except that the value of
// every secret-looking key and every string holding a JWT become query.Mask.
// ok is false when body is not one valid JSON value. It scans the bytes once
// rather than decoding: a 1 MiB body is masked in a few milliseconds.
func maskResponse(body []byte) (out []byte, ok bool) {
	if !json.Valid(body) {
		return nil, false
	}
	mask := []byte(`"` + query.Mask + `"`)
	out = make([]byte, 0, len(body))
	type frame struct{ object, expectKey bool }
	var stack []frame
	// A list repeats its keys in every element; IsSecretKey is not cheap (it splits the name
	// into words), so each distinct key is asked once.
	secret := map[string]bool{}
	isSecret := func(key string) bool {
		v, seen := secret[key]
		if !seen {
			v = query.IsSecretKey(key)
			secret[key] = v
		}
		return v
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '{', '[':
			stack = append(stack, frame{object: c == '{', expectKey: c == '{'})
		case '}', ']':
			stack = stack[:len(stack)-1]
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].expectKey = true
			}
		case '"':
			end := stringEnd(body, i)
			raw := body[i:end]
			if n := len(stack); n > 0 && stack[n-1].expectKey {
				stack[n-1].expectKey = false
				out = append(out, raw...)
				if !isSecret(jsonString(raw)) {
					i = end
					continue
				}
				// Keep the colon and the spacing, drop the value whatever it is.
				j := end
				for body[j] != ':' {
					j++
				}
				j++
				for isSpace(body[j]) {
					j++
				}
				out = append(out, body[end:j]...)
				out = append(out, mask...)
				i = valueEnd(body, j)
				continue
			}
			if (bytes.Contains(raw, []byte("eyJ")) || bytes.IndexByte(raw, '\\') >= 0) && holdsJWT(jsonString(raw)) {
				out = append(out, mask...)
			} else {
				out = append(out, raw...)
			}
			i = end
			continue
		}
		out = append(out, c)
		i++
	}
	return out, true
}

// jsonString is the text of the JSON string literal raw (quotes included);
// only a literal with escapes is decoded.
func jsonString(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	_ = json.Unmarshal(raw, &s) // valid: the body passed json.Valid
	return s
}

// stringEnd is the index just past the string literal starting at body[i].
func stringEnd(body []byte, i int) int {
	for j := i + 1; j < len(body); j++ {
		switch body[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(body)
}

// valueEnd is the index just past the (valid) JSON value starting at body[i].
func valueEnd(body []byte, i int) int {
	switch body[i] {
	case '"':
		return stringEnd(body, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(body); {
			switch body[j] {
			case '"':
				j = stringEnd(body, j)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
			j++
		}
		return len(body)
	}
	j := i
	for j < len(body) && !isSpace(body[j]) && body[j] != ',' && body[j] != '}' && body[j] != ']' {
		j++
	}
	return j
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// holdsJWT reports whether s contains a JWT-looking run: "eyJ" (base64url of
// `{"`) followed by base64url text with at least one '.', 16 bytes or more.
func holdsJWT(s string) bool {
	for i := strings.Index(s, "eyJ"); i >= 0; {
		j, dots := i, 0
		for j < len(s) && (isB64URL(s[j]) || s[j] == '.') {
			if s[j] == '.' {
				dots++
			}
			j++
		}
		if dots > 0 && j-i >= 16 {
			return true
		}
		next := strings.Index(s[i+3:], "eyJ")
		if next < 0 {
			return false
		}
		i += 3 + next
	}
	return false
}

func isB64URL(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '='
}
