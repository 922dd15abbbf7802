package common

import "testing"

// A change made through Edit is seen by the holder and by no earlier copy of it.
func TestSharedCopiesOnEdit(t *testing.T) {
	a := Share([2]string{"one", "two"})
	b := a
	if a.Get() != b.Get() {
		t.Fatal("copies do not share the value before an edit")
	}
	b.Edit()[0] = "changed"
	if got := a.Get()[0]; got != "one" {
		t.Fatalf("an edit of one copy reached another: %q", got)
	}
	if got := b.Get()[0]; got != "changed" {
		t.Fatalf("the edit is lost: %q", got)
	}
}
