package tokenstore

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// Whatever bytes the token file holds, Load answers with a token, ErrNotStored, a CorruptError or
// (for a later format) a version error, never a panic; a Save afterwards leaves a readable file,
// except over a later format, which it leaves alone.
func FuzzFileLoadAndSave(f *testing.F) {
	for _, seed := range []string{"", "{}", `{"version":1,"tokens":{}}`, `{"version":1}{"x"`, "\x00\xff", `{"version":2,"tokens":{}}`,
		`{"version":1,"tokens":{"e":{"identity":"demo","token":"t"}}}`, `[1,2,3]`, `{"version":1,"tokens":null}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "tokens.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		store := NewFile(path)
		_, err := store.Load("e")
		var corrupt *CorruptError
		if err != nil && !errors.Is(err, session.ErrNotStored) && !errors.As(err, &corrupt) &&
			!strings.Contains(err.Error(), "format version") {
			t.Fatalf("unexpected Load error: %v", err)
		}
		if err := store.Save("e", session.StoredToken{Identity: "demo", Token: "t"}); err != nil {
			if strings.Contains(err.Error(), "format version") {
				return // a future layout is left alone, never overwritten
			}
			t.Fatalf("Save: %v", err)
		}
		if got, err := store.Load("e"); err != nil || got.Token != "t" {
			t.Fatalf("after Save: %+v, %v", got, err)
		}
	})
}
