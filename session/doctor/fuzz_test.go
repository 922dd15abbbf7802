package doctor

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// The token headers come from the server: whatever they hold, offered never panics, names only
// headers that were there, and returns a token without its Bearer prefix.
func FuzzOffered(f *testing.F) {
	f.Add("eyJh.eyJi.c2ln", "Bearer eyJh.eyJi.c2ln")
	f.Add("Bearer ", "bearer\tx")
	f.Add("", "Token abc")
	f.Fuzz(func(t *testing.T, x, a string) {
		h := http.Header{}
		if x != "" {
			h["X-Authorization"] = []string{x}
		}
		if a != "" {
			h["Authorization"] = []string{a}
		}
		raw, headers, _, same := offered(h)
		if raw == "" && len(headers) > 0 {
			t.Fatal("headers named without a token")
		}
		if same && len(headers) != 2 {
			t.Fatal("same token claimed for fewer than two headers")
		}
		if len(raw) > 7 && strings.EqualFold(raw[:7], "bearer ") && raw == stripBearer(raw) {
			t.Fatalf("prefix left on %q", raw)
		}
	})
}

// escape must leave nothing a terminal acts on, and escapeJSON must keep JSON valid and free of
// raw DEL, C1 and bidi controls.
func FuzzEscape(f *testing.F) {
	f.Add("plain")
	f.Add("\x1b[2J\x1b]52;c;SGk=\x07")
	f.Add("\u009b31m\u202e\u2066x\x7f\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := escape(s)
		if !utf8.ValidString(out) {
			t.Fatal("invalid UTF-8 out")
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || unsafeRune(r) {
				t.Fatalf("unsafe rune %U left in %q", r, out)
			}
		}
		b, err := json.Marshal(map[string]string{"s": s})
		if err != nil {
			t.Fatal(err)
		}
		e := escapeJSON(b)
		var back map[string]string
		if err := json.Unmarshal(e, &back); err != nil {
			t.Fatalf("escapeJSON broke JSON: %v", err)
		}
		for _, r := range string(e) {
			if r == 0x7f || unsafeRune(r) {
				t.Fatalf("raw %U in JSON", r)
			}
		}
		if back["s"] != strings.ToValidUTF8(s, "\uFFFD") {
			// encoding/json replaces invalid bytes one by one; compare only valid input.
			if utf8.ValidString(s) {
				t.Fatalf("round trip changed %q into %q", s, back["s"])
			}
		}
	})
}
