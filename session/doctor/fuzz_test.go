package doctor

import (
	"net/http"
	"strings"
	"testing"
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
