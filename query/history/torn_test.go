package history

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestHistoryTornTailAtEveryOffset cuts the file at every byte offset inside
// its last record, as a crash mid-append would, and checks that Load always
// succeeds, keeps every earlier record, quarantines the fragment, and that the
// history works normally afterwards.
func TestHistoryTornTailAtEveryOffset(t *testing.T) {
	src := newTestHistory(t, 0)
	for i := range 3 {
		mustAppend(t, src, numbered(i))
	}
	full, err := os.ReadFile(src.Path())
	if err != nil {
		t.Fatal(err)
	}
	earlier, _ := mustLoadHistory(t, src, 0)
	earlier = earlier[1:] // newest first: drop Op2, the record being torn
	lastStart := bytes.LastIndexByte(full[:len(full)-1], '\n') + 1
	recordEnd := len(full) - 1 // the record's closing brace ends here, before '\n'

	dir := t.TempDir()
	for cut := lastStart; cut <= len(full); cut++ {
		h := New(filepath.Join(dir, "history.jsonl"), 0)
		_ = os.Remove(h.QuarantinePath())
		if err := os.WriteFile(h.Path(), full[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		got, warnings, err := h.Load(0)
		if err != nil {
			t.Fatalf("cut at %d: Load failed: %v", cut, err)
		}
		torn := cut > lastStart && cut < recordEnd
		switch {
		case torn:
			if !reflect.DeepEqual(got, earlier) {
				t.Fatalf("cut at %d: entries %+v, want the 2 earlier ones", cut, got)
			}
			if len(warnings) != 2 || !strings.Contains(warnings[0], "line 3 ") {
				t.Fatalf("cut at %d: warnings %q", cut, warnings)
			}
			if q := readString(t, h.QuarantinePath()); q != string(full[lastStart:cut])+"\n" {
				t.Fatalf("cut at %d: quarantine holds %q", cut, q)
			}
			if rest := readString(t, h.Path()); rest != string(full[:lastStart]) {
				t.Fatalf("cut at %d: history left as %q", cut, rest)
			}
		case cut == lastStart:
			if !reflect.DeepEqual(got, earlier) || len(warnings) != 0 {
				t.Fatalf("cut at a line boundary: %d entries, warnings %q", len(got), warnings)
			}
		default: // the whole record is there, with or without its '\n'
			if len(got) != 3 || len(warnings) != 0 || opIndex(t, got[0]) != 2 {
				t.Fatalf("cut at %d (complete record): %d entries, warnings %q", cut, len(got), warnings)
			}
		}
		// Life goes on: the next append and load are clean.
		mustAppend(t, h, numbered(9))
		got, warnings = mustLoadHistory(t, h, 0)
		if len(warnings) != 0 || opIndex(t, got[0]) != 9 || !reflect.DeepEqual(got[len(got)-2:], earlier) {
			t.Fatalf("cut at %d, then Append: %d entries, warnings %q", cut, len(got), warnings)
		}
	}
}
