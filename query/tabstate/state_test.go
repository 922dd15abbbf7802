package tabstate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

func sample() State {
	base := "query A { a }"
	return State{Version: FormatVersion, Active: 1, Tabs: []Tab{
		{Query: "query A { a }", Variables: "{}", Focus: "query", QueryCursor: Cursor{Line: 1, Column: 3}, VariablesCursor: Cursor{Line: 1, Column: 1}},
		{Name: "b", Query: "query B { b }\n", Variables: `{"x": 1}`, BaseQuery: &base, Focus: "variables",
			QueryCursor: Cursor{Line: 2, Column: 1, Top: 1}, VariablesCursor: Cursor{Line: 1, Column: 5}},
	}}
}

func TestSaveLoadRoundTripIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "tabs.json")
	want := sample()
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Fatalf("the tabs file has mode %o, want 600", perm)
	}
	got, ok, notice := Load(path, time.Now())
	if !ok || notice != "" {
		t.Fatalf("load: ok=%v notice=%q", ok, notice)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip changed the state:\n got %+v\nwant %+v", got, want)
	}
}

func TestLoadMissingIsNoTabsAndNoNotice(t *testing.T) {
	_, ok, notice := Load(filepath.Join(t.TempDir(), "none.json"), time.Now())
	if ok || notice != "" {
		t.Fatalf("a missing file gave ok=%v notice=%q", ok, notice)
	}
}

func TestCorruptFileIsSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tabs.json")
	if err := os.WriteFile(path, []byte(`{"version": 1, "tabs": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	_, ok, notice := Load(path, now)
	if ok {
		t.Fatal("a truncated file was restored")
	}
	aside := path + ".corrupt-20260302T093000Z"
	if _, err := os.Stat(aside); err != nil {
		t.Fatalf("the corrupt file was not set aside as %s: %v", aside, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("the corrupt file is still in place")
	}
	if !strings.Contains(notice, "set aside as tabs.json.corrupt-20260302T093000Z") {
		t.Fatalf("the notice does not say where it went: %q", notice)
	}
}

func TestParseRefusesWhatItCannotTrust(t *testing.T) {
	for name, data := range map[string]string{
		"not json":      `tabs`,
		"other version": `{"version": 2, "tabs": [{"query": ""}]}`,
		"no tabs":       `{"version": 1, "tabs": []}`,
		"unknown field": `{"version": 1, "tabs": [{"query": "", "token": "x"}]}`,
		"trailing data": `{"version": 1, "tabs": [{"query": ""}]} {}`,
	} {
		if _, err := Parse([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseClampsWhatItKeeps(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"version": 1, "active": 40, "tabs": [`)
	for i := range 12 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"query": "", "query_cursor": {"line": -3, "column": 0, "top": -1}}`)
	}
	b.WriteString("]}")
	s, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tabs) != MaxTabs || s.Active != MaxTabs-1 {
		t.Fatalf("kept %d tabs with active %d", len(s.Tabs), s.Active)
	}
	if c := s.Tabs[0].QueryCursor; c != (Cursor{Line: 1, Column: 1, Top: 0}) {
		t.Fatalf("cursor %+v not clamped", c)
	}
}

func TestVersionsOnlyForUnchangedFiles(t *testing.T) {
	lib := saved.NewLibrary(filepath.Join(t.TempDir(), "queries"))
	v, err := lib.Save("kept", "query K { k }", "", saved.Version{}, false)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := lib.Save("changed", "query C { c }", "", saved.Version{}, false)
	if err != nil {
		t.Fatal(err)
	}
	st := State{Tabs: []Tab{{Name: "kept", SavedVersion: v.String()}, {Name: "changed", SavedVersion: v2.String()}, {}}}
	if _, err := lib.Save("changed", "query C { c2 }", "", v2, false); err != nil {
		t.Fatal(err)
	}
	got := Versions(st, lib)
	if !got[0].Equal(v) {
		t.Fatal("an unchanged saved query lost its version")
	}
	if !got[1].IsZero() || !got[2].IsZero() {
		t.Fatal("a changed (or unnamed) query got a version")
	}
}

func FuzzParse(f *testing.F) {
	data, _ := Marshal(sample())
	f.Add(data)
	f.Add([]byte(`{"version": 1, "tabs": [{}]}`))
	f.Add([]byte(`{"version": 1, "active": -5, "tabs": [{"query_cursor": {"line": -1}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			return
		}
		if len(s.Tabs) == 0 || len(s.Tabs) > MaxTabs || s.Active < 0 || s.Active >= len(s.Tabs) {
			t.Fatalf("Parse returned an unusable state: %d tabs, active %d", len(s.Tabs), s.Active)
		}
		again, err := Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(again); err != nil {
			t.Fatalf("what Parse returned does not parse again: %v", err)
		}
	})
}
