package ui

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
)

// An answer goes to the owner its ID's type names: one the root did not ask, even with the very
// text of the open dialog's ID, neither closes that dialog nor acts.
func TestDialogAnswersAreRoutedByTheirOwnersType(t *testing.T) {
	d, lib, _ := libraryDriver(t)
	d.press("ctrl+s")
	if !strings.Contains(d.m.View(), "Save query as") {
		t.Fatal("ctrl+s on a new query did not ask for a name")
	}
	for _, stray := range []prompt.InputSubmittedMsg{
		{ID: "save-as", Value: "stray"},      // a plain string, not the root's libraryDialog
		{ID: struct{ n int }{1}, Value: "x"}, // nobody's
	} {
		d.settle(d.send(stray))
		if lib.Exists(stray.Value) {
			t.Fatalf("%#v saved a query", stray)
		}
		if !d.m.dialog.open() {
			t.Fatalf("%#v closed the root's dialog", stray)
		}
	}
	d.settle(d.send(prompt.InputSubmittedMsg{ID: dialogSaveAs, Value: "mine"}))
	if !lib.Exists("mine") {
		t.Fatal("the root's own answer was not taken")
	}
}
