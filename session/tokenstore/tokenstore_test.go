package tokenstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/toggle-explorer/toggle-explorer/session"
)

const canary = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnktN2Y0YyJ9.c2lnbmF0dXJlLWNhbmFyeQ"

func TestFileRoundTripIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "tokens.json")
	store := NewFile(path)
	if _, err := store.Load("http://a/graphql"); !errors.Is(err, session.ErrNotStored) {
		t.Fatalf("empty store: want ErrNotStored, got %v", err)
	}
	saved := session.StoredToken{Identity: "demo", Token: canary, SavedAt: time.Unix(1700000000, 0).UTC()}
	if err := store.Save("http://a/graphql", saved); err != nil {
		t.Fatal(err)
	}
	if err := store.Save("http://b/graphql", session.StoredToken{Identity: "other", Token: "t2"}); err != nil {
		t.Fatal(err)
	}
	got, err := store.Load("http://a/graphql")
	if err != nil || got != saved {
		t.Fatalf("Load = %+v, %v; want %+v", got, err, saved)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("token file mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	if err := store.Delete("http://a/graphql"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load("http://a/graphql"); !errors.Is(err, session.ErrNotStored) {
		t.Fatalf("after delete: want ErrNotStored, got %v", err)
	}
	if got, _ := store.Load("http://b/graphql"); got.Identity != "other" {
		t.Fatalf("deleting one endpoint lost another: %+v", got)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), canary) {
		t.Fatal("a deleted token is still in the file")
	}
}

func TestFileConcurrentWritersLoseNothing(t *testing.T) {
	store := NewFile(filepath.Join(t.TempDir(), "tokens.json"))
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			endpoint := fmt.Sprintf("http://host%d/graphql", i)
			if err := store.Save(endpoint, session.StoredToken{Identity: endpoint, Token: "t"}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range 20 {
		endpoint := fmt.Sprintf("http://host%d/graphql", i)
		if got, err := store.Load(endpoint); err != nil || got.Identity != endpoint {
			t.Fatalf("%s: %+v, %v", endpoint, got, err)
		}
	}
}

func TestFileCorruptErrorNeverQuotesContent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"tokens":{"x":{"token":"`+canary), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := NewFile(path).Load("x")
	if err == nil {
		t.Fatal("want an error for a corrupt file")
	}
	if strings.Contains(err.Error(), canary) || strings.Contains(err.Error(), "eyJ") {
		t.Fatalf("error leaks the token: %v", err)
	}
}

func TestFileTightensAnOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"tokens":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewFile(path).Load("x"); !errors.Is(err, session.ErrNotStored) {
		t.Fatalf("got %v", err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", info.Mode().Perm())
	}
}

// fakeKeyring is an in-memory Backend with failure modes.
type fakeKeyring struct {
	mu      sync.Mutex
	entries map[string]string
	mode    string // "ok", "hang", "unavailable", "too-big"
	release chan struct{}
}

func newFakeKeyring(mode string) *fakeKeyring {
	return &fakeKeyring{entries: map[string]string{}, mode: mode, release: make(chan struct{})}
}

func (f *fakeKeyring) fail(value string) error {
	switch f.mode {
	case "hang":
		<-f.release
		return errors.New("released")
	case "unavailable":
		return errors.New("The name org.freedesktop.secrets was not provided by any .service files")
	case "too-big":
		if len(value) > 2560 {
			return errors.New("the stub received bad data")
		}
	}
	return nil
}

func (f *fakeKeyring) Get(service, user string) (string, error) {
	if err := f.fail(""); err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.entries[service+"/"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (f *fakeKeyring) Set(service, user, value string) error {
	if err := f.fail(value); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries[service+"/"+user] = value
	return nil
}

func (f *fakeKeyring) Delete(service, user string) error {
	if err := f.fail(""); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.entries[service+"/"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(f.entries, service+"/"+user)
	return nil
}

func TestKeyringRoundTrip(t *testing.T) {
	store := NewKeyring(newFakeKeyring("ok"), time.Second)
	if _, err := store.Load("e"); !errors.Is(err, session.ErrNotStored) {
		t.Fatalf("want ErrNotStored, got %v", err)
	}
	want := session.StoredToken{Identity: "demo", Token: canary}
	if err := store.Save("e", want); err != nil {
		t.Fatal(err)
	}
	if got, err := store.Load("e"); err != nil || got != want {
		t.Fatalf("Load = %+v, %v", got, err)
	}
	if err := store.Delete("e"); err != nil {
		t.Fatal(err)
	}
	if err := store.Delete("e"); err != nil {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestKeyringThatHangsTimesOut(t *testing.T) {
	backend := newFakeKeyring("hang")
	defer close(backend.release)
	store := NewKeyring(backend, 50*time.Millisecond)
	err := store.Save("e", session.StoredToken{Token: canary})
	if err == nil || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("want a timeout error, got %v", err)
	}
}

func TestFallbackUsesTheFileWhenTheKeyringFails(t *testing.T) {
	for _, mode := range []string{"unavailable", "too-big"} {
		t.Run(mode, func(t *testing.T) {
			file := NewFile(filepath.Join(t.TempDir(), "tokens.json"))
			store := NewFallback(NewKeyring(newFakeKeyring(mode), time.Second), file)
			big := session.StoredToken{Identity: "demo", Token: strings.Repeat("x", 3000)}
			if err := store.Save("e", big); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(store.Where(), "file ") || !strings.Contains(store.Where(), "keyring unavailable") {
				t.Fatalf("Where = %q; want the file, and why", store.Where())
			}
			if got, err := file.Load("e"); err != nil || got != big {
				t.Fatalf("file holds %v, %v", got.Identity, err)
			}
			if got, err := store.Load("e"); err != nil || got != big {
				t.Fatalf("Load through the fallback: %v", err)
			}
		})
	}
}

func TestFallbackKeepsTheKeyringWhileItWorks(t *testing.T) {
	file := NewFile(filepath.Join(t.TempDir(), "tokens.json"))
	store := NewFallback(NewKeyring(newFakeKeyring("ok"), time.Second), file)
	if err := store.Save("e", session.StoredToken{Token: canary}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(store.Where(), "OS keyring") {
		t.Fatalf("Where = %q", store.Where())
	}
	if _, err := file.Load("e"); !errors.Is(err, session.ErrNotStored) {
		t.Fatalf("the token also went to the file: %v", err)
	}
	if err := store.Delete("e"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load("e"); !errors.Is(err, session.ErrNotStored) {
		t.Fatalf("after delete: %v", err)
	}
}
