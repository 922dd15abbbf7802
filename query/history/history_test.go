package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func newTestHistory(t *testing.T, maxBytes int64) *Log {
	t.Helper()
	return New(filepath.Join(t.TempDir(), "state", "history.jsonl"), maxBytes)
}

func mustAppend(t *testing.T, h *Log, e Entry) {
	t.Helper()
	if err := h.Append(e); err != nil {
		t.Fatalf("Append: %v", err)
	}
}

func mustLoadHistory(t *testing.T, h *Log, limit int) ([]Entry, []string) {
	t.Helper()
	entries, warnings, err := h.Load(limit)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return entries, warnings
}

func appendRaw(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

func numbered(i int) Entry {
	return Entry{
		Time:          time.Date(2025, 1, 2, 3, 4, 5, i, time.UTC),
		Endpoint:      "http://127.0.0.1:8080/graphql",
		Operation:     fmt.Sprintf("Op%d", i),
		OperationKind: "query",
		Document:      fmt.Sprintf("query Op%d { Cards { total } }", i),
		Variables:     map[string]any{"n": json.Number(fmt.Sprint(i))},
		Status:        200,
		Outcome:       OutcomeOK,
		DurationMS:    int64(i),
		Size:          1234,
	}
}

// opIndex reads back the number numbered put in an entry.
func opIndex(t *testing.T, e Entry) int {
	t.Helper()
	var i int
	if _, err := fmt.Sscanf(e.Operation, "Op%d", &i); err != nil {
		t.Fatalf("entry %+v is not numbered", e)
	}
	return i
}

func TestHistoryAppendLoadNewestFirst(t *testing.T) {
	h := newTestHistory(t, 0)
	if got, w := mustLoadHistory(t, h, 0); got != nil || w != nil {
		t.Fatalf("missing history = %v, %v", got, w)
	}
	for i := range 5 {
		mustAppend(t, h, numbered(i))
	}
	got, warnings := mustLoadHistory(t, h, 0)
	if len(warnings) != 0 {
		t.Fatalf("warnings: %q", warnings)
	}
	if len(got) != 5 {
		t.Fatalf("loaded %d entries, want 5", len(got))
	}
	for i, e := range got {
		want := numbered(4 - i)
		if !reflect.DeepEqual(e, want) {
			t.Errorf("entry %d = %+v, want %+v", i, e, want)
		}
	}
	if got, _ := mustLoadHistory(t, h, 2); len(got) != 2 || opIndex(t, got[0]) != 4 || opIndex(t, got[1]) != 3 {
		t.Errorf("Load(2) = %+v", got)
	}
	data, _ := os.ReadFile(h.Path())
	if lines := bytes.Count(data, []byte("\n")); lines != 5 {
		t.Errorf("file has %d lines, want one per entry", lines)
	}
}

func TestHistoryAppendFillsTimeAndKeepsBigNumbers(t *testing.T) {
	h := newTestHistory(t, 0)
	before := time.Now()
	mustAppend(t, h, Entry{Document: "{ a }", Variables: map[string]any{"ref": json.Number("6301000000000000001")}})
	got, _ := mustLoadHistory(t, h, 0)
	if len(got) != 1 {
		t.Fatalf("got %d entries", len(got))
	}
	if got[0].Time.Before(before.Add(-time.Second)) || got[0].Time.Location() != time.UTC {
		t.Errorf("Time = %v, want about now, in UTC", got[0].Time)
	}
	if ref := got[0].Variables["ref"]; ref != json.Number("6301000000000000001") {
		t.Errorf("ref = %#v: digits lost", ref)
	}
}

func TestHistoryRotationKeepsTheNewest(t *testing.T) {
	const maxBytes = 4096
	h := newTestHistory(t, maxBytes)
	lineLen := 0
	for i := range 200 {
		mustAppend(t, h, numbered(i))
		info, err := os.Stat(h.Path())
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > maxBytes {
			t.Fatalf("after %d appends the file is %d bytes, over the %d bound", i+1, info.Size(), maxBytes)
		}
		if i == 0 {
			lineLen = int(info.Size())
		}
	}
	got, warnings := mustLoadHistory(t, h, 0)
	if len(warnings) != 0 {
		t.Fatalf("rotation left damage: %q", warnings)
	}
	// The newest entries, contiguous: nothing in the middle went missing.
	for i, e := range got {
		if opIndex(t, e) != 199-i {
			t.Fatalf("entry %d is Op%d, want Op%d", i, opIndex(t, e), 199-i)
		}
	}
	// Right after a rotation at least the half bound's worth is kept.
	if minKept := maxBytes/2/lineLen - 1; len(got) < minKept {
		t.Fatalf("kept %d entries, want at least %d", len(got), minKept)
	}
}

func TestHistoryRotationKeepsAnOversizedNewestEntry(t *testing.T) {
	h := newTestHistory(t, 1024)
	mustAppend(t, h, numbered(0))
	big := numbered(1)
	big.Document = "query Op1 { " + strings.Repeat("a ", 2000) + "}"
	mustAppend(t, h, big)
	got, _ := mustLoadHistory(t, h, 0)
	if len(got) != 1 || got[0].Document != big.Document {
		t.Fatalf("after rotating with a huge entry: %d entries", len(got))
	}
	mustAppend(t, h, numbered(2))
	if got, _ := mustLoadHistory(t, h, 0); len(got) != 1 || opIndex(t, got[0]) != 2 {
		t.Fatalf("next rotation: %+v", got)
	}
}

func TestHistoryAppendAfterATornTailKeepsTheNewEntry(t *testing.T) {
	h := newTestHistory(t, 0)
	mustAppend(t, h, numbered(0))
	appendRaw(t, h.Path(), `{"time":"2025-01-02T03:04:05Z","endpo`)
	mustAppend(t, h, numbered(1))
	got, warnings := mustLoadHistory(t, h, 0)
	if len(got) != 2 || opIndex(t, got[0]) != 1 || opIndex(t, got[1]) != 0 {
		t.Fatalf("entries = %+v", got)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "line 2 ") {
		t.Fatalf("warnings = %q", warnings)
	}
}

func TestHistoryQuarantinesDamagedLinesOnce(t *testing.T) {
	h := newTestHistory(t, 0)
	mustAppend(t, h, numbered(0))
	damage := []string{"Extra data}", "\x00\xff binary", "{}", "[1,2]", `{"time":"2025-01-02T03:04:05Z","variables":[1]}`}
	for _, d := range damage {
		appendRaw(t, h.Path(), d+"\n")
	}
	appendRaw(t, h.Path(), "\n") // a blank line is not damage
	mustAppend(t, h, numbered(1))

	got, warnings := mustLoadHistory(t, h, 0)
	if len(got) != 2 {
		t.Fatalf("entries = %+v", got)
	}
	if len(warnings) != len(damage)+1 {
		t.Fatalf("warnings = %q", warnings)
	}
	for i := range damage {
		if want := fmt.Sprintf("line %d ", i+2); !strings.Contains(warnings[i], want) {
			t.Errorf("warning %q does not name %q", warnings[i], want)
		}
	}
	if q := readString(t, h.QuarantinePath()); q != strings.Join(damage, "\n")+"\n" {
		t.Errorf("quarantine = %q", q)
	}
	// Reported once: the damage has left the history.
	if got2, w := mustLoadHistory(t, h, 0); len(w) != 0 || !reflect.DeepEqual(got2, got) {
		t.Errorf("second Load: %d entries, warnings %q", len(got2), w)
	}
}

func TestHistoryLoadWithALimitStillFindsOldDamage(t *testing.T) {
	h := newTestHistory(t, 0)
	mustAppend(t, h, numbered(0))
	appendRaw(t, h.Path(), "{\"time\":\"2025-01-02T03:04:05Z\",\"docu\n")
	for i := 1; i < 4; i++ {
		mustAppend(t, h, numbered(i))
	}
	got, warnings := mustLoadHistory(t, h, 1)
	if len(got) != 1 || opIndex(t, got[0]) != 3 {
		t.Fatalf("Load(1) = %+v", got)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "line 2 ") {
		t.Fatalf("warnings = %q", warnings)
	}
	if got, w := mustLoadHistory(t, h, 0); len(got) != 4 || len(w) != 0 {
		t.Fatalf("after quarantine: %d entries, warnings %q", len(got), w)
	}
}

// readString returns the file's content or fails the test.
func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
