package saved

import (
	"reflect"
	"testing"
)

func TestInstallStarterNeverOverwrites(t *testing.T) {
	l := newTestLibrary(t)
	files := map[string]string{
		"Cards":       "query Cards { Cards { total } }",
		"Card by ref": "query Card($ref: String!) { Card(ref: $ref) { id } }",
		"Ping":        "{ __typename }",
	}
	vars := map[string]string{"Card by ref": `{"ref": "6301000000000000001"}`}

	got, err := InstallStarter(l, files, vars)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Card by ref", "Cards", "Ping"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("installed %q, want %q", got, want)
	}
	if s := mustLoad(t, l, "Card by ref"); s.Text != files["Card by ref"] || s.Variables != vars["Card by ref"] {
		t.Fatalf("Card by ref = %+v", s)
	}

	// The user edits one, deletes another and keeps a stray variables file
	// for a third name: installing again touches none of their work.
	v := mustLoad(t, l, "Cards").Version
	if _, err := l.Save("Cards", "query Cards { mine }", "", v, false); err != nil {
		t.Fatal(err)
	}
	if err := l.Delete("Ping"); err != nil {
		t.Fatal(err)
	}
	writeRaw(t, l.varsPath("Extra"), `{"mine": true}`)
	files["Extra"] = "{ extra }"

	got, err = InstallStarter(l, files, vars)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Ping"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("second install wrote %q, want %q", got, want)
	}
	if s := mustLoad(t, l, "Cards"); s.Text != "query Cards { mine }" {
		t.Fatalf("user's edit overwritten: %q", s.Text)
	}
	if got := filesOf(t, l, "Extra"); got != [2]string{"", `{"mine": true}`} {
		t.Fatalf("stray variables touched: %q", got)
	}
}

func TestInstallStarterRejectsBadInputBeforeWriting(t *testing.T) {
	for name, in := range map[string]struct{ files, vars map[string]string }{
		"bad name":         {map[string]string{"ok": "{ a }", "../evil": "{ b }"}, nil},
		"orphan variables": {map[string]string{"ok": "{ a }"}, map[string]string{"other": `{"a":1}`}},
	} {
		t.Run(name, func(t *testing.T) {
			l := newTestLibrary(t)
			if got, err := InstallStarter(l, in.files, in.vars); err == nil || got != nil {
				t.Fatalf("InstallStarter = %q, %v; want an error", got, err)
			}
			if fileExists(l.Dir()) {
				t.Fatal("bad input still wrote files")
			}
		})
	}
}
