package uitest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// CheckFullHelp fails t for every key.Binding field of keymap (a KeyMap struct, the one place a
// pane's keys are declared and matched in Update) that its FullHelp does not list, so no key
// that works can hide from f1. except names fields deliberately left out, each for a reason the
// caller states beside it.
func CheckFullHelp(t testing.TB, keymap help.KeyMap, except ...string) {
	t.Helper()
	listed := map[string]bool{}
	for _, group := range keymap.FullHelp() {
		for _, b := range group {
			listed[bindingID(b)] = true
		}
	}
	v := reflect.ValueOf(keymap)
	if v.Kind() != reflect.Struct {
		t.Fatalf("CheckFullHelp: %T is not a struct", keymap)
	}
	bindingType := reflect.TypeOf(key.Binding{})
	found := 0
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Type != bindingType {
			continue
		}
		found++
		if slices.Contains(except, f.Name) {
			continue
		}
		if b := v.Field(i).Interface().(key.Binding); !listed[bindingID(b)] {
			t.Errorf("%T.%s (%s %q) works but is not in the full help", keymap, f.Name, b.Help().Key, b.Help().Desc)
		}
	}
	if found == 0 {
		t.Fatalf("CheckFullHelp: %T has no key.Binding fields", keymap)
	}
}

// bindingID tells bindings apart by what they match and what help says about them.
func bindingID(b key.Binding) string {
	id := b.Help().Key + "\x00" + b.Help().Desc
	for _, k := range b.Keys() {
		id += "\x00" + k
	}
	return id
}
