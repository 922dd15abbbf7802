package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// errNotRecord is the reason a line that is valid JSON is still refused.
var errNotRecord = errors.New("not a history record: no time")

// badLine is a line Load could not read: its 1-based number, and where it
// sits in the file, from its first byte to just after its '\n' (or the end of
// the file for a torn last line).
type badLine struct {
	number     int
	start, end int
}

// Load returns up to limit entries, newest (most recently appended) first;
// limit <= 0 means all of them. Only the lines returned are fully decoded;
// older ones are checked for being whole JSON objects, so that damage is found
// wherever it is without paying to decode entries nobody asked for.
//
// A line that cannot be read (torn by a crash, or damaged) never makes Load
// fail: it is skipped with a warning naming its line number, appended to
// QuarantinePath and removed from the history, so it is reported once and its
// bytes are kept rather than silently reset. If that clean-up fails, Load
// still succeeds and says so in a warning. A missing file is an empty history.
func (h *Log) Load(limit int) ([]Entry, []string, error) {
	if _, err := os.Stat(h.path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	// The lock keeps Load from reading a line another process is still
	// writing, which it would otherwise take for torn and quarantine.
	unlock, err := securefile.Lock(h.path)
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	data, err := os.ReadFile(h.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	entries, bad := splitHistory(data, limit)
	var warnings []string
	for _, b := range bad {
		warnings = append(warnings, fmt.Sprintf("history line %d is damaged or incomplete and was skipped", b.number))
	}
	if len(bad) > 0 {
		if err := h.quarantine(data, bad); err != nil {
			warnings = append(warnings, "could not move the damaged history lines aside: "+err.Error())
		} else {
			warnings = append(warnings, fmt.Sprintf("damaged history lines were moved to %s", h.QuarantinePath()))
		}
	}
	return entries, warnings, nil
}

// splitHistory reads the lines of data newest first. The newest limit
// records (all when limit <= 0) are decoded into entries; older lines, which
// the caller will not see, only get the cheap check that they are whole JSON
// objects, which is what a torn write or garbage fails. bad lists the lines
// that failed, in file order. Blank lines are neither entries nor damage.
func splitHistory(data []byte, limit int) (entries []Entry, bad []badLine) {
	var lines []badLine // every non-blank line's number and span
	for n, pos := 1, 0; pos < len(data); n++ {
		end := len(data)
		if i := bytes.IndexByte(data[pos:], '\n'); i >= 0 {
			end = pos + i + 1
		}
		if len(bytes.TrimSpace(data[pos:end])) > 0 {
			lines = append(lines, badLine{number: n, start: pos, end: end})
		}
		pos = end
	}
	for i := len(lines) - 1; i >= 0; i-- {
		line := bytes.TrimSuffix(data[lines[i].start:lines[i].end], []byte{'\n'})
		if limit > 0 && len(entries) >= limit {
			if !looksWhole(line) {
				bad = append(bad, lines[i])
			}
			continue
		}
		if e, err := decodeHistoryLine(line); err == nil {
			entries = append(entries, e)
		} else {
			bad = append(bad, lines[i])
		}
	}
	slices.Reverse(bad)
	return entries, bad
}

// looksWhole reports whether line is one complete JSON object.
func looksWhole(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 0 && t[0] == '{' && json.Valid(t)
}

// decodeHistoryLine decodes one line of the history file (without its '\n').
// It accepts exactly one JSON object with a valid "time" and, if present,
// "variables" as an object; numbers in the variables stay json.Number so
// large IDs keep every digit. Unknown fields are ignored, for files written
// by a newer version.
func decodeHistoryLine(line []byte) (Entry, error) {
	var rec struct {
		Entry
		// Shadows Entry.Variables so it can be decoded with UseNumber.
		Variables json.RawMessage `json:"variables"`
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return Entry{}, err
	}
	e := rec.Entry
	if e.Time.IsZero() {
		return Entry{}, errNotRecord
	}
	if len(rec.Variables) > 0 && string(rec.Variables) != "null" {
		dec := json.NewDecoder(bytes.NewReader(rec.Variables))
		dec.UseNumber()
		if err := dec.Decode(&e.Variables); err != nil {
			return Entry{}, err
		}
		if len(e.Variables) == 0 {
			e.Variables = nil // as Append writes it: omitted
		}
	}
	return e, nil
}

// quarantine appends the bad lines of data to QuarantinePath (synced, one
// per line) and then replaces the history with data minus those lines, every
// other byte kept exactly. The order matters: the damaged bytes are safe in
// the quarantine before they leave the history. The caller holds the
// history's lock.
func (h *Log) quarantine(data []byte, bad []badLine) error {
	q, err := os.OpenFile(h.QuarantinePath(), os.O_WRONLY|os.O_APPEND|os.O_CREATE, securefile.FilePerm)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	good := make([]byte, 0, len(data))
	pos := 0
	for _, b := range bad {
		good = append(good, data[pos:b.start]...)
		buf.Write(bytes.TrimSuffix(data[b.start:b.end], []byte{'\n'}))
		buf.WriteByte('\n')
		pos = b.end
	}
	good = append(good, data[pos:]...)
	if _, err := io.Copy(q, &buf); err != nil {
		_ = q.Close()
		return err
	}
	if err := q.Sync(); err != nil {
		_ = q.Close()
		return err
	}
	if err := q.Close(); err != nil {
		return err
	}
	return securefile.WriteFile(h.path, good, securefile.FilePerm)
}
