package session

import (
	"testing"
	"time"
)

// A restored token's age counts from when it was received (saved), not from the restore: login
// --check said "issued 1m9s ago … age 0s".
func TestRestoredTokenKeepsItsAge(t *testing.T) {
	clock := newFakeClock()
	store := &memStore{}
	s, err := New(Config{Endpoint: "http://127.0.0.1:1/graphql", Clock: clock, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	issued := clock.Now()
	raw := jwtAt(issued, time.Hour, 1)
	if err := store.Save(s.Endpoint(), StoredToken{Identity: "demo", Token: raw, SavedAt: issued}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(69 * time.Second)
	tok, ok := s.Restore("demo")
	if !ok {
		t.Fatal("a valid stored token was not restored")
	}
	if got := tok.Age(clock.Now()); got != 69*time.Second {
		t.Fatalf("age of the restored token = %v, want 1m9s", got)
	}
	// A save time ahead of our clock is not believed: the age is then counted from now.
	clock.Advance(time.Second)
	if err := store.Save(s.Endpoint(), StoredToken{Identity: "demo", Token: raw, SavedAt: clock.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if tok, ok = s.Restore("demo"); !ok || tok.Age(clock.Now()) != 0 {
		t.Fatalf("future save time: restored %v, age %v", ok, tok.Age(clock.Now()))
	}
}
