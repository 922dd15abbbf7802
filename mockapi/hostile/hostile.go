// Package hostile is a test server that answers with terminal escape sequences in every field it
// controls: error messages, paths, validation keys and messages, a login refusal, the token's
// subject, non-JSON and invalid-JSON bodies, raw C1 and bidi characters inside JSON strings. Tests
// of every command and view run against it and assert that no raw control or bidi byte reaches
// their output. It imports nothing of ours, like mockapi.
package hostile

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Payload holds one of every attack: an OSC title change, a screen clear, an OSC 52 clipboard
// write, a C1 CSI (U+009B), a bidi override, DEL, a lone CR, a newline and a tab (which break a
// single-line field), and an invalid UTF-8 byte.
const Payload = "T\x1b]0;pwned\x07C\x1b[2JK\x1b]52;c;cHduZWQ=\x07S\u009b31mB\u202eevil\u2066D\x7fR\rN\nT\tX\xff"

// Password is the password the server accepts; any other is refused with Payload as the message.
const Password = "right-password"

// Queries the server recognises by a word in the document: each answers a different way.
const (
	QueryErrors  = "{ errors }"  // 200, GraphQL errors with Payload in message, path, validation
	QueryNonJSON = "{ nonjson }" // 502 text/html whose body is Payload
	QueryInvalid = "{ invalid }" // 200 application/json that is not valid JSON, with Payload
	QueryData    = "{ data }"    // 200, valid JSON whose strings hold raw C1, bidi and DEL
)

// Handler returns the hostile GraphQL endpoint. now gives the tokens' iat (the token lasts an
// hour from it).
func Handler(now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		var req struct {
			Query     string         `json:"query"`
			Variables map[string]any `json:"variables"`
		}
		_ = json.Unmarshal(body, &req)
		h := w.Header()
		h.Set("Content-Type", "application/json")
		switch {
		case strings.Contains(req.Query, "loginUser"):
			if req.Variables["password"] != Password {
				writeJSON(w, map[string]any{"data": map[string]any{"loginUser": nil},
					"errors": []any{map[string]any{"message": Payload}}})
				return
			}
			h.Set("X-Authorization", "Bearer "+Token(now()))
			writeJSON(w, map[string]any{"data": map[string]any{"loginUser": map[string]any{"id": 1}}})
		case strings.Contains(req.Query, "nonjson"):
			h.Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, "<html>"+Payload+"</html>\n")
		case strings.Contains(req.Query, "invalid"):
			_, _ = io.WriteString(w, `{"data": {"x": "`+Payload+`"`)
		case strings.Contains(req.Query, "data"):
			// Valid JSON whose strings carry raw C1, bidi, DEL and U+2028: encoding/json would
			// not escape any of them, and json.Indent copies them as they are.
			_, _ = io.WriteString(w, "{\"data\":{\"d\u202ekey\":\"S\u009b31mB\u202eevil\u2066D\x7f\u2028\"}}")
		default:
			writeJSON(w, map[string]any{
				"data": map[string]any{"errors": nil},
				"errors": []any{map[string]any{
					"message":         Payload,
					"path":            []any{Payload, 0},
					"locations":       []any{map[string]any{"line": 1, "column": 3}},
					"customer_facing": true,
					"validation":      map[string]any{Payload: []any{Payload}},
				}},
			})
		}
	})
}

// Token is a JWT (signed with nothing anyone checks) whose subject and custom claims are Payload.
func Token(iat time.Time) string {
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]any{"alg": "HS256", "typ": "JWT", "kid": Payload})
	claims, _ := json.Marshal(map[string]any{
		"sub": Payload, "iat": iat.Unix(), "exp": iat.Add(time.Hour).Unix(),
		"jti": "j" + strconv.FormatInt(iat.UnixNano(), 36), Payload: Payload,
	})
	return enc.EncodeToString(header) + "." + enc.EncodeToString(claims) + "." + enc.EncodeToString([]byte("signature"))
}

func writeJSON(w io.Writer, v any) {
	// encoding/json escapes C0 controls but not C1, DEL or bidi; invalid UTF-8 becomes U+FFFD.
	_ = json.NewEncoder(w).Encode(v)
}
