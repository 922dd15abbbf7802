package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCacheRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache", "schemas")
	c := NewCache(dir)
	const endpoint = "https://api.example.com/graphql"
	if _, _, err := c.Load(endpoint); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load before Save: %v, want fs.ErrNotExist", err)
	}
	js := serverIntrospection(t, readFixture(t, "toggle.graphql"))
	before := time.Now().Add(-time.Second)
	if err := c.Save(endpoint, js); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(endpoint))
	path := filepath.Join(dir, hex.EncodeToString(sum[:])[:16]+".json")
	if c.Path(endpoint) != path {
		t.Fatalf("Path = %s, want %s", c.Path(endpoint), path)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	s, saved, err := c.Load(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Before(before) || saved.After(time.Now().Add(time.Second)) {
		t.Errorf("saved at %v", saved)
	}
	assertSameDocs(t, loadSDLFile(t, "toggle.graphql"), s)
	// Another endpoint has its own file.
	if _, _, err := c.Load(endpoint + "/v2"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("other endpoint: %v", err)
	}
	// Save replaces; no temporary files are left behind.
	if err := c.Save(endpoint, []byte(`{"data":`+string(js)+`}`)); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("cache dir holds %d files", len(entries))
	}
}

func TestCacheRejectsAndReportsDamage(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(dir)
	for _, bad := range []string{"", "type Query { a: Int }", `{"__schema":`, "[1]"} {
		if err := c.Save("e", []byte(bad)); err == nil {
			t.Errorf("Save(%q) accepted", bad)
		}
	}
	if _, err := os.Stat(c.Path("e")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a rejected Save wrote a file: %v", err)
	}
	if err := os.WriteFile(c.Path("e"), []byte(`{"__schema": {"types": 1}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Load("e"); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged cache: %v", err)
	}
}
